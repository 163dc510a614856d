#include "AppStyle.h"
#include "GuiDriver.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "NoticeBar.h"
#include "ShopClient.h"
#include "ShopFixture.h"

#include <QtCore/QRandomGenerator>
#include <QtCore/QStandardPaths>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>

#include <memory>

// The sign-in dialog's new account, against a real server: the password is typed twice
// before anything is sent (found by hand under Xvfb: a typo made an account its shopper
// could never sign in to).
class tst_LoginDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void newAccountAsksThePasswordTwice();

private:
    int users(const QString &name) { return int(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE username = ?"), { name })); }

    ShopFixture m_shop;
    std::unique_ptr<MainWindow> m_window;
};

void tst_LoginDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings under a test folder, not the user's
    AppStyle::apply();
    QVERIFY(m_shop.start(4));
}

void tst_LoginDialog::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    m_window->connectTo(m_shop.baseUrl().toString());
}

void tst_LoginDialog::cleanup() { m_window.reset(); }

void tst_LoginDialog::cleanupTestCase() { m_shop.stop(); }

void tst_LoginDialog::newAccountAsksThePasswordTwice()
{
    QTRY_VERIFY(m_window->loginDialog() && m_window->loginDialog()->isVisible());
    LoginDialog *dialog = m_window->loginDialog();
    auto *user = dialog->findChild<QLineEdit *>(QStringLiteral("username"));
    auto *pass = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
    auto *repeat = dialog->findChild<QLineEdit *>(QStringLiteral("repeatPassword"));
    auto *create = dialog->findChild<QPushButton *>(QStringLiteral("createAccount"));
    auto *notice = dialog->findChild<NoticeBar *>(QStringLiteral("loginNotice"));
    QVERIFY(user && pass && repeat && create && notice);
    QVERIFY(!repeat->isVisible()); // signing in needs it not

    const QString name = QStringLiteral("newcomer_%1").arg(QRandomGenerator::global()->bounded(1000000));
    GuiDriver::retype(user, name);
    GuiDriver::retype(pass, QStringLiteral("long-enough-1"));
    QSignalSpy sent(m_window->client(), &ShopClient::requestStarted);
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY(repeat->isVisible());
    QCOMPARE(notice->text(), QStringLiteral("Type the password again to create the account."));
    QCOMPARE(dialog->focusWidget(), repeat);
    QCOMPARE(sent.count(), 0);

    // A typo in the second: refused before anything is sent, the second field emptied.
    GuiDriver::retype(repeat, QStringLiteral("long-enough-2"));
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_COMPARE(notice->text(), QStringLiteral("The two passwords differ. Type the password again."));
    QCOMPARE(repeat->text(), QString());
    QCOMPARE(dialog->focusWidget(), repeat);
    QCOMPARE(sent.count(), 0);
    QCOMPARE(users(name), 0);

    // The same twice, Enter in the second field: the account, then signed in with it.
    GuiDriver::retype(repeat, QStringLiteral("long-enough-1"));
    QTest::keyClick(repeat, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->loginDialog() || !m_window->loginDialog()->isVisible(), 10000);
    QCOMPARE(users(name), 1);
}

QTEST_MAIN(tst_LoginDialog)
#include "tst_logindialog.moc"

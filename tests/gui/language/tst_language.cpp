#include "AppStyle.h"
#include "GuiDriver.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "PageWidget.h"
#include "RecordTableModel.h"
#include "SessionView.h"
#include "ShopClient.h"
#include "ShopFixture.h"
#include "Translator.h"

#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QXmlStreamReader>
#include <QtTest/QTest>
#include <QtGui/QAccessible>
#include <QtWidgets/QAbstractButton>
#include <QtWidgets/QAbstractSpinBox>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialog>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPlainTextEdit>

#include <memory>

// Issue 27: the window in the person's language. It starts in the system's (this test
// runs with LANG=ko_KR.UTF-8), follows the Settings choice at once, without a restart,
// on every page; and a whole purchase — sign in, search, add to cart, claim and choose
// a coupon, pay — works from the keyboard alone (QTest::keyClick, no mouse).
class tst_Language : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void startsInTheSystemLanguage();
    void switchesAtRunTimeOnEveryPage_data();
    void switchesAtRunTimeOnEveryPage();
    void keyboardOnlyPurchase();

private:
    // Every source text of the app that has a Korean of its own, mnemonics taken out.
    static QSet<QString> englishSources();
    // The visible texts under `root` still in English: each with its widget's name.
    QStringList englishLeft(QWidget *root) const;
    // The visible inputs under `root` a screen reader would announce without a name.
    static QStringList unnamedInputs(QWidget *root);
    // A key as a person presses it: to whatever has the keyboard focus.
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    static void type(const QString &text);

    ShopFixture m_shop;
    std::unique_ptr<MainWindow> m_window;
    QSet<QString> m_english;
};

void tst_Language::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings under a test folder, not the user's
    QSettings().remove(QStringLiteral("ui/language"));
    AppStyle::apply();
    m_english = englishSources();
    QVERIFY(m_english.size() > 300);
    QVERIFY(m_shop.start(4));
}

void tst_Language::init()
{
    QSettings().remove(QStringLiteral("ui/language"));
    QSettings().remove(QStringLiteral("login/lastUser")); // a new person: the name field first
    Translator::use(QStringLiteral("en"));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1180, 760);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void tst_Language::cleanup()
{
    m_window.reset();
    Translator::use(QStringLiteral("en"));
}

void tst_Language::cleanupTestCase() { m_shop.stop(); }

QSet<QString> tst_Language::englishSources()
{
    QSet<QString> sources;
    QFile ts(QStringLiteral(STOREFRONT_SOURCE_DIR "/resources/translations/storefront_ko.ts"));
    if (!ts.open(QIODevice::ReadOnly))
        return sources;
    QXmlStreamReader xml(&ts);
    QString source;
    static const QRegularExpression mnemonic(QStringLiteral("&(?=\\S)"));
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString korean = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            // Words only: "%1 (%2)", "—" and names kept as they are ("Storefront", "SKU %1") say no English.
            if (korean != source && source.contains(QRegularExpression(QStringLiteral("[A-Za-z]{2,}"))))
                sources.insert(QString(source).remove(mnemonic).trimmed());
        }
    }
    return sources;
}

QStringList tst_Language::englishLeft(QWidget *root) const
{
    static const QRegularExpression mnemonic(QStringLiteral("&(?=\\S)"));
    QStringList left;
    const auto check = [&](QWidget *w, const QString &what, const QString &text) {
        const QString plain = QString(text).remove(mnemonic).trimmed();
        if (!plain.isEmpty() && m_english.contains(plain))
            left << QStringLiteral("%1 %2 (%3): %4")
                        .arg(QLatin1String(w->metaObject()->className()), w->objectName(), what, plain);
    };
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisibleTo(root->window()))
            continue;
        check(w, QStringLiteral("title"), w->windowTitle());
        check(w, QStringLiteral("accessible name"), w->accessibleName());
        check(w, QStringLiteral("tooltip"), w->toolTip());
        if (auto *label = qobject_cast<QLabel *>(w))
            check(w, QStringLiteral("text"), label->text());
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            check(w, QStringLiteral("text"), button->text());
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            check(w, QStringLiteral("placeholder"), edit->placeholderText());
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                check(w, QStringLiteral("item"), combo->itemText(i));
        }
        if (auto *list = qobject_cast<QListWidget *>(w)) {
            for (int i = 0; i < list->count(); ++i)
                check(w, QStringLiteral("item"), list->item(i)->text());
        }
        if (auto *header = qobject_cast<QHeaderView *>(w); header && header->model()) {
            for (int i = 0; i < header->count(); ++i)
                check(w, QStringLiteral("column"), header->model()->headerData(i, header->orientation()).toString());
        }
    }
    return left;
}

QStringList tst_Language::unnamedInputs(QWidget *root)
{
    QStringList unnamed;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root->window()) || w->focusPolicy() == Qt::NoFocus)
            continue;
        // The editors inside a combo box or a spin box are theirs: the outer widget is named.
        if (qobject_cast<QComboBox *>(w->parentWidget()) || qobject_cast<QAbstractSpinBox *>(w->parentWidget()))
            continue;
        const bool input = qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w)
                || qobject_cast<QAbstractItemView *>(w) || qobject_cast<QAbstractButton *>(w)
                || qobject_cast<QPlainTextEdit *>(w);
        if (!input)
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(w);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QStringLiteral("%1 %2 in %3")
                               .arg(QLatin1String(w->metaObject()->className()), w->objectName(),
                                    w->parentWidget() ? w->parentWidget()->objectName() : QString());
    }
    return unnamed;
}

void tst_Language::press(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : QApplication::activeWindow();
    QTest::keyClick(target ? target : m_window.get(), key, modifiers);
}

void tst_Language::type(const QString &text) { QTest::keyClicks(QApplication::focusWidget(), text); }

void tst_Language::startsInTheSystemLanguage()
{
    // LANG=ko_KR.UTF-8 (this test's environment): Korean, unless chosen otherwise.
    QCOMPARE(Translator::systemLanguage(), QStringLiteral("ko"));
    QCOMPARE(Translator::startLanguage(), QStringLiteral("ko"));
    QCOMPARE(Translator::startLanguage(QStringLiteral("en")), QStringLiteral("en")); // --lang en
    Translator::choose(QStringLiteral("en")); // Settings
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("en"));
    QCOMPARE(Translator::startLanguage(), QStringLiteral("en"));
    QCOMPARE(Translator::startLanguage(QStringLiteral("ko")), QStringLiteral("ko"));
    // A window made in Korean is in Korean from its first paint.
    Translator::use(QStringLiteral("ko"));
    MainWindow window;
    window.show();
    QCOMPARE(window.windowTitle(), QStringLiteral("Storefront"));
    QCOMPARE(
        window.findChild<QAbstractButton *>(QStringLiteral("settingsButton"))->text(), QStringLiteral("\uC5B8\uC5B4"));
}

void tst_Language::switchesAtRunTimeOnEveryPage_data()
{
    QTest::addColumn<bool>("admin");
    QTest::newRow("shopper") << false;
    QTest::newRow("admin") << true;
}

void tst_Language::switchesAtRunTimeOnEveryPage()
{
    QFETCH(bool, admin);
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(m_shop.charge(shopper, 12300));
    m_window->connectTo(m_shop.baseUrl().toString());
    if (admin)
        QVERIFY(
            GuiDriver::signIn(*m_window, QStringLiteral("admin"), QString::fromLatin1(ShopFixture::kAdminPassword)));
    else
        QVERIFY(GuiDriver::signIn(*m_window, shopper.username, QStringLiteral("password-123")));
    // The window manager's part: the main window is active again once the dialog is gone.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    SessionView *session = m_window->session();
    const QString first = session->pageNames().constFirst();
    QCOMPARE(session->page(first)->findChild<QLabel *>(QStringLiteral("pageTitle"))->text(),
        admin ? QStringLiteral("Dashboard") : QStringLiteral("Shop"));

    // Settings, from the keyboard (Ctrl+,): 한국어. The window changes while it is open.
    press(Qt::Key_Comma, Qt::ControlModifier);
    QDialog *settings = nullptr;
    QTRY_VERIFY((settings = m_window->findChild<QDialog *>(QStringLiteral("settingsDialog"))) && settings->isVisible());
    auto *choice = settings->findChild<QComboBox *>(QStringLiteral("languageChoice"));
    QTRY_COMPARE(QApplication::focusWidget(), choice);
    QCOMPARE(choice->currentText(), QStringLiteral("English"));
    press(Qt::Key_Up);
    QCOMPARE(choice->currentText(), QStringLiteral("\uD55C\uAD6D\uC5B4"));
    QTRY_COMPARE(session->page(first)->findChild<QLabel *>(QStringLiteral("pageTitle"))->text(),
        admin ? QStringLiteral("\uB300\uC2DC\uBCF4\uB4DC") : QStringLiteral("\uC1FC\uD551"));
    QTRY_COMPARE(settings->windowTitle(), QStringLiteral("\uC124\uC815"));
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("ko"));
    press(Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<QDialog *>(QStringLiteral("settingsDialog")));
    m_window->activateWindow(); // the window manager's part, once the dialog is gone
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    if (!admin) // money in the side bar: Korean won
        QTRY_COMPARE(session->findChild<QLabel *>(QStringLiteral("headerBalance"))->text(),
            QStringLiteral("\uC794\uC561 12,300\uC6D0"));

    // Every page, visited after the change: no English left that has its Korean.
    for (const QString &name : session->pageNames()) {
        GuiDriver::showPage(*m_window, name);
        QTRY_COMPARE(m_window->client()->inFlight(), 0);
        const QStringList left = englishLeft(m_window.get());
        QVERIFY2(left.isEmpty(), qPrintable(name + QStringLiteral(":\n") + left.join(QLatin1Char('\n'))));
        // Every input is announced by a name (its label, as buddy, or its accessible name).
        const QStringList unnamed = unnamedInputs(m_window.get());
        QVERIFY2(unnamed.isEmpty(), qPrintable(name + QStringLiteral(" unnamed:\n") + unnamed.join(QLatin1Char('\n'))));
    }

    // And back, the same way.
    press(Qt::Key_Comma, Qt::ControlModifier);
    QTRY_VERIFY((settings = m_window->findChild<QDialog *>(QStringLiteral("settingsDialog"))) && settings->isVisible());
    QTRY_COMPARE(QApplication::focusWidget(), settings->findChild<QComboBox *>(QStringLiteral("languageChoice")));
    press(Qt::Key_Down);
    QTRY_COMPARE(session->page(first)->findChild<QLabel *>(QStringLiteral("pageTitle"))->text(),
        admin ? QStringLiteral("Dashboard") : QStringLiteral("Shop"));
    press(Qt::Key_Escape);
}

void tst_Language::keyboardOnlyPurchase()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(m_shop.charge(shopper, 50000));
    const QString name = QStringLiteral("Kettle %1").arg(shopper.id);
    const qint64 kettle = m_shop.createProduct(name, 12300, 5);
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("FIXED"), 1000, 5);
    QVERIFY(kettle > 0 && coupon > 0);
    Translator::use(QStringLiteral("ko"));
    m_window->connectTo(m_shop.baseUrl().toString());

    // Sign in: the name field has the focus; Tab to the password; Enter signs in.
    QTRY_VERIFY(m_window->loginDialog() && m_window->loginDialog()->isVisible());
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("username"));
    type(shopper.username);
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("password"));
    type(QStringLiteral("password-123"));
    press(Qt::Key_Return);
    QTRY_VERIFY(m_window->session() && m_window->session()->isVisible());
    m_window->activateWindow(); // the window manager's part, once the dialog is gone
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    SessionView *session = m_window->session();

    // Claim the coupon: Ctrl+4 (쿠폰), to it in the list, Alt+L (쿠폰 받기).
    press(Qt::Key_4, Qt::ControlModifier);
    PageWidget *coupons = session->page(QStringLiteral("couponsPage"));
    QTRY_VERIFY(coupons->isVisible());
    auto *open = coupons->findChild<QAbstractItemView *>(QStringLiteral("openCoupons"));
    QTRY_VERIFY(open->model()->rowCount() > 0);
    // Alt+O to the list of open coupons, End to this test's coupon (the newest, last).
    press(Qt::Key_O, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), open);
    press(Qt::Key_End);
    QTRY_COMPARE(open->currentIndex().data(RecordTableModel::kIdRole).toLongLong(), coupon);
    press(Qt::Key_L, Qt::AltModifier);
    QTRY_VERIFY2(
        GuiDriver::noticeText(coupons).contains(QStringLiteral("\uCFE0\uD3F0\uC744 \uBC1B\uC558\uC2B5\uB2C8\uB2E4")),
        qPrintable(GuiDriver::noticeText(coupons)));

    // Search: Ctrl+1 (쇼핑), Ctrl+F, type, Enter; the match is chosen; Alt+A adds one.
    press(Qt::Key_1, Qt::ControlModifier);
    PageWidget *shop = session->page(QStringLiteral("shopPage"));
    QTRY_VERIFY(shop->isVisible());
    press(Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("searchBox"));
    type(name);
    press(Qt::Key_Return);
    auto *grid = shop->findChild<QAbstractItemView *>(QStringLiteral("productGrid"));
    QTRY_VERIFY(grid->model()->rowCount() == 1 && grid->model()->index(0, 0).data().toString() == name);
    QTRY_VERIFY(grid->selectionModel()->isRowSelected(0, {}));
    press(Qt::Key_A, Qt::AltModifier);
    QTRY_VERIFY2(GuiDriver::noticeText(shop).contains(name), qPrintable(GuiDriver::noticeText(shop)));

    // Checkout: Ctrl+2 (장바구니), Alt+O to the coupon, Down to choose it, Alt+P pays.
    press(Qt::Key_2, Qt::ControlModifier);
    PageWidget *cart = session->page(QStringLiteral("cartPage"));
    QTRY_VERIFY(cart->isVisible());
    auto *choice = cart->findChild<QComboBox *>(QStringLiteral("couponChoice"));
    QTRY_COMPARE(choice->count(), 2);
    press(Qt::Key_O, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), choice);
    press(Qt::Key_Down);
    QCOMPARE(choice->currentIndex(), 1);
    QTRY_COMPARE(cart->findChild<QLabel *>(QStringLiteral("cartToPay"))->text(), QStringLiteral("11,300\uC6D0"));
    press(Qt::Key_P, Qt::AltModifier);
    // The confirmation: Enter would keep the money (the safe default); Alt+P pays.
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("confirmPay"))) && box->isVisible());
    QTRY_VERIFY(box->isActiveWindow() || QApplication::focusWidget() == nullptr || box->isAncestorOf(QApplication::focusWidget()));
    press(Qt::Key_P, Qt::AltModifier);
    QTRY_VERIFY2(GuiDriver::noticeText(cart).contains(QStringLiteral("\uACB0\uC81C \uC644\uB8CC")),
        qPrintable(GuiDriver::noticeText(cart)));
    QVERIFY(GuiDriver::noticeText(cart).contains(QStringLiteral("11,300\uC6D0")));
    QCOMPARE(m_shop.balanceOf(shopper), 38700);
    QCOMPARE(m_shop.stockOf(kettle), 4);
}

QTEST_MAIN(tst_Language)
#include "tst_language.moc"

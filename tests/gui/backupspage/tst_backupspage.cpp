#include "AppStyle.h"
#include "BackupFolder.h"
#include "BackupsPage.h"
#include "GuiDriver.h"
#include "MainWindow.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "ShopFixture.h"
#include "TestStack.h"

#include <QtCore/QJsonArray>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>

#include <memory>

// Issue 25, point 6, the app's side: the Backups page against a real server that backs
// up into a temporary folder. An empty list says so in words; "Back up now" shows its
// progress and ends on a verified row with its size; the selected backup shows its
// folder and the exact restore command; the app's own shop can be pointed at another
// folder (remembered, used from the next start); a remote server's page offers none.
class tst_BackupsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void emptyListSaysSoInWords();
    void backUpNowShowsProgressThenVerified();
    void ownShopFolderCanBeChanged();

private:
    BackupsPage *openPage();
    template<typename T>
    T *child(QObject *parent, const char *name)
    {
        T *found = parent->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no %s", name);
        return found;
    }

    QTemporaryDir m_dir;
    ShopFixture m_shop;
    std::unique_ptr<MainWindow> m_window;
};

void tst_BackupsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    AppStyle::apply();
    QVERIFY(m_dir.isValid());
    QVERIFY(TestStack::truncateAll()); // no backups recorded yet
    m_shop.configure([this](ServerConfig &config) {
        config.backupDir = m_dir.path();
        config.backupCheckMs = 3600 * 1000; // only "Back up now" during the test
    });
    QVERIFY(m_shop.start(2));
    QVERIFY(m_shop.createProduct(QStringLiteral("백업 테스트 찻잔"), 9000, 12) > 0);
}

void tst_BackupsPage::init()
{
    QSettings().remove(QStringLiteral("backups"));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 800);
    m_window->show();
}

void tst_BackupsPage::cleanup()
{
    m_window.reset();
    BackupFolder::setOwnShop(QString(), QString());
}

void tst_BackupsPage::cleanupTestCase()
{
    m_shop.stop();
}

BackupsPage *tst_BackupsPage::openPage()
{
    m_window->connectTo(m_shop.baseUrl().toString());
    if (!GuiDriver::signIn(*m_window, QStringLiteral("admin"), QLatin1String(ShopFixture::kAdminPassword)))
        return nullptr;
    return qobject_cast<BackupsPage *>(GuiDriver::showPage(*m_window, QStringLiteral("backupsPage")));
}

void tst_BackupsPage::emptyListSaysSoInWords()
{
    BackupsPage *page = openPage();
    QVERIFY(page);
    auto *table = child<RecordTableView>(page, "backupTable");
    auto *where = child<QLabel>(page, "backupWhere");
    QTRY_VERIFY(!where->text().isEmpty());
    QVERIFY(table->showsEmptyText());
    QVERIFY2(table->emptyText().startsWith(QStringLiteral("No backups yet. One is taken on its own")), qPrintable(table->emptyText()));
    QVERIFY2(where->text().startsWith(QStringLiteral("Backups are kept on the server's computer in %1.").arg(m_dir.path())),
             qPrintable(where->text()));
    QVERIFY(child<QPushButton>(page, "backupNow")->isEnabled());
    QVERIFY(!child<QProgressBar>(page, "backupProgress")->isVisible());
    // A remote server's folder is not this computer's: nothing to open or change.
    QVERIFY(!child<QPushButton>(page, "backupChangeFolder")->isVisible());
    QVERIFY(!child<QPushButton>(page, "backupOpenFolder")->isVisible());
    QCOMPARE(child<QLabel>(page, "backupRestore")->text(),
             QStringLiteral("Select a backup to see its files and how to restore it."));
}

void tst_BackupsPage::backUpNowShowsProgressThenVerified()
{
    BackupsPage *page = openPage();
    QVERIFY(page);
    auto *table = child<RecordTableView>(page, "backupTable");
    auto *backUp = child<QPushButton>(page, "backupNow");
    auto *progress = child<QProgressBar>(page, "backupProgress");
    QTRY_VERIFY(backUp->isEnabled());
    QTest::mouseClick(backUp, Qt::LeftButton);
    // Under way: the button waits, the bar and the step show, the row is there.
    QTRY_VERIFY(progress->isVisible());
    QVERIFY(!backUp->isEnabled());
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QVERIFY(!child<QLabel>(page, "backupStatus")->text().isEmpty());
    // Verified (a scratch database restored and checked): the mark, the size, the end.
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->index(0, 2).data().toString(), QStringLiteral("\u2714 Verified"), 120000);
    QTRY_VERIFY(!progress->isVisible());
    QVERIFY(backUp->isEnabled());
    QVERIFY2(table->model()->index(0, 1).data().toString().endsWith(QStringLiteral(" kB")),
             qPrintable(table->model()->index(0, 1).data().toString()));
    QTRY_VERIFY(GuiDriver::noticeText(page).startsWith(QStringLiteral("Backed up and verified: ")));
    // The selected one: its folder and how to restore it on the server's computer.
    const auto listed = m_shop.client().get(QStringLiteral("/api/v1/admin/backups"), m_shop.admin().auth()).json();
    const QString folder = listed.value("items").toArray().first().toObject().value("folder").toString();
    QVERIFY(folder.startsWith(m_dir.path()));
    QTRY_VERIFY(child<QLabel>(page, "backupRestore")->text().startsWith(QStringLiteral("Its files: %1").arg(folder)));
    QCOMPARE(child<QPlainTextEdit>(page, "backupRestoreCommand")->toPlainText(),
             QStringLiteral("storefront-server restore \\\n    --from %1 \\\n    --config /etc/storefront/storefront.ini --replace")
                     .arg(folder));
}

void tst_BackupsPage::ownShopFolderCanBeChanged()
{
    // As app/main.cpp says when it runs its own shop.
    BackupFolder::setOwnShop(m_dir.path(), QStringLiteral("/home/owner/.local/share/storefront/storefront/stack"));
    QCOMPARE(BackupFolder::defaultFor(QStringLiteral("/home/owner/.local/share/storefront/storefront/stack")),
             QStringLiteral("/home/owner/.local/share/storefront/storefront/backups"));
    BackupsPage *page = openPage();
    QVERIFY(page);
    auto *where = child<QLabel>(page, "backupWhere");
    QTRY_VERIFY(where->text().startsWith(QStringLiteral("Backups of this app's shop are kept on this computer in %1.").arg(m_dir.path())));
    QVERIFY(child<QPushButton>(page, "backupChangeFolder")->isVisible());
    QVERIFY(child<QPushButton>(page, "backupOpenFolder")->isVisible());
    // The restore command names this app's stack.
    auto *table = child<RecordTableView>(page, "backupTable");
    QTRY_VERIFY(table->model()->rowCount() >= 1);
    QVERIFY(GuiDriver::selectRowWithId(table, table->model()->index(0, 0).data(RecordTableModel::kIdRole).toLongLong()));
    QTRY_VERIFY(child<QPlainTextEdit>(page, "backupRestoreCommand")->toPlainText().endsWith(
            QStringLiteral("--stack /home/owner/.local/share/storefront/storefront/stack --replace")));

    page->chooseFolder(QStringLiteral("/media/owner/USB/storefront-backups/"));
    auto *note = child<QLabel>(page, "backupFolderNote");
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("From the app's next start, backups go to /media/owner/USB/storefront-backups. "
                                          "Until then they go where they went."));
    QCOMPARE(BackupFolder::chosen(), QStringLiteral("/media/owner/USB/storefront-backups"));
    // What the next start of the app gives its server.
    QCOMPARE(BackupFolder::forStack(QStringLiteral("/home/owner/.local/share/storefront/storefront/stack")),
             QStringLiteral("/media/owner/USB/storefront-backups"));
    page->chooseFolder(m_dir.path());
    QCOMPARE(note->text(), QStringLiteral("Backups go to %1.").arg(m_dir.path()));
}

QTEST_MAIN(tst_BackupsPage)
#include "tst_backupspage.moc"

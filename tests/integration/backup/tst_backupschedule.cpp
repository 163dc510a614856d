#include "BackupScheduler.h"
#include "ShopFixture.h"
#include "TestStack.h"

#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

// Scheduled and requested backups (issue 25, points 5 and 6): two server instances on
// one shop asked to check at the same moment take one backup; POST while one runs on
// any instance is 409 BACKUP_RUNNING; GET lists them newest first, verified; pruning
// keeps the `backup-keep` newest verified; /metrics shows the last success. Both
// instances back up into one folder, as instances of one shop should.
class tst_BackupSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void twoInstancesTakeOneBackup();
    void postWhileRunningIsRefused();
    void pruningKeepsTheNewest();
    void metricsShowTheLastSuccess();
    void interruptedRunShowsAsFailed();
    void onlyAdminsAndOnlyWithAFolder();

private:
    QJsonArray items(ShopFixture &shop)
    {
        return shop.client().get(QStringLiteral("/api/v1/admin/backups"), shop.admin().auth()).json().value("items").toArray();
    }
    // The run has ended (verified, pruned, its lock released): what GET says then.
    QString settledState(ShopFixture &shop)
    {
        const QJsonObject answer = shop.client().get(QStringLiteral("/api/v1/admin/backups"), shop.admin().auth()).json();
        const QJsonArray list = answer.value("items").toArray();
        if (answer.value("running").toBool() || list.isEmpty())
            return QString();
        return list.first().toObject().value("state").toString();
    }
    QStringList folders() const
    {
        return QDir(m_dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    }
    static double gauge(const QByteArray &metrics, const char *name)
    {
        const QRegularExpression line(QStringLiteral("^%1 (\\S+)$").arg(QLatin1String(name)), QRegularExpression::MultilineOption);
        const QRegularExpressionMatch found = line.match(QString::fromUtf8(metrics));
        return found.hasMatch() ? found.captured(1).toDouble() : -1;
    }

    QTemporaryDir m_dir;
    ShopFixture m_a;
    ShopFixture m_b; // a second instance on the same MySQL, Redis and Kafka
    qint64 m_first = 0;
    qint64 m_second = 0;
};

void tst_BackupSchedule::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("storefront.http.requests.info=false"));
    QVERIFY(m_dir.isValid());
    QVERIFY(TestStack::truncateAll());
    const auto scheduled = [this](ServerConfig &config) {
        config.backupDir = m_dir.path();
        config.backupEveryHours = 24;
        config.backupKeep = 2;
        // No check on the timer during the test: checkNow() is the timer going off.
        config.backupCheckMs = 3600 * 1000;
    };
    m_a.configure(scheduled);
    m_b.configure(scheduled);
    QVERIFY(m_a.start(2));
    QVERIFY(m_b.start(2));
    // Something to back up: a product, a shopper's order.
    const qint64 product = m_a.createProduct(QStringLiteral("백업 보리차"), 1500, 100);
    QVERIFY(product > 0);
    const ShopFixture::User buyer = m_a.newShopper();
    QVERIFY(m_a.charge(buyer, 10000));
    const auto order = m_a.client().post(QStringLiteral("/api/v1/orders"),
                                         { { "userId", buyer.id },
                                           { "items", QJsonArray { QJsonObject { { "productId", product }, { "quantity", 2 } } } } },
                                         buyer.auth());
    QCOMPARE(order.status, 201);
}

void tst_BackupSchedule::cleanupTestCase()
{
    m_b.stop();
    m_a.stop();
}

void tst_BackupSchedule::twoInstancesTakeOneBackup()
{
    BackupScheduler *a = m_a.server().backups();
    BackupScheduler *b = m_b.server().backups();
    QCOMPARE(a->completedChecks(), 0);
    QCOMPARE(b->completedChecks(), 0);
    // Both instances' timers at the same moment: one takes the lock, the other finds it
    // held (or, were it later, the record saying a backup was just taken).
    a->checkNow();
    b->checkNow();
    QTRY_VERIFY_WITH_TIMEOUT(a->completedChecks() == 1 && b->completedChecks() == 1, 120000);
    QJsonArray list = items(m_a);
    QCOMPARE(list.size(), 1);
    const QJsonObject backup = list.first().toObject();
    QCOMPARE(backup.value("state").toString(), QStringLiteral("verified"));
    QCOMPARE(backup.value("verified").toBool(), true);
    QCOMPARE(backup.value("counts").toObject().value("products").toInteger(), 1);
    QCOMPARE(backup.value("counts").toObject().value("orders").toInteger(), 1);
    QVERIFY(backup.value("bytes").toInteger() > 0);
    QVERIFY(!backup.value("finishedAt").toString().isEmpty());
    QCOMPARE(folders().size(), 1);
    QCOMPARE(QDir(backup.value("folder").toString()).dirName(), folders().first());
    m_first = backup.value("id").toInteger();

    // Checked again on both: not due for another 24 hours.
    a->checkNow();
    b->checkNow();
    QTRY_VERIFY_WITH_TIMEOUT(a->completedChecks() == 2 && b->completedChecks() == 2, 30000);
    QCOMPARE(items(m_b).size(), 1);
    QCOMPARE(folders().size(), 1);
}

void tst_BackupSchedule::postWhileRunningIsRefused()
{
    const auto started = m_a.client().send("POST", QStringLiteral("/api/v1/admin/backups"), QByteArray(), m_a.admin().auth());
    QCOMPARE(started.status, 202);
    QCOMPARE(started.json().value("state").toString(), QStringLiteral("running"));
    m_second = started.json().value("id").toInteger();
    QVERIFY(m_second > m_first);
    // While it runs (its dump, then its restore into a scratch stack: seconds), on this
    // instance and on the other one.
    for (ShopFixture *shop : { &m_a, &m_b }) {
        const auto again = shop->client().send("POST", QStringLiteral("/api/v1/admin/backups"), QByteArray(), shop->admin().auth());
        QCOMPARE(again.status, 409);
        QCOMPARE(again.errorCode(), QStringLiteral("BACKUP_RUNNING"));
    }
    const auto during = m_b.client().get(QStringLiteral("/api/v1/admin/backups"), m_b.admin().auth()).json();
    QCOMPARE(during.value("running").toBool(), true);
    QCOMPARE(during.value("items").toArray().first().toObject().value("id").toInteger(), m_second);
    QVERIFY(QStringList({ "running", "verifying" }).contains(during.value("items").toArray().first().toObject().value("state").toString()));

    QTRY_COMPARE_WITH_TIMEOUT(settledState(m_b), QStringLiteral("verified"), 120000);
    const QJsonArray list = items(m_b);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toObject().value("id").toInteger(), m_second); // newest first
    QCOMPARE(list.at(1).toObject().value("id").toInteger(), m_first);
    QCOMPARE(list.at(1).toObject().value("verified").toBool(), true);
    QCOMPARE(folders().size(), 2);
}

void tst_BackupSchedule::pruningKeepsTheNewest()
{
    const QString oldest = QDir(items(m_a).last().toObject().value("folder").toString()).dirName();
    const auto started = m_b.client().send("POST", QStringLiteral("/api/v1/admin/backups"), QByteArray(), m_b.admin().auth());
    QCOMPARE(started.status, 202);
    const qint64 third = started.json().value("id").toInteger();
    QTRY_COMPARE_WITH_TIMEOUT(settledState(m_a), QStringLiteral("verified"), 120000);
    // backup-keep = 2: the oldest went once the third was verified, row and folder.
    const QJsonArray list = items(m_a);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toObject().value("id").toInteger(), third);
    QCOMPARE(list.at(1).toObject().value("id").toInteger(), m_second);
    QCOMPARE(folders().size(), 2);
    QVERIFY2(!folders().contains(oldest), qPrintable(folders().join(' ')));
}

void tst_BackupSchedule::metricsShowTheLastSuccess()
{
    const QJsonObject newest = items(m_a).first().toObject();
    const QDateTime finished = QDateTime::fromString(newest.value("finishedAt").toString(), Qt::ISODateWithMs);
    QVERIFY(finished.isValid());
    // m_b took the last one; m_a reads the record at its next check.
    m_a.server().backups()->checkNow();
    const int checks = m_a.server().backups()->completedChecks();
    QTRY_VERIFY_WITH_TIMEOUT(m_a.server().backups()->completedChecks() > checks, 30000);
    for (ShopFixture *shop : { &m_a, &m_b }) {
        const QByteArray metrics = shop->client().get(QStringLiteral("/metrics")).body;
        QCOMPARE(gauge(metrics, "storefront_backup_last_success_timestamp_seconds"), double(finished.toSecsSinceEpoch()));
        QCOMPARE(gauge(metrics, "storefront_backup_last_size_bytes"), double(newest.value("bytes").toInteger()));
        QVERIFY(metrics.contains("# TYPE storefront_backup_last_success_timestamp_seconds gauge"));
    }
}

void tst_BackupSchedule::interruptedRunShowsAsFailed()
{
    // An instance that died mid-backup left its row unfinished; its lock went with it.
    QCOMPARE(m_a.execute(QStringLiteral("INSERT INTO backups (started_at) VALUES (UTC_TIMESTAMP(3))")), 1);
    QJsonArray list = items(m_a);
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.first().toObject().value("state").toString(), QStringLiteral("failed"));
    QCOMPARE(list.first().toObject().value("error").toString(),
             QStringLiteral("not finished: the server taking it stopped before it was done"));
    // The next run, under the lock, settles it for good; it is not due (24 hours).
    m_a.server().backups()->checkNow();
    const int checks = m_a.server().backups()->completedChecks();
    QTRY_VERIFY_WITH_TIMEOUT(m_a.server().backups()->completedChecks() > checks, 30000);
    QCOMPARE(m_a.scalar(QStringLiteral("SELECT COUNT(*) FROM backups WHERE error IS NOT NULL")), 1);
    QCOMPARE(items(m_a).size(), 3);
    QCOMPARE(folders().size(), 2);
}

void tst_BackupSchedule::onlyAdminsAndOnlyWithAFolder()
{
    const ShopFixture::User shopper = m_a.newShopper();
    QCOMPARE(m_a.client().get(QStringLiteral("/api/v1/admin/backups"), shopper.auth()).status, 403);
    QCOMPARE(m_a.client().send("POST", QStringLiteral("/api/v1/admin/backups"), QByteArray(), shopper.auth()).status, 403);
    QCOMPARE(m_a.client().get(QStringLiteral("/api/v1/admin/backups")).status, 401);
    const auto described = m_a.client().get(QStringLiteral("/api/v1/admin/backups"), m_a.admin().auth()).json();
    QCOMPARE(described.value("directory").toString(), m_dir.path());
    QCOMPARE(described.value("everyHours").toInt(), 24);
    QCOMPARE(described.value("keep").toInt(), 2);
    const QJsonObject paths = m_a.client().get(QStringLiteral("/openapi.json")).json().value("paths").toObject();
    QVERIFY(paths.value("/api/v1/admin/backups").toObject().contains("get"));
    QVERIFY(paths.value("/api/v1/admin/backups").toObject().contains("post"));

    // An instance without backup-dir lists the shop's backups but takes none.
    ShopFixture off;
    QVERIFY(off.start(1));
    const auto listed = off.client().get(QStringLiteral("/api/v1/admin/backups"), off.admin().auth()).json();
    QCOMPARE(listed.value("items").toArray().size(), 3);
    QVERIFY(listed.value("directory").isNull());
    const auto refused = off.client().send("POST", QStringLiteral("/api/v1/admin/backups"), QByteArray(), off.admin().auth());
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QVERIFY(!off.client().get(QStringLiteral("/metrics")).body.contains("storefront_backup_last_success_timestamp_seconds"));
    off.stop();
}

QTEST_GUILESS_MAIN(tst_BackupSchedule)
#include "tst_backupschedule.moc"

#include "DataPlatformRepository.h"
#include "Database.h"
#include "IdempotencyStore.h"
#include "OutboxRepository.h"
#include "RetentionService.h"
#include "ShopFixture.h"
#include "SqlBatch.h"
#include "TestStack.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtSql/QSqlRecord>
#include <QtTest/QTest>

// The storage layer's long-life rules on the test stack's real MariaDB: a connection
// holds a bounded number of server-side statements whatever SQL it is given, a failed
// statement does not leak one, transactions cannot nest, the retention deletes what is
// old and nothing else, and every query run on a timer is served by an index.
class tst_Database : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void batchSizesAreFixed_data();
    void batchSizesAreFixed();
    void statementCacheIsBounded();
    void failedStatementDoesNotLeak();
    void brokenStatementIsPreparedAfresh();
    void nestedTransactionIsRefused();
    void repositoriesNeverBegin();
    void retentionDeletesOnlyWhatIsOld();
    void retentionRunsOnOneInstanceAtATime();
    void timerQueriesUseAnIndex_data();
    void timerQueriesUseAnIndex();
    void outboxCountsKeepPublishedTotal();
    void outboxKeepsEachOrdersEventsInOrder();

private:
    qint64 preparedStatements();
    qint64 count(const QString &sql);
    void addOutboxRow(const QString &status, int publishedDaysAgo);

    ShopFixture m_shop;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Database> m_other;
};

void tst_Database::initTestCase()
{
    QVERIFY(TestStack::instance());
    QVERIFY(m_shop.start(1)); // migrates the schema
    // Then gone: the figures below are server-wide, and an idle server's timers (the
    // retention's first sweep, 10 s in) would prepare statements in the middle of them.
    m_shop.stop();
    const MysqlEndpoint endpoint = MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value();
    m_db = std::make_unique<Database>(endpoint, QStringLiteral("tst-database"));
    m_other = std::make_unique<Database>(endpoint, QStringLiteral("tst-database-other"));
    QVERIFY(m_db->open());
    QVERIFY(m_other->open());
}

void tst_Database::cleanupTestCase()
{
    m_db.reset();
    m_other.reset();
    m_shop.stop();
}

void tst_Database::init()
{
    QVERIFY(TestStack::truncateAll());
}

qint64 tst_Database::preparedStatements()
{
    // Server-wide: the test stack's MariaDB serves this test alone.
    const auto row = m_other->run(QStringLiteral("SHOW GLOBAL STATUS LIKE 'Prepared_stmt_count'"));
    if (!row || !row.value()->next())
        return -1;
    return row.value()->value(1).toLongLong();
}

qint64 tst_Database::count(const QString &sql)
{
    const auto row = m_other->run(sql);
    if (!row || !row.value()->next())
        return -1;
    return row.value()->value(0).toLongLong();
}

void tst_Database::addOutboxRow(const QString &status, int publishedDaysAgo)
{
    static int serial = 0;
    ++serial;
    const auto inserted = m_other->run(
            QStringLiteral("INSERT INTO outbox (event_id, event_type, order_id, payload, status, created_at, published_at) "
                           "VALUES (UUID(), 'ORDER_PAID', ?, '{}', ?, NOW(3) - INTERVAL ? DAY, "
                           "IF(? = 'PUBLISHED', NOW(3) - INTERVAL ? DAY, NULL))"),
            { serial, status, publishedDaysAgo, status, publishedDaysAgo });
    QVERIFY(inserted);
}

void tst_Database::batchSizesAreFixed_data()
{
    QTest::addColumn<int>("items");
    QTest::addColumn<QList<int>>("chunks");
    QTest::addColumn<int>("padded");
    QTest::newRow("one") << 1 << QList<int> { 1 } << 1;
    QTest::newRow("three") << 3 << QList<int> { 2, 1 } << 4;
    QTest::newRow("fifty lines") << 50 << QList<int> { 32, 16, 2 } << 64;
    QTest::newRow("a full page") << 100 << QList<int> { 64, 32, 4 } << 128;
    QTest::newRow("past the largest") << 300 << QList<int> { 128, 128, 32, 8, 4 } << 128;
}

void tst_Database::batchSizesAreFixed()
{
    QFETCH(int, items);
    QFETCH(QList<int>, chunks);
    QFETCH(int, padded);
    QList<qint64> ids;
    for (int i = 1; i <= items; ++i)
        ids << i;
    QList<int> sizes;
    for (const QList<qint64> &chunk : SqlBatch::chunks(ids))
        sizes << int(chunk.size());
    QCOMPARE(sizes, chunks);
    QVariantList bindings;
    const QString marks = SqlBatch::inList(ids.mid(0, qMin(items, SqlBatch::kMaxBatch)), bindings);
    QCOMPARE(int(bindings.size()), padded);
    QCOMPARE(int(marks.count(QLatin1Char('?'))), padded);
    QCOMPARE(bindings.last().toLongLong(), qint64(qMin(items, SqlBatch::kMaxBatch)));
}

void tst_Database::statementCacheIsBounded()
{
    const qint64 before = preparedStatements();
    QVERIFY(before >= 0);
    // Far more distinct texts than the cache holds; each one is answered correctly.
    const int texts = Database::kStatementCacheSize * 3;
    for (int i = 0; i < texts; ++i) {
        const auto row = m_db->run(QStringLiteral("SELECT ? + %1").arg(i), { 1 });
        QVERIFY(row);
        QVERIFY(row.value()->next());
        QCOMPARE(row.value()->value(0).toLongLong(), qint64(i + 1));
    }
    QCOMPARE(m_db->cachedStatements(), Database::kStatementCacheSize);
    const qint64 after = preparedStatements();
    QVERIFY2(after - before <= Database::kStatementCacheSize,
             qPrintable(QStringLiteral("%1 → %2 server-side statements").arg(before).arg(after)));

    // A result still being read survives its text's eviction.
    const auto held = m_db->run(QStringLiteral("SELECT 41 UNION ALL SELECT 42"));
    QVERIFY(held);
    for (int i = 0; i < Database::kStatementCacheSize + 5; ++i)
        QVERIFY(m_db->run(QStringLiteral("SELECT %1").arg(i + 1000)));
    QVERIFY(held.value()->next());
    QCOMPARE(held.value()->value(0).toInt(), 41);
    QVERIFY(held.value()->next());
    QCOMPARE(held.value()->value(0).toInt(), 42);
}

void tst_Database::failedStatementDoesNotLeak()
{
    QVERIFY(m_db->run(QStringLiteral("INSERT INTO users (username, password_hash, role) VALUES ('twice', 'x', 'SHOPPER')")));
    const QString duplicate = QStringLiteral("INSERT INTO users (username, password_hash, role) VALUES (?, 'x', 'SHOPPER')");
    QVERIFY(!m_db->run(duplicate, { QStringLiteral("twice") })); // warm: prepared, failed, dropped
    const qint64 before = preparedStatements();
    for (int i = 0; i < 200; ++i) {
        QVERIFY(!m_db->run(duplicate, { QStringLiteral("twice") }));
        QVERIFY(Database::isDuplicateKey(m_db->lastError()));
    }
    QCOMPARE(preparedStatements(), before);
    // And the text works again afterwards.
    QVERIFY(m_db->run(duplicate, { QStringLiteral("once") }));
}

void tst_Database::brokenStatementIsPreparedAfresh()
{
    // A statement whose table went away fails; it is dropped, not kept broken, and
    // works once the table is back, without adding server-side statements each time.
    QVERIFY(m_other->run(QStringLiteral("CREATE TABLE IF NOT EXISTS scratch (n INT)")));
    const QString insert = QStringLiteral("INSERT INTO scratch (n) VALUES (?)");
    QVERIFY(m_db->run(insert, { 1 }));
    const auto round = [&] {
        return m_other->run(QStringLiteral("DROP TABLE scratch")) && !m_db->run(insert, { 2 })
                && m_other->run(QStringLiteral("CREATE TABLE scratch (n INT)")) && m_db->run(insert, { 3 });
    };
    QVERIFY(round()); // the other connection's DDL texts are cached from here on
    const qint64 before = preparedStatements();
    for (int i = 0; i < 20; ++i)
        QVERIFY(round());
    const qint64 after = preparedStatements();
    QVERIFY2(after - before <= 1, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(after)));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM scratch")), qint64(1));
    QVERIFY(m_other->run(QStringLiteral("DROP TABLE scratch")));
}

void tst_Database::nestedTransactionIsRefused()
{
    bool innerRan = false;
    const Result<int> outer = m_db->transaction<int>([&]() -> Result<int> {
        if (!m_db->run(QStringLiteral("INSERT INTO users (username, password_hash, role) VALUES ('outer', 'x', 'SHOPPER')")))
            return Failure { ErrorCode::Internal, QStringLiteral("insert"), {} };
        const Result<int> inner = m_db->transaction<int>([&]() -> Result<int> {
            innerRan = true;
            return 1;
        });
        if (!inner)
            return inner.failure();
        return 2;
    });
    QVERIFY(!innerRan);
    QVERIFY(!outer.ok());
    QCOMPARE(outer.failure().code, ErrorCode::Internal);
    // The refusal rolled the outer one back: nothing was committed half-way.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM users WHERE username = 'outer'")), qint64(0));
    QVERIFY(!m_db->inTransaction());
    // The connection is usable after it.
    QVERIFY(m_db->transaction<int>([] { return Result<int>(3); }).ok());
}

void tst_Database::repositoriesNeverBegin()
{
    // Services own transactions; a repository that began one would be nested inside
    // its caller's (DESIGN.md; Database::transaction).
    const QDir storage(QStringLiteral(STOREFRONT_SOURCE_DIR "/server/storage"));
    const QStringList files = storage.entryList({ QStringLiteral("*Repository.cpp"), QStringLiteral("IdempotencyStore.cpp") });
    QVERIFY(files.size() >= 7);
    const QRegularExpression begins(QStringLiteral("\\.transaction\\s*<|START TRANSACTION|\\bCOMMIT\\b|\\.commit\\(\\)"));
    for (const QString &name : files) {
        QFile file(storage.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(!begins.match(text).hasMatch(), qPrintable(name + QStringLiteral(" begins or commits a transaction")));
    }
}

void tst_Database::retentionDeletesOnlyWhatIsOld()
{
    // 1,203 published more than 7 days ago (more than one batch), 5 published 6 days
    // ago, pending and failed ones of any age; idempotency keys of 30 h and 1 h.
    QVERIFY(m_other->run(QStringLiteral(
            "INSERT INTO outbox (event_id, event_type, order_id, payload, status, created_at, published_at) "
            "SELECT UUID(), 'ORDER_PAID', seq, '{}', 'PUBLISHED', NOW(3) - INTERVAL 9 DAY, NOW(3) - INTERVAL 8 DAY "
            "FROM seq_1_to_1203")));
    for (int i = 0; i < 5; ++i)
        addOutboxRow(QStringLiteral("PUBLISHED"), 6);
    addOutboxRow(QStringLiteral("PENDING"), 30);
    addOutboxRow(QStringLiteral("FAILED"), 30);
    QVERIFY(m_other->run(QStringLiteral(
            "INSERT INTO idempotency_keys (user_id, scope, idem_key, request_hash, created_at) "
            "SELECT seq, 'charge', 'old', REPEAT('0', 64), NOW(3) - INTERVAL 30 HOUR FROM seq_1_to_700")));
    QVERIFY(m_other->run(QStringLiteral(
            "INSERT INTO idempotency_keys (user_id, scope, idem_key, request_hash, created_at) "
            "SELECT seq, 'charge', 'new', REPEAT('0', 64), NOW(3) - INTERVAL 1 HOUR FROM seq_1_to_3")));

    RetentionService retention(*m_db, RetentionService::Ages {});
    const Result<RetentionService::Swept> swept = retention.sweep();
    QVERIFY(swept);
    QVERIFY(swept->ran);
    QCOMPARE(swept->outboxRows, 1203);
    QCOMPARE(swept->idempotencyKeys, 700);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status = 'PUBLISHED'")), qint64(5));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status <> 'PUBLISHED'")), qint64(2));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM idempotency_keys")), qint64(3));
    // Nothing more is due.
    const Result<RetentionService::Swept> again = retention.sweep();
    QVERIFY(again);
    QCOMPARE(again->outboxRows, 0);
    QCOMPARE(again->idempotencyKeys, 0);
}

void tst_Database::retentionRunsOnOneInstanceAtATime()
{
    addOutboxRow(QStringLiteral("PUBLISHED"), 30);
    // Another instance is sweeping: it holds the named lock.
    const auto held = m_other->run(QStringLiteral("SELECT GET_LOCK('storefront.retention', 0)"));
    QVERIFY(held && held.value()->next() && held.value()->value(0).toInt() == 1);
    RetentionService retention(*m_db, RetentionService::Ages {});
    const Result<RetentionService::Swept> skipped = retention.sweep();
    QVERIFY(skipped);
    QVERIFY(!skipped->ran);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox")), qint64(1));
    QVERIFY(m_other->run(QStringLiteral("DO RELEASE_LOCK('storefront.retention')")));
    const Result<RetentionService::Swept> swept = retention.sweep();
    QVERIFY(swept && swept->ran);
    QCOMPARE(swept->outboxRows, 1);
}

void tst_Database::timerQueriesUseAnIndex_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("index");
    // The relay's schedule, its backlog figures, the retention: each EXPLAINed on a
    // table of thousands of rows; none may read the whole table.
    QTest::newRow("relay: due rows") << "SELECT id FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= NOW(3) "
                                        "AND created_at <= NOW(3) - INTERVAL 2000000 MICROSECOND ORDER BY id LIMIT 128 "
                                        "FOR UPDATE SKIP LOCKED"
                                     << "ix_outbox_status";
    QTest::newRow("backlog: pending") << "SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'" << "";
    QTest::newRow("backlog: failed") << "SELECT COUNT(*) FROM outbox WHERE status = 'FAILED'" << "";
    QTest::newRow("backlog: oldest") << "SELECT MIN(created_at) FROM outbox WHERE status = 'PENDING'" << "";
    QTest::newRow("dashboard: newest stored event") << "SELECT MAX(received_at) FROM data_platform_events" << "";
    QTest::newRow("retention: outbox") << "DELETE FROM outbox WHERE status = 'PUBLISHED' AND published_at < NOW(3) - "
                                          "INTERVAL 604800 SECOND ORDER BY published_at LIMIT 500"
                                       << "ix_outbox_published";
    QTest::newRow("retention: keys") << "DELETE FROM idempotency_keys WHERE created_at < NOW(3) - INTERVAL 86400 SECOND "
                                        "ORDER BY created_at LIMIT 500"
                                     << "ix_idem_created";
}

void tst_Database::timerQueriesUseAnIndex()
{
    QFETCH(QString, query);
    QFETCH(QString, index);
    QVERIFY(m_other->run(QStringLiteral(
            "INSERT INTO outbox (event_id, event_type, order_id, payload, status, created_at, published_at) "
            "SELECT UUID(), 'ORDER_PAID', seq, '{}', IF(seq % 100 = 0, 'PENDING', 'PUBLISHED'), NOW(3) - INTERVAL seq MINUTE, "
            "IF(seq % 100 = 0, NULL, NOW(3) - INTERVAL seq MINUTE) FROM seq_1_to_5000")));
    QVERIFY(m_other->run(QStringLiteral(
            "INSERT INTO idempotency_keys (user_id, scope, idem_key, request_hash, created_at) "
            "SELECT seq, 'charge', 'k', REPEAT('0', 64), NOW(3) - INTERVAL seq MINUTE FROM seq_1_to_5000")));
    QVERIFY(m_other->run(QStringLiteral(
            "INSERT INTO data_platform_events (event_id, event_type, order_id, occurred_at, received_at, kafka_partition, "
            "kafka_offset, payload) SELECT UUID(), 'ORDER_PAID', seq, NOW(3), NOW(3) - INTERVAL seq MINUTE, 0, seq, '{}' "
            "FROM seq_1_to_5000")));
    QVERIFY(m_other->run(QStringLiteral("ANALYZE TABLE outbox, idempotency_keys, data_platform_events")));
    QSqlQuery explain(m_other->handle());
    QVERIFY2(explain.exec(QStringLiteral("EXPLAIN ") + query), qPrintable(explain.lastError().text()));
    QVERIFY(explain.next());
    const QSqlRecord plan = explain.record();
    const QString type = explain.value(plan.indexOf(QStringLiteral("type"))).toString();
    const QString key = explain.value(plan.indexOf(QStringLiteral("key"))).toString();
    const QString extra = explain.value(plan.indexOf(QStringLiteral("Extra"))).toString();
    const QString shown = QStringLiteral("type=%1 key=%2 extra=%3").arg(type, key, extra);
    // "Select tables optimized away": MIN() answered from the index's first entry.
    if (extra.contains(QLatin1String("Select tables optimized away")))
        return;
    QVERIFY2(type != QLatin1String("ALL") && !key.isEmpty(), qPrintable(shown));
    if (!index.isEmpty())
        QVERIFY2(key == index, qPrintable(shown));
}

void tst_Database::outboxCountsKeepPublishedTotal()
{
    for (int i = 0; i < 3; ++i)
        addOutboxRow(QStringLiteral("PENDING"), 0);
    OutboxRepository outbox(*m_db);
    const auto due = m_db->transaction<QList<OutboxRepository::Event>>([&] { return outbox.claimDue(10, 15, 0); });
    QVERIFY(due);
    QCOMPARE(due->size(), 3);
    QList<qint64> ids;
    for (const OutboxRepository::Event &e : due.value())
        ids << e.id;
    QVERIFY(m_db->transaction<Done>([&]() -> Status { return outbox.markPublished(ids); }));
    // A second delivery report for the same rows does not count them twice.
    QVERIFY(m_db->transaction<Done>([&]() -> Status { return outbox.markPublished(ids); }));
    Result<OutboxRepository::Counts> counts = outbox.counts();
    QVERIFY(counts);
    QCOMPARE(counts->published, qint64(3));
    QCOMPARE(counts->pending, qint64(0));
    // Retention deletes the rows, not the figure.
    QVERIFY(m_other->run(QStringLiteral("UPDATE outbox SET published_at = NOW(3) - INTERVAL 8 DAY")));
    QVERIFY(RetentionService(*m_db, RetentionService::Ages {}).sweep());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM outbox")), qint64(0));
    counts = outbox.counts();
    QVERIFY(counts);
    QCOMPARE(counts->published, qint64(3));

    // The data platform stores two of the three, one of them twice (in one batch and
    // again in the next): lag 1, from totals.
    DataPlatformRepository platform(*m_db);
    const auto event = [](const char *id) {
        return DataPlatformRepository::Event { QString::fromLatin1(id), QStringLiteral("ORDER_PAID"), 1,
                                               QDateTime::currentDateTimeUtc(), 0, 0, "{}" };
    };
    const Result<int> first = m_db->transaction<int>([&] { return platform.store({ event("e1"), event("e2"), event("e2") }); });
    QVERIFY(first);
    QCOMPARE(first.value(), 2);
    const Result<int> again = m_db->transaction<int>([&] { return platform.store({ event("e2") }); });
    QVERIFY(again);
    QCOMPARE(again.value(), 0);
    const Result<DataPlatformRepository::Stats> stats = platform.stats();
    QVERIFY(stats);
    QCOMPARE(stats->received, qint64(2));
    QCOMPARE(stats->lag, qint64(1));
    QVERIFY(stats->lastEventAt.isValid());
}

void tst_Database::outboxKeepsEachOrdersEventsInOrder()
{
    // Order 7 paid then cancelled; order 8 paid. Another relay holds order 7's first
    // event (leased: not due for 15 s) — its cancel must wait, order 8 need not.
    QVERIFY(m_other->run(QStringLiteral(
            "INSERT INTO outbox (id, event_id, event_type, order_id, payload, next_attempt_at) VALUES "
            "(1, UUID(), 'ORDER_PAID', 7, '{}', NOW(3) + INTERVAL 15 SECOND), "
            "(2, UUID(), 'ORDER_CANCELLED', 7, '{}', NOW(3)), (3, UUID(), 'ORDER_PAID', 8, '{}', NOW(3))")));
    OutboxRepository outbox(*m_db);
    const auto claim = [&] {
        QList<qint64> ids;
        const auto due = m_db->transaction<QList<OutboxRepository::Event>>([&] { return outbox.claimDue(10, 15, 0); });
        if (due)
            for (const OutboxRepository::Event &e : due.value())
                ids << e.id;
        return ids;
    };
    QCOMPARE(claim(), QList<qint64> { 3 });
    // The first one fails and is retried later: still in the way.
    QVERIFY(outbox.markFailed(1, 1, 8, 0, QStringLiteral("broker down")));
    QCOMPARE(claim(), QList<qint64> { 1 });
    QCOMPARE(claim(), QList<qint64> {});
    QVERIFY(m_db->transaction<Done>([&]() -> Status { return outbox.markPublished({ 1 }); }));
    QCOMPARE(claim(), QList<qint64> { 2 });
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"

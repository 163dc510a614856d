#include "Database.h"
#include "Migrator.h"
#include "TestStack.h"

#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

#include <atomic>
#include <thread>

class tst_Migrator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void appliesEachOnce();
    void concurrentStartsApplyOnce();

private:
    // A database of its own per test, so "fresh" means fresh.
    MysqlEndpoint freshDatabase(const QString &name);
    MysqlEndpoint m_root;
};

void tst_Migrator::initTestCase()
{
    LocalStack *stack = TestStack::instance();
    QVERIFY(stack);
    m_root = MysqlEndpoint::fromUrl(stack->mysql().url()).value();
}

MysqlEndpoint tst_Migrator::freshDatabase(const QString &name)
{
    Database admin(m_root, QStringLiteral("admin-") + name);
    admin.open();
    QSqlQuery q(admin.handle());
    q.exec(QStringLiteral("DROP DATABASE IF EXISTS `%1`").arg(name));
    q.exec(QStringLiteral("CREATE DATABASE `%1`").arg(name));
    MysqlEndpoint e = m_root;
    e.database = name;
    return e;
}

void tst_Migrator::appliesEachOnce()
{
    Database db(freshDatabase(QStringLiteral("migrate_once")), QStringLiteral("m1"));
    QVERIFY(db.open().ok());
    Migrator migrator(db);

    const Result<QStringList> first = migrator.migrate();
    QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.failure().message));
    QCOMPARE(first.value(), QStringList { QStringLiteral("0001_initial_schema") });
    QCOMPARE(first->size(), Migrator::available().size());

    QSqlQuery q(db.handle());
    QVERIFY(q.exec(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")));
    QStringList tables;
    while (q.next())
        tables << q.value(0).toString();
    for (const char *expected : { "users", "balances", "balance_ledger", "products", "coupons", "user_coupons", "orders",
                                  "order_lines", "outbox", "data_platform_events", "idempotency_keys",
                                  "product_sales_hourly", "schema_migrations" })
        QVERIFY2(tables.contains(QLatin1String(expected)), expected);

    const Result<QStringList> second = migrator.migrate();
    QVERIFY(second.ok());
    QVERIFY2(second->isEmpty(), "a re-run applies nothing");
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), int(Migrator::available().size()));

    // The unique key that makes "one coupon per user" exact.
    QVERIFY(q.exec(QStringLiteral("SHOW INDEX FROM user_coupons WHERE Key_name = 'uq_user_coupons_coupon_user'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(QStringLiteral("Non_unique")).toInt(), 0);
}

void tst_Migrator::concurrentStartsApplyOnce()
{
    const MysqlEndpoint endpoint = freshDatabase(QStringLiteral("migrate_race"));
    std::atomic<int> applied { 0 };
    std::atomic<int> failed { 0 };
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&, i] {
            Database db(endpoint, QStringLiteral("race-%1").arg(i));
            if (!db.open()) {
                ++failed;
                return;
            }
            const Result<QStringList> r = Migrator(db).migrate();
            if (!r)
                ++failed;
            else
                applied += int(r->size());
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(failed.load(), 0);
    QCOMPARE(applied.load(), int(Migrator::available().size()));
}

QTEST_GUILESS_MAIN(tst_Migrator)
#include "tst_migrator.moc"

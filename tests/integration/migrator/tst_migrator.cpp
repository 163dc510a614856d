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
    void bringsAnOlderShopForward();

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
    QStringList versions;
    for (const QString &file : Migrator::available())
        versions << file.chopped(4);
    QCOMPARE(versions.first(), QStringLiteral("0001_initial_schema"));
    QCOMPARE(first.value(), versions);

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

void tst_Migrator::bringsAnOlderShopForward()
{
    // A shop as release 0.1 left it (0001 alone), with paid orders and their events.
    Database db(freshDatabase(QStringLiteral("migrate_forward")), QStringLiteral("m-forward"));
    QVERIFY(db.open().ok());
    Migrator migrator(db);
    const Result<QStringList> old = migrator.migrate(QStringLiteral("0001_initial_schema"));
    QVERIFY(old.ok());
    QCOMPARE(old.value(), QStringList { QStringLiteral("0001_initial_schema") });
    QSqlQuery q(db.handle());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO users (id, username, password_hash, role) VALUES (1, 'kim', 'x', 'SHOPPER')")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO balances (user_id, balance) VALUES (1, 7000)")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO products (id, name, price, stock) VALUES (1, '무선 이어폰', 1000, 7)")));
    for (int order = 1; order <= 3; ++order) {
        QVERIFY(q.exec(QStringLiteral("INSERT INTO orders (id, user_id, status, total_amount, discount_amount, paid_amount, paid_at) "
                                      "VALUES (%1, 1, 'PAID', 1000, 0, 1000, NOW(3))").arg(order)));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO order_lines (order_id, product_id, name, unit_price, quantity) "
                                      "VALUES (%1, 1, '무선 이어폰', 1000, 1)").arg(order)));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO outbox (event_id, event_type, order_id, payload, status, published_at) "
                                      "VALUES (UUID(), 'ORDER_PAID', %1, '{}', '%2', %3)")
                               .arg(order)
                               .arg(QLatin1String(order < 3 ? "PUBLISHED" : "PENDING"), QLatin1String(order < 3 ? "NOW(3)" : "NULL"))));
    }

    const Result<QStringList> forward = migrator.migrate();
    QVERIFY2(forward.ok(), forward.ok() ? "" : qPrintable(forward.failure().message));
    QVERIFY(forward->contains(QStringLiteral("0002_long_life")));
    QVERIFY(!forward->contains(QStringLiteral("0001_initial_schema")));
    // The data is all there, and the running total starts from what was published.
    QVERIFY(q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM orders), (SELECT name FROM products WHERE id = 1), "
                                  "(SELECT published FROM outbox_totals WHERE id = 1), (SELECT COUNT(*) FROM outbox)")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 3);
    QCOMPARE(q.value(1).toString(), QStringLiteral("무선 이어폰"));
    QCOMPARE(q.value(2).toInt(), 2);
    QCOMPARE(q.value(3).toInt(), 3);
    for (const char *index : { "ix_outbox_published", "ix_outbox_age" }) {
        QVERIFY(q.exec(QStringLiteral("SHOW INDEX FROM outbox WHERE Key_name = '%1'").arg(QLatin1String(index))));
        QVERIFY2(q.next(), index);
    }
    // The catalogue (0004): old products have an empty description, no SKU, no
    // category, and are found by search at once (the FULLTEXT index covers old rows),
    // two-syllable Hangul included (the local stack indexes words from 1 character).
    QVERIFY(forward->contains(QStringLiteral("0004_catalogue")));
    QVERIFY(q.exec(QStringLiteral("SELECT description, sku IS NULL, category_id IS NULL, created_at IS NOT NULL FROM products WHERE id = 1")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QString());
    QVERIFY(q.value(1).toBool() && q.value(2).toBool() && q.value(3).toBool());
    for (const char *word : { "+이어*", "+무선*" }) {
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM products WHERE MATCH (name, description, sku) AGAINST ('%1' IN BOOLEAN MODE)")
                               .arg(QString::fromUtf8(word))));
        QVERIFY(q.next());
        QVERIFY2(q.value(0).toInt() == 1, word);
    }
    for (const char *table : { "categories", "product_images" }) {
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '%1'")
                               .arg(QLatin1String(table))));
        QVERIFY(q.next());
        QVERIFY2(q.value(0).toInt() == 1, table);
    }
    QVERIFY(q.exec(QStringLiteral("SHOW INDEX FROM products WHERE Key_name = 'uq_products_sku'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(QStringLiteral("Non_unique")).toInt(), 0);
    // The orders made before the catalogue still read as they were.
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM order_lines WHERE product_id = 1")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 3);
    // Re-runnable: every statement of 0004 checks first, so applying it again over the
    // migrated shop (a crash after its last statement, before its row) fails nothing.
    QVERIFY(q.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = '0004_catalogue'")));
    const Result<QStringList> again = migrator.migrate();
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.failure().message));
    QVERIFY(again->contains(QStringLiteral("0004_catalogue")));
    QVERIFY(migrator.migrate().ok());

    // Running the shop (0005): the old orders read as unrefunded, and the product's
    // stock ledger starts with one INITIAL row of its stock, so its entries add up.
    QVERIFY(forward->contains(QStringLiteral("0005_running_the_shop")));
    QVERIFY(q.exec(QStringLiteral("SELECT (SELECT SUM(refunded_amount) FROM orders), (SELECT SUM(refunded_quantity) FROM order_lines), "
                                  "(SELECT COUNT(*) FROM stock_ledger WHERE product_id = 1), "
                                  "(SELECT SUM(delta) FROM stock_ledger WHERE product_id = 1), "
                                  "(SELECT reason FROM stock_ledger WHERE product_id = 1)")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QCOMPARE(q.value(1).toInt(), 0);
    QCOMPARE(q.value(2).toInt(), 1);
    QCOMPARE(q.value(3).toInt(), 7);
    QCOMPARE(q.value(4).toString(), QStringLiteral("INITIAL"));
    // Re-run over the migrated shop: no second INITIAL row.
    QVERIFY(q.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = '0005_running_the_shop'")));
    const Result<QStringList> rerun = migrator.migrate();
    QVERIFY2(rerun.ok(), rerun.ok() ? "" : qPrintable(rerun.failure().message));
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM stock_ledger WHERE product_id = 1")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    for (const char *table : { "refunds", "refund_lines", "audit_log" }) {
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '%1'")
                               .arg(QLatin1String(table))));
        QVERIFY(q.next());
        QVERIFY2(q.value(0).toInt() == 1, table);
    }

    // Token changes (0006): an account changed before the column existed counts as
    // changed (TokenVersions reads a missing one as never changed); an untouched one
    // stays NULL. A shop that ran 0003..0005 for a while is brought forward by a re-run.
    QVERIFY(forward->contains(QStringLiteral("0006_token_changes")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO users (id, username, password_hash, role, token_version, disabled_at) VALUES "
                                  "(2, 'lee', 'x', 'SHOPPER', 3, NULL), (3, 'park', 'x', 'SHOPPER', 0, NOW(3))")));
    QVERIFY(q.exec(QStringLiteral("UPDATE users SET token_changed_at = NULL")));
    QVERIFY(q.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = '0006_token_changes'")));
    const Result<QStringList> tokens = migrator.migrate();
    QVERIFY2(tokens.ok(), tokens.ok() ? "" : qPrintable(tokens.failure().message));
    QVERIFY(tokens->contains(QStringLiteral("0006_token_changes")));
    QVERIFY(q.exec(QStringLiteral("SELECT id, token_changed_at IS NOT NULL FROM users ORDER BY id")));
    QList<QPair<int, bool>> stamped;
    while (q.next())
        stamped.append({ q.value(0).toInt(), q.value(1).toBool() });
    QCOMPARE(stamped, (QList<QPair<int, bool>> { { 1, false }, { 2, true }, { 3, true } }));
}

QTEST_GUILESS_MAIN(tst_Migrator)
#include "tst_migrator.moc"

#include "Database.h"
#include "IdempotencyStore.h"
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
    void shippingBringsOrdersForward();
    void everyTextColumnHoldsHangul();
    void storedKeysSurviveTheTextMigration();

private:
    // A database of its own per test, so "fresh" means fresh.
    MysqlEndpoint freshDatabase(const QString &name, const QString &charset = QString());
    MysqlEndpoint m_root;
};

void tst_Migrator::initTestCase()
{
    LocalStack *stack = TestStack::instance();
    QVERIFY(stack);
    m_root = MysqlEndpoint::fromUrl(stack->mysql().url()).value();
}

MysqlEndpoint tst_Migrator::freshDatabase(const QString &name, const QString &charset)
{
    Database admin(m_root, QStringLiteral("admin-") + name);
    admin.open();
    QSqlQuery q(admin.handle());
    q.exec(QStringLiteral("DROP DATABASE IF EXISTS `%1`").arg(name));
    q.exec(QStringLiteral("CREATE DATABASE `%1`").arg(name)
           + (charset.isEmpty() ? QString() : QStringLiteral(" CHARACTER SET ") + charset));
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
    // category, and are found by search at once: 0011 indexes the rows it finds
    // (two-syllable Hangul and parts of words included; tst_searchindex has the details).
    QVERIFY(forward->contains(QStringLiteral("0004_catalogue")));
    QVERIFY(q.exec(QStringLiteral("SELECT description, sku IS NULL, category_id IS NULL, created_at IS NOT NULL FROM products WHERE id = 1")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QString());
    QVERIFY(q.value(1).toBool() && q.value(2).toBool() && q.value(3).toBool());
    QVERIFY(q.exec(QStringLiteral("SELECT body FROM product_search WHERE product_id = 1")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("|무선 이어폰||#"));
    for (const char *gram : { "무선", "이어", "선이" }) {
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM product_search_grams WHERE product_id = 1 AND gram = '%1'")
                               .arg(QString::fromUtf8(gram))));
        QVERIFY(q.next());
        QVERIFY2(q.value(0).toInt() == 1, gram);
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


void tst_Migrator::shippingBringsOrdersForward()
{
    // A shop as 0009 left it: orders in every state, none with an address.
    Database db(freshDatabase(QStringLiteral("migrate_shipping")), QStringLiteral("m-shipping"));
    QVERIFY(db.open().ok());
    Migrator migrator(db);
    QVERIFY(migrator.migrate(QStringLiteral("0009_backups")).ok());
    QSqlQuery q(db.handle());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO users (id, username, password_hash, role) VALUES (1, 'kim', 'x', 'SHOPPER')")));
    int id = 0;
    for (const char *status : { "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "CANCELLED" })
        QVERIFY(q.exec(QStringLiteral("INSERT INTO orders (id, user_id, status, total_amount, discount_amount, paid_amount, paid_at) "
                                      "VALUES (%1, 1, '%2', 1000, 0, 1000, NOW(3))").arg(++id).arg(QLatin1String(status))));

    const Result<QStringList> forward = migrator.migrate();
    QVERIFY2(forward.ok(), forward.ok() ? "" : qPrintable(forward.failure().message));
    QVERIFY(forward->contains(QStringLiteral("0010_shipping")));
    const auto states = [&q]() {
        QStringList out;
        if (q.exec(QStringLiteral("SELECT fulfilment_status, ship_recipient IS NULL FROM orders ORDER BY id")))
            while (q.next())
                out << q.value(0).toString() + (q.value(1).toBool() ? QStringLiteral(" pickup") : QStringLiteral(" sent"));
        return out;
    };
    // Paid ones wait as pickups (they had no address); the others never ship.
    const QStringList expected { "UNFULFILLED pickup", "UNFULFILLED pickup", "CANCELLED pickup", "CANCELLED pickup" };
    QCOMPARE(states(), expected);
    for (const char *table : { "addresses", "returns", "return_lines" }) {
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '%1'")
                               .arg(QLatin1String(table))));
        QVERIFY(q.next());
        QVERIFY2(q.value(0).toInt() == 1, table);
    }
    // Re-run over a shop that has moved on since: a refunded order that was handed over
    // keeps its state, and nothing else changes.
    QVERIFY(q.exec(QStringLiteral("UPDATE orders SET fulfilment_status = 'DELIVERED', status = 'REFUNDED' WHERE id = 2")));
    QVERIFY(q.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = '0010_shipping'")));
    const Result<QStringList> again = migrator.migrate();
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.failure().message));
    QCOMPARE(again.value(), QStringList { QStringLiteral("0010_shipping") });
    QCOMPARE(states(), (QStringList { "UNFULFILLED pickup", "DELIVERED pickup", "CANCELLED pickup", "CANCELLED pickup" }));
}

void tst_Migrator::everyTextColumnHoldsHangul()
{
    // An external database may default to latin1: every column a person's words or an
    // order's JSON reach must still be utf8mb4, whatever the default. What may stay in
    // a single-byte set is written out here: codes, hashes, ids and content types only.
    Database db(freshDatabase(QStringLiteral("migrate_latin1"), QStringLiteral("latin1")), QStringLiteral("m-latin1"));
    QVERIFY(db.open().ok());
    const Result<QStringList> migrated = Migrator(db).migrate();
    QVERIFY2(migrated.ok(), migrated.ok() ? "" : qPrintable(migrated.failure().message));
    QSqlQuery q(db.handle());
    QVERIFY(q.exec(QStringLiteral("SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns "
                                  "WHERE table_schema = DATABASE() AND character_set_name IS NOT NULL "
                                  "AND character_set_name <> 'utf8mb4' ORDER BY 1")));
    QStringList single;
    while (q.next())
        single << q.value(0).toString();
    const QStringList expected {
        QStringLiteral("balance_ledger.type"),
        QStringLiteral("categories.path"),
        QStringLiteral("data_platform_events.event_id"), QStringLiteral("data_platform_events.event_type"),
        QStringLiteral("idempotency_keys.idem_key"), QStringLiteral("idempotency_keys.request_hash"),
        QStringLiteral("idempotency_keys.scope"),
        QStringLiteral("orders.status"),
        QStringLiteral("outbox.event_id"), QStringLiteral("outbox.event_type"), QStringLiteral("outbox.status"),
        QStringLiteral("product_images.content_type"), QStringLiteral("product_images.etag"),
        QStringLiteral("product_images.thumb_content_type"), QStringLiteral("product_images.thumb_etag"),
        QStringLiteral("schema_migrations.version"),
        QStringLiteral("shop_secrets.name"), QStringLiteral("shop_secrets.value"),
        QStringLiteral("user_coupons.status"),
    };
    QVERIFY2(single == expected, qPrintable(single.join(QLatin1Char(' '))));
    // The stored answers are bytes, replayed as they were sent.
    QVERIFY(q.exec(QStringLiteral("SELECT data_type FROM information_schema.columns WHERE table_schema = DATABASE() "
                                  "AND table_name = 'idempotency_keys' AND column_name = 'response_body'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("mediumblob"));
    // And the words themselves go in and come out whole where people write them.
    QVERIFY(q.exec(QStringLiteral("INSERT INTO outbox (event_id, event_type, order_id, payload) "
                                  "VALUES (UUID(), 'ORDER_PAID', 1, '{\"name\": \"블루 녹차 🍵\"}')")));
    QVERIFY(q.exec(QStringLiteral("SELECT payload FROM outbox")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("{\"name\": \"블루 녹차 🍵\"}"));
}

void tst_Migrator::storedKeysSurviveTheTextMigration()
{
    // A shop of the previous version (0001..0006) with answers stored under keys: after
    // 0007 they replay byte for byte, and an answer in Hangul can be stored at last.
    Database db(freshDatabase(QStringLiteral("migrate_keys")), QStringLiteral("m-keys"));
    QVERIFY(db.open().ok());
    Migrator migrator(db);
    QVERIFY(migrator.migrate(QStringLiteral("0006_token_changes")).ok());
    QSqlQuery q(db.handle());
    const QByteArray charged = R"({"balance":15000,"userId":1})";
    QVERIFY(q.exec(QStringLiteral("INSERT INTO idempotency_keys (user_id, scope, idem_key, request_hash, status_code, response_body) "
                                  "VALUES (1, 'charge', 'key-before', '%1', 200, '%2')")
                           .arg(QString(64, QLatin1Char('a')), QString::fromLatin1(charged))));
    const QByteArray hangul = QStringLiteral(R"({"items":[{"name":"블루 녹차","productId":7}],"status":"PAID"})").toUtf8();
    // What broke every keyed order of a Hangul product before 0007: MariaDB 1366 on
    // the ascii column, then answered as if the database were down. It is a data error,
    // said as one: INTERNAL, and nothing stored.
    const auto refused = db.run(QStringLiteral("UPDATE idempotency_keys SET response_body = ? WHERE idem_key = 'key-before'"),
                                { QString::fromUtf8(hangul) });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.failure().code, ErrorCode::Internal);
    QVERIFY(!refused.failure().retryable);
    QCOMPARE(db.lastError().nativeErrorCode(), QStringLiteral("1366"));

    // Up to 0007 only: the migrations after it are not this test's.
    const Result<QStringList> forward = migrator.migrate(QStringLiteral("0007_text_in_every_language"));
    QVERIFY2(forward.ok(), forward.ok() ? "" : qPrintable(forward.failure().message));
    QCOMPARE(forward.value(), QStringList { QStringLiteral("0007_text_in_every_language") });

    IdempotencyStore store(db);
    const auto old = store.claim(1, QStringLiteral("charge"), QStringLiteral("key-before"), QByteArray(64, 'a'));
    QVERIFY(old.ok() && old->has_value());
    QCOMPARE(old.value()->status, 200);
    QCOMPARE(old.value()->body, charged);

    const Status stored = db.transaction<Done>([&]() -> Result<Done> {
        const auto claimed = store.claim(1, QStringLiteral("order"), QStringLiteral("key-hangul"), QByteArray(64, 'c'));
        if (!claimed)
            return claimed.failure();
        return store.complete(1, QStringLiteral("order"), QStringLiteral("key-hangul"), { 201, hangul });
    });
    QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.failure().message));
    const auto replay = store.claim(1, QStringLiteral("order"), QStringLiteral("key-hangul"), QByteArray(64, 'c'));
    QVERIFY(replay.ok() && replay->has_value());
    QCOMPARE(replay.value()->body, hangul);
    // Re-runnable over the migrated shop.
    QVERIFY(q.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = '0007_text_in_every_language'")));
    QVERIFY(migrator.migrate().ok());
    const auto again = store.claim(1, QStringLiteral("order"), QStringLiteral("key-hangul"), QByteArray(64, 'c'));
    QVERIFY(again.ok() && again->has_value());
    QCOMPARE(again.value()->body, hangul);
}

QTEST_GUILESS_MAIN(tst_Migrator)
#include "tst_migrator.moc"

#include "Database.h"
#include "FakeRedis.h"
#include "Migrator.h"
#include "RedisVersion.h"
#include "ShopFixture.h"
#include "StorefrontServer.h"
#include "TestStack.h"

#include <QtCore/QJsonArray>
#include <QtCore/QRegularExpression>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

// The shop's bounds (issue 24, point 8), each over the real server: stock in 64 bits
// with a ceiling, strict SQL on every connection, categories at most 8 deep, refunds
// past the balance ceiling, and an old Redis refused at start-up.
//
// The test stack's MariaDB is set non-strict (GLOBAL sql_mode = '') before the shop
// starts, as an external server may be configured: every check below then also shows
// that the server's own sessions do not depend on the server's default.
class tst_Bounds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everySessionIsStrict();
    void stockIsSixtyFourBitsAndMigratesAgain();
    void stockStopsAtItsCeiling();
    void returnedUnitsGoBackPastTheCeiling();
    void categoriesNestAtMostEightDeep();
    void refundsReturnMoneyPastTheBalanceCeiling();
    void olderRedisIsRefusedAtStartUp();

private:
    HttpClient::Reply send(const QByteArray &method, const QString &path, const QJsonObject &body,
                           const ShopFixture::User &as);
    HttpClient::Reply adjust(qint64 product, qint64 delta);
    qint64 newCategory(const QString &name, qint64 parentId);
    qint64 order(const ShopFixture::User &buyer, qint64 product, int quantity);
    static MysqlEndpoint mysql();

    ShopFixture m_shop;
};

MysqlEndpoint tst_Bounds::mysql()
{
    return MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value();
}

void tst_Bounds::initTestCase()
{
    QVERIFY(TestStack::instance());
    Database db(mysql(), QStringLiteral("bounds-setup"));
    QVERIFY(db.open());
    QSqlQuery q(db.handle());
    QVERIFY2(q.exec(QStringLiteral("SET GLOBAL sql_mode = ''")), qPrintable(q.lastError().text()));
    QVERIFY(m_shop.start(4));
}

void tst_Bounds::cleanupTestCase()
{
    m_shop.stop();
}

HttpClient::Reply tst_Bounds::send(const QByteArray &method, const QString &path, const QJsonObject &body,
                                   const ShopFixture::User &as)
{
    QHash<QByteArray, QByteArray> headers = as.auth();
    headers.insert("Content-Type", "application/json");
    return m_shop.client().send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

HttpClient::Reply tst_Bounds::adjust(qint64 product, qint64 delta)
{
    return send("POST", QStringLiteral("/api/v1/admin/products/%1/stock").arg(product),
                { { "delta", delta }, { "reason", "delivery" } }, m_shop.admin());
}

qint64 tst_Bounds::newCategory(const QString &name, qint64 parentId)
{
    QJsonObject body { { "name", name } };
    if (parentId > 0)
        body.insert("parentId", parentId);
    const HttpClient::Reply created = send("POST", QStringLiteral("/api/v1/admin/categories"), body, m_shop.admin());
    return created.status == 201 ? created.json().value("id").toInteger() : 0;
}

qint64 tst_Bounds::order(const ShopFixture::User &buyer, qint64 product, int quantity)
{
    const HttpClient::Reply placed =
            send("POST", QStringLiteral("/api/v1/orders"),
                 { { "userId", buyer.id },
                   { "items", QJsonArray { QJsonObject { { "productId", product }, { "quantity", quantity } } } } },
                 buyer);
    return placed.status == 201 ? placed.json().value("id").toInteger() : 0;
}

void tst_Bounds::everySessionIsStrict()
{
    // Before: the session took the server's sql_mode, here '' — a value a column could
    // not hold was clamped with a warning and the statement succeeded.
    Database db(mysql(), QStringLiteral("bounds-strict"));
    QVERIFY(db.open());
    QSqlQuery q(db.handle());
    QVERIFY(q.exec(QStringLiteral("SELECT @@SESSION.sql_mode")) && q.next());
    QCOMPARE(q.value(0).toString(),
             QStringLiteral("STRICT_TRANS_TABLES,STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,"
                            "NO_ENGINE_SUBSTITUTION"));
    // Aria is not transactional: only STRICT_ALL_TABLES refuses there.
    QVERIFY(q.exec(QStringLiteral("CREATE TEMPORARY TABLE bounds_probe (v TINYINT NOT NULL) ENGINE=Aria")));
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("a column refused a value: 1264")));
    const Result<Statement> clamped = db.run(QStringLiteral("INSERT INTO bounds_probe (v) VALUES (?)"), { 1000 });
    QVERIFY(!clamped);
    QCOMPARE(db.lastError().nativeErrorCode(), QStringLiteral("1264"));
    QCOMPARE(clamped.failure().code, ErrorCode::Internal); // Database::isDataRefused: ours, not an outage
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM bounds_probe")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    // The server's own connections are the same sessions: a reconnect keeps it too.
    QVERIFY(db.open());
    QSqlQuery again(db.handle());
    QVERIFY(again.exec(QStringLiteral("SELECT @@SESSION.sql_mode LIKE '%STRICT_ALL_TABLES%'")) && again.next());
    QCOMPARE(again.value(0).toInt(), 1);
}

void tst_Bounds::stockIsSixtyFourBitsAndMigratesAgain()
{
    Database db(mysql(), QStringLiteral("bounds-schema"));
    QVERIFY(db.open());
    const auto column = [&]() {
        QSqlQuery q(db.handle());
        q.exec(QStringLiteral("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                              "AND TABLE_NAME = 'products' AND COLUMN_NAME = 'stock'"));
        return q.next() ? q.value(0).toString() : QString();
    };
    const auto checks = [&]() {
        QSqlQuery q(db.handle());
        q.exec(QStringLiteral("SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() "
                              "AND TABLE_NAME = 'products' AND CONSTRAINT_NAME = 'ck_products_stock'"));
        return q.next() ? q.value(0).toString() : QString();
    };
    QCOMPARE(column(), QStringLiteral("bigint(20)"));
    QCOMPARE(checks(), QStringLiteral("`stock` >= 0"));
    // Re-runnable: applied again over a live shop, it changes nothing.
    const qint64 product = m_shop.createProduct(QStringLiteral("A lamp migrated twice"), 100, 7);
    QSqlQuery q(db.handle());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = '0008_bounds'")));
    const Result<QStringList> again = Migrator(db).migrate();
    QVERIFY2(again, again ? "" : qPrintable(again.failure().message));
    QCOMPARE(again.value(), QStringList { QStringLiteral("0008_bounds") });
    QCOMPARE(column(), QStringLiteral("bigint(20)"));
    QCOMPARE(checks(), QStringLiteral("`stock` >= 0"));
    QCOMPARE(m_shop.stockOf(product), 7);
    // The rebuild kept the search index without stopwords: a one-letter word still finds it.
    QList<qint64> found;
    for (const QJsonValue &item :
         m_shop.client().get(QStringLiteral("/api/v1/products?q=a&size=100"), m_shop.admin().auth()).json().value("items").toArray())
        found << item.toObject().value("id").toInteger();
    QVERIFY2(found.contains(product), qPrintable(QStringLiteral("%1 results").arg(found.size())));
    // The constraint still refuses a negative stock.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("4025 CONSTRAINT `ck_products_stock` failed")));
    QCOMPARE(m_shop.execute(QStringLiteral("UPDATE products SET stock = -1 WHERE id = ?"), { product }), -1);
    QCOMPARE(m_shop.stockOf(product), 7);
}

void tst_Bounds::stockStopsAtItsCeiling()
{
    // Before: two deliveries of 1,000,000,000 answered 503 (a 32-bit column), and a
    // delivery past the ceiling was taken.
    const qint64 product = m_shop.createProduct(QStringLiteral("Ceiling"), 100, 0);
    QVERIFY(product > 0);
    const HttpClient::Reply first = adjust(product, 1000000000);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value("stock").toInteger(), 1000000000);
    for (const qint64 delta : { qint64(1000000000), qint64(1) }) {
        const HttpClient::Reply over = adjust(product, delta);
        QCOMPARE(over.status, 400);
        QCOMPARE(over.errorCode(), QStringLiteral("VALIDATION_FAILED"));
        const QJsonObject details = over.json().value("error").toObject().value("details").toObject();
        QCOMPARE(details.value("field").toString(), QStringLiteral("delta"));
        QCOMPARE(details.value("stock").toInteger(), 1000000000);
        QCOMPARE(details.value("maxStock").toInteger(), 1000000000);
    }
    // Nothing changed: the stock, its ledger (INITIAL + one ADJUSTMENT), the audit.
    QCOMPARE(m_shop.stockOf(product), 1000000000);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_ledger WHERE product_id = ?"), { product }), 2);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'product' AND entity_id = ? "
                                          "AND action = 'product.stock'"),
                           { product }),
             1);
    // Taking away always works; the create and PATCH bounds are the same number.
    QCOMPARE(adjust(product, -1).status, 200);
    QCOMPARE(m_shop.stockOf(product), 999999999);
    const HttpClient::Reply patched = send("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(product),
                                           { { "stock", 1000000001 } }, m_shop.admin());
    QCOMPARE(patched.status, 400);
    QCOMPARE(patched.errorCode(), QStringLiteral("VALIDATION_FAILED"));
    const HttpClient::Reply created = send("POST", QStringLiteral("/api/v1/admin/products"),
                                           { { "name", "Too many" }, { "price", 100 }, { "stock", 1000000001 } }, m_shop.admin());
    QCOMPARE(created.status, 400);
    QCOMPARE(created.errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(m_shop.stockOf(product), 999999999);
    QVERIFY2(m_shop.invariantViolations().isEmpty(), qPrintable(m_shop.invariantViolations()));
}

void tst_Bounds::returnedUnitsGoBackPastTheCeiling()
{
    // Units a cancel puts back are the shop's whatever the ceiling: the stock may pass
    // it then (64 bits hold it), and only deliveries are refused while it is over.
    const qint64 product = m_shop.createProduct(QStringLiteral("Returned past the ceiling"), 100, 10);
    const ShopFixture::User buyer = m_shop.newShopper();
    QVERIFY(m_shop.charge(buyer, 1000));
    const qint64 placed = order(buyer, product, 3);
    QVERIFY(placed > 0);
    QCOMPARE(adjust(product, 999999993).status, 200);
    QCOMPARE(m_shop.stockOf(product), 1000000000);
    QCOMPARE(send("POST", QStringLiteral("/api/v1/orders/%1/cancel").arg(placed), {}, buyer).status, 200);
    QCOMPARE(m_shop.stockOf(product), 1000000003);
    QCOMPARE(adjust(product, 1).status, 400);
    QCOMPARE(adjust(product, -3).status, 200);
    QCOMPARE(m_shop.stockOf(product), 1000000000);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT stock_after FROM stock_ledger WHERE product_id = ? AND reason = 'CANCEL'"),
                           { product }),
             1000000003);
    QVERIFY2(m_shop.invariantViolations().isEmpty(), qPrintable(m_shop.invariantViolations()));
}

void tst_Bounds::categoriesNestAtMostEightDeep()
{
    // Before: categories nested without a limit until the path column overflowed (503).
    QList<qint64> chain;
    for (int level = 1; level <= 8; ++level) {
        chain << newCategory(QStringLiteral("Level %1").arg(level), chain.isEmpty() ? 0 : chain.last());
        QVERIFY2(chain.last() > 0, qPrintable(QStringLiteral("level %1 refused").arg(level)));
    }
    const qint64 before = m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM categories"));
    const HttpClient::Reply ninth = send("POST", QStringLiteral("/api/v1/admin/categories"),
                                         { { "name", "Level 9" }, { "parentId", chain.last() } }, m_shop.admin());
    QCOMPARE(ninth.status, 400);
    QCOMPARE(ninth.errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(ninth.json().value("error").toObject().value("details").toObject().value("field").toString(),
             QStringLiteral("parentId"));
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM categories")), before);

    // A move counts the moved subtree's own depth: a root with a child lands 2 deep.
    const qint64 top = newCategory(QStringLiteral("Moved"), 0);
    const qint64 child = newCategory(QStringLiteral("Moved's child"), top);
    QVERIFY(top > 0 && child > 0);
    const HttpClient::Reply tooDeep = send("PATCH", QStringLiteral("/api/v1/admin/categories/%1").arg(top),
                                           { { "parentId", chain.at(6) } }, m_shop.admin()); // under level 7: 8 and 9
    QCOMPARE(tooDeep.status, 400);
    QCOMPARE(tooDeep.errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM categories WHERE id = ? AND parent_id IS NULL"), { top }), 1);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM categories WHERE id = ? AND path = CONCAT('/', ?, '/', ?, '/')"),
                           { child, top, child }),
             1);
    const HttpClient::Reply fits = send("PATCH", QStringLiteral("/api/v1/admin/categories/%1").arg(top),
                                        { { "parentId", chain.at(5) } }, m_shop.admin()); // under level 6: 7 and 8
    QCOMPARE(fits.status, 200);
    QCOMPARE(fits.json().value("path").toString(), QStringLiteral("Level 1/Level 2/Level 3/Level 4/Level 5/Level 6/Moved"));
    // And nothing may now be made under the child, which is 8 deep.
    QCOMPARE(newCategory(QStringLiteral("Under the child"), child), 0);
}

void tst_Bounds::refundsReturnMoneyPastTheBalanceCeiling()
{
    // The ceiling bounds what a charge may take a balance to; an order's money comes
    // back whatever the balance, and charges are then refused, saying how much could be
    // charged (0 while over), until payments bring it under.
    const qint64 product = m_shop.createProduct(QStringLiteral("Fifty thousand"), 50000, 10);
    const ShopFixture::User buyer = m_shop.newShopper();
    QVERIFY(m_shop.charge(buyer, 100000));
    const qint64 refunded = order(buyer, product, 1);
    const qint64 cancelled = order(buyer, product, 1);
    QVERIFY(refunded > 0 && cancelled > 0);
    QCOMPARE(m_shop.balanceOf(buyer), 0);
    for (int i = 0; i < 100; ++i)
        QVERIFY(m_shop.charge(buyer, 10000000));
    QCOMPARE(m_shop.balanceOf(buyer), 1000000000);

    const HttpClient::Reply refund = send("POST", QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(refunded),
                                          { { "lines", QJsonArray { QJsonObject { { "productId", product }, { "quantity", 1 } } } },
                                            { "restock", false },
                                            { "reason", "arrived broken" } },
                                          m_shop.admin());
    QCOMPARE(refund.status, 201);
    QCOMPARE(m_shop.balanceOf(buyer), 1000050000);
    QCOMPARE(send("POST", QStringLiteral("/api/v1/orders/%1/cancel").arg(cancelled), {}, buyer).status, 200);
    QCOMPARE(m_shop.balanceOf(buyer), 1000100000);

    const qint64 entries = m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM balance_ledger WHERE user_id = ?"), { buyer.id });
    QCOMPARE(entries, 105); // 101 charges, 2 payments, 2 refunds
    const HttpClient::Reply over = send("POST", QStringLiteral("/api/v1/users/%1/balance/charge").arg(buyer.id),
                                        { { "amount", 1 } }, buyer);
    QCOMPARE(over.status, 400);
    QCOMPARE(over.errorCode(), QStringLiteral("INVALID_AMOUNT"));
    QJsonObject details = over.json().value("error").toObject().value("details").toObject();
    QCOMPARE(details.value("balance").toInteger(), 1000100000);
    QCOMPARE(details.value("maxBalance").toInteger(), 1000000000);
    QCOMPARE(details.value("chargeable").toInteger(), 0);
    QCOMPARE(m_shop.balanceOf(buyer), 1000100000);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM balance_ledger WHERE user_id = ?"), { buyer.id }), entries);

    // Paying brings it under: then exactly the room left may be charged.
    QVERIFY(order(buyer, product, 3) > 0);
    QCOMPARE(m_shop.balanceOf(buyer), 999950000);
    const HttpClient::Reply past = send("POST", QStringLiteral("/api/v1/users/%1/balance/charge").arg(buyer.id),
                                        { { "amount", 50001 } }, buyer);
    QCOMPARE(past.status, 400);
    QCOMPARE(past.errorCode(), QStringLiteral("INVALID_AMOUNT"));
    details = past.json().value("error").toObject().value("details").toObject();
    QCOMPARE(details.value("chargeable").toInteger(), 50000);
    QVERIFY(m_shop.charge(buyer, 50000));
    QCOMPARE(m_shop.balanceOf(buyer), 1000000000);
    QVERIFY2(m_shop.invariantViolations().isEmpty(), qPrintable(m_shop.invariantViolations()));
}

void tst_Bounds::olderRedisIsRefusedAtStartUp()
{
    // Before: a server started on Redis 6 and its stock mirror's PEXPIRE … NX failed in
    // every fill, after the fill's writes.
    FakeRedis old(QByteArrayLiteral("6.2.14"));
    const quint16 port = old.start();
    QVERIFY(port > 0);
    ServerConfig config = TestStack::serverConfig(1);
    config.redisUrl = QStringLiteral("redis://127.0.0.1:%1").arg(port);
    config.passwordIterations = 1000;
    StorefrontServer server(config);
    const Status started = server.start();
    QVERIFY(!started);
    QCOMPARE(started.failure().message,
             QStringLiteral("Redis 6.2.14 at 127.0.0.1:%1 is too old: Storefront needs Redis 7.0 or newer").arg(port));
    QCOMPARE(server.port(), quint16(0));
    QCOMPARE(old.infoAsked(), 1);

    // What the check reads, and the stack's own Redis (7.0 or newer) passes it.
    QCOMPARE(RedisVersion::fromInfo("# Server\r\nredis_version:7.0.15\r\nredis_git_sha1:00000000\r\n"),
             QVersionNumber(7, 0, 15));
    QCOMPARE(RedisVersion::fromInfo("# Server\r\nredis_mode:standalone\r\n"), QVersionNumber());
    QVERIFY(RedisVersion::check(RedisEndpoint::fromUrl(TestStack::instance()->redis().url()).value()));
}

QTEST_GUILESS_MAIN(tst_Bounds)
#include "tst_bounds.moc"

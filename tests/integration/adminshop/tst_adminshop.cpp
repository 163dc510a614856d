#include "ShopFixture.h"

#include <QtCore/QJsonArray>
#include <QtTest/QTest>

// Running the shop (API.md) over real HTTP: the stock ledger, customers, the audit
// log and the admin's order list, with every error code their routes answer
// (the CSV reports: tst_reports).
class tst_AdminShop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void stockAdjustments();
    void stockRefusals_data();
    void stockRefusals();
    void patchedStockIsAnAdjustment();
    void customers();
    void disabledCustomerIsLockedOut();
    void customerRefusals_data();
    void customerRefusals();
    void auditLog();
    void auditRefusals();
    void adminOrderList();
    void openApiListsTheRoutes();

private:
    HttpClient::Reply admin(const QByteArray &method, const QString &path, const QByteArray &body = {});
    qint64 order(const ShopFixture::User &buyer, qint64 productId, int quantity);
    QString today() const { return QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate); }

    ShopFixture m_shop;
    ShopFixture::User m_buyer;
};

void tst_AdminShop::initTestCase()
{
    QVERIFY(m_shop.start(4));
    m_buyer = m_shop.newShopper();
    QVERIFY(m_shop.charge(m_buyer, 10000000));
}

void tst_AdminShop::cleanupTestCase()
{
    const QString violations = m_shop.invariantViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations));
    m_shop.stop();
}

HttpClient::Reply tst_AdminShop::admin(const QByteArray &method, const QString &path, const QByteArray &body)
{
    return m_shop.client().send(method, path, body, m_shop.admin().auth());
}

qint64 tst_AdminShop::order(const ShopFixture::User &buyer, qint64 productId, int quantity)
{
    const HttpClient::Reply r = m_shop.client().post(
            QStringLiteral("/api/v1/orders"),
            { { "userId", buyer.id }, { "items", QJsonArray { QJsonObject { { "productId", productId }, { "quantity", quantity } } } } },
            buyer.auth());
    return r.status == 201 ? r.json().value("id").toInteger() : 0;
}

void tst_AdminShop::stockAdjustments()
{
    const qint64 product = m_shop.createProduct(QStringLiteral("Counted"), 1000, 10);
    const HttpClient::Reply added = admin("POST", QStringLiteral("/api/v1/admin/products/%1/stock").arg(product),
                                          R"({"delta":5,"reason":"delivery from the supplier"})");
    QCOMPARE(added.status, 200);
    QCOMPARE(added.json().value("stock").toInteger(), 15);
    QCOMPARE(added.json().value("id").toInteger(), product);
    const HttpClient::Reply taken = admin("POST", QStringLiteral("/api/v1/admin/products/%1/stock").arg(product),
                                          R"({"delta":-15,"reason":"stocktake: none left"})");
    QCOMPARE(taken.status, 200);
    QCOMPARE(taken.json().value("stock").toInteger(), 0);
    QCOMPARE(m_shop.stockOf(product), 0);

    const HttpClient::Reply history = admin("GET", QStringLiteral("/api/v1/admin/products/%1/stock/history?page=1&size=2").arg(product));
    QCOMPARE(history.status, 200);
    QCOMPARE(history.json().value("total").toInteger(), 3);
    const QJsonArray items = history.json().value("items").toArray();
    QCOMPARE(items.size(), 2);
    const QJsonObject newest = items.at(0).toObject();
    QCOMPARE(newest.value("delta").toInteger(), -15);
    QCOMPARE(newest.value("stockAfter").toInteger(), 0);
    QCOMPARE(newest.value("reason").toString(), QStringLiteral("ADJUSTMENT"));
    QCOMPARE(newest.value("note").toString(), QStringLiteral("stocktake: none left"));
    QCOMPARE(newest.value("actor").toObject().value("username").toString(), QStringLiteral("admin"));
    QVERIFY(!newest.contains("orderId"));
    QCOMPARE(items.at(1).toObject().value("stockAfter").toInteger(), 15);
    const QJsonArray last =
            admin("GET", QStringLiteral("/api/v1/admin/products/%1/stock/history?page=2&size=2").arg(product)).json().value("items").toArray();
    QCOMPARE(last.size(), 1);
    QCOMPARE(last.first().toObject().value("reason").toString(), QStringLiteral("INITIAL"));
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT SUM(delta) FROM stock_ledger WHERE product_id = ?"), { product }), 0);
    // Orders and cancels write theirs, each with its order.
    QCOMPARE(admin("POST", QStringLiteral("/api/v1/admin/products/%1/stock").arg(product), R"({"delta":3,"reason":"found"})").status, 200);
    const qint64 paid = order(m_buyer, product, 2);
    QVERIFY(paid > 0);
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/orders/%1/cancel").arg(paid), {}, m_buyer.auth()).status, 200);
    const QJsonArray recent = admin("GET", QStringLiteral("/api/v1/admin/products/%1/stock/history").arg(product)).json().value("items").toArray();
    QCOMPARE(recent.at(0).toObject().value("reason").toString(), QStringLiteral("CANCEL"));
    QCOMPARE(recent.at(0).toObject().value("delta").toInteger(), 2);
    QCOMPARE(recent.at(0).toObject().value("stockAfter").toInteger(), 3);
    QCOMPARE(recent.at(0).toObject().value("orderId").toInteger(), paid);
    QCOMPARE(recent.at(1).toObject().value("reason").toString(), QStringLiteral("ORDER"));
    QCOMPARE(recent.at(1).toObject().value("stockAfter").toInteger(), 1);
}

void tst_AdminShop::stockRefusals_data()
{
    QTest::addColumn<QString>("product"); // %1: a product with 4 in stock
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QString it = QStringLiteral("%1");
    QTest::newRow("below zero") << it << QByteArray(R"({"delta":-5,"reason":"broken"})") << 409 << QStringLiteral("OUT_OF_STOCK");
    QTest::newRow("zero delta") << it << QByteArray(R"({"delta":0,"reason":"nothing"})") << 400 << QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("fraction") << it << QByteArray(R"({"delta":1.5,"reason":"half"})") << 400 << QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("no reason") << it << QByteArray(R"({"delta":1})") << 400 << QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("reason too long") << it << QByteArray(R"({"delta":1,"reason":")" + QByteArray(201, 'x') + "\"}") << 400
                                     << QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("not JSON") << it << QByteArray("delta=1") << 400 << QStringLiteral("INVALID_JSON");
    QTest::newRow("unknown product") << QStringLiteral("999999") << QByteArray(R"({"delta":1,"reason":"x"})") << 404
                                     << QStringLiteral("NOT_FOUND");
}

void tst_AdminShop::stockRefusals()
{
    QFETCH(QString, product);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const qint64 id = m_shop.createProduct(QStringLiteral("Refused stock"), 100, 4);
    const HttpClient::Reply r = admin("POST", QStringLiteral("/api/v1/admin/products/%1/stock").arg(product.arg(id)), body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), code);
    QCOMPARE(m_shop.stockOf(id), 4);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_ledger WHERE product_id = ?"), { id }), 1);
    // A shopper may not.
    QCOMPARE(m_shop.client().send("POST", QStringLiteral("/api/v1/admin/products/%1/stock").arg(id), R"({"delta":1,"reason":"x"})",
                                  m_buyer.auth()).status,
             403);
}

void tst_AdminShop::patchedStockIsAnAdjustment()
{
    const qint64 id = m_shop.createProduct(QStringLiteral("Patched"), 100, 7);
    QCOMPARE(admin("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(id), R"({"stock":12})").status, 200);
    QCOMPARE(admin("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(id), R"({"name":"Patched again"})").status, 200);
    const QJsonArray items = admin("GET", QStringLiteral("/api/v1/admin/products/%1/stock/history").arg(id)).json().value("items").toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).toObject().value("reason").toString(), QStringLiteral("ADJUSTMENT"));
    QCOMPARE(items.at(0).toObject().value("delta").toInteger(), 5);
    QCOMPARE(items.at(0).toObject().value("stockAfter").toInteger(), 12);
    QCOMPARE(admin("GET", QStringLiteral("/api/v1/admin/products/999999/stock/history")).errorCode(), QStringLiteral("NOT_FOUND"));
    QCOMPARE(admin("GET", QStringLiteral("/api/v1/admin/products/%1/stock/history?size=101").arg(id)).errorCode(),
             QStringLiteral("VALIDATION_FAILED"));
}

void tst_AdminShop::customers()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(m_shop.charge(shopper, 5000));
    const qint64 product = m_shop.createProduct(QStringLiteral("For a customer"), 1000, 10);
    QVERIFY(order(shopper, product, 2) > 0);
    const HttpClient::Reply list = admin("GET", QStringLiteral("/api/v1/admin/users?q=%1&page=1&size=5").arg(shopper.username));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json().value("total").toInteger(), 1);
    const QJsonObject found = list.json().value("items").toArray().first().toObject();
    QCOMPARE(found.value("id").toInteger(), shopper.id);
    QCOMPARE(found.value("username").toString(), shopper.username);
    QCOMPARE(found.value("role").toString(), QStringLiteral("SHOPPER"));
    QCOMPARE(found.value("balance").toInteger(), 3000);
    QCOMPARE(found.value("orderCount").toInteger(), 1);
    QCOMPARE(found.value("disabled").toBool(), false);
    QVERIFY(!found.value("createdAt").toString().isEmpty());
    // Everyone, by id: the admin first (it was made first).
    const HttpClient::Reply all = admin("GET", QStringLiteral("/api/v1/admin/users?size=100"));
    QCOMPARE(all.json().value("total").toInteger(), m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM users")));
    QCOMPARE(all.json().value("items").toArray().first().toObject().value("username").toString(), QStringLiteral("admin"));
    // LIKE's wildcards are plain text in q.
    QCOMPARE(admin("GET", QStringLiteral("/api/v1/admin/users?q=%25")).json().value("total").toInteger(), 0);

    const HttpClient::Reply one = admin("GET", QStringLiteral("/api/v1/admin/users/%1").arg(shopper.id));
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json().value("orderCount").toInteger(), 1);
    QCOMPARE(one.json().value("recentOrders").toArray().size(), 1);
    QVERIFY(one.json().value("coupons").isArray());
}

void tst_AdminShop::disabledCustomerIsLockedOut()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    const QString balance = QStringLiteral("/api/v1/users/%1/balance").arg(shopper.id);
    QCOMPARE(m_shop.client().get(balance, shopper.auth()).status, 200);
    const HttpClient::Reply off = admin("PATCH", QStringLiteral("/api/v1/admin/users/%1").arg(shopper.id), R"({"disabled":true})");
    QCOMPARE(off.status, 200);
    QCOMPARE(off.json().value("disabled").toBool(), true);
    // This instance forgets the account at once; the token and a login both fail.
    QCOMPARE(m_shop.client().get(balance, shopper.auth()).status, 401);
    const HttpClient::Reply login = m_shop.client().post(QStringLiteral("/api/v1/auth/login"),
                                                         { { "username", shopper.username }, { "password", "password-123" } });
    QCOMPARE(login.status, 403); // the right password: told to ask the shop
    QCOMPARE(login.errorCode(), QStringLiteral("ACCOUNT_DISABLED"));
    QCOMPARE(admin("PATCH", QStringLiteral("/api/v1/admin/users/%1").arg(shopper.id), R"({"disabled":false})").json().value("disabled").toBool(),
             false);
    const HttpClient::Reply back = m_shop.client().post(QStringLiteral("/api/v1/auth/login"),
                                                        { { "username", shopper.username }, { "password", "password-123" } });
    QCOMPARE(back.status, 200);
    QCOMPARE(m_shop.client().get(balance, shopper.auth()).status, 401); // the old token stays revoked
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'user' AND entity_id = ?"), { shopper.id }), 2);
}

void tst_AdminShop::customerRefusals_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); // %1: the admin's own id
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("disable itself") << QByteArray("PATCH") << QStringLiteral("/api/v1/admin/users/%1") << QByteArray(R"({"disabled":true})")
                                    << 400 << QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("disabled not a bool") << QByteArray("PATCH") << QStringLiteral("/api/v1/admin/users/%1")
                                         << QByteArray(R"({"disabled":"yes"})") << 400 << QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("unknown user") << QByteArray("PATCH") << QStringLiteral("/api/v1/admin/users/999999")
                                  << QByteArray(R"({"disabled":true})") << 404 << QStringLiteral("NOT_FOUND");
    QTest::newRow("unknown user detail") << QByteArray("GET") << QStringLiteral("/api/v1/admin/users/999999") << QByteArray() << 404
                                         << QStringLiteral("NOT_FOUND");
    QTest::newRow("q too long") << QByteArray("GET") << QStringLiteral("/api/v1/admin/users?q=") + QString(33, QLatin1Char('a'))
                                << QByteArray() << 400 << QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("page 0") << QByteArray("GET") << QStringLiteral("/api/v1/admin/users?page=0") << QByteArray() << 400
                            << QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("DELETE a user") << QByteArray("DELETE") << QStringLiteral("/api/v1/admin/users/%1") << QByteArray() << 405
                                   << QStringLiteral("METHOD_NOT_ALLOWED");
}

void tst_AdminShop::customerRefusals()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const HttpClient::Reply r = admin(method, path.contains(QLatin1String("%1")) ? path.arg(m_shop.admin().id) : path, body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), code);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT disabled_at IS NULL FROM users WHERE id = ?"), { m_shop.admin().id }), 1);
    QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/admin/users"), m_buyer.auth()).status, 403);
}

void tst_AdminShop::auditLog()
{
    const qint64 before = m_shop.scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM audit_log"));
    const qint64 product = m_shop.createProduct(QStringLiteral("Audited"), 500, 3);
    QCOMPARE(admin("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(product), R"({"price":600})").status, 200);
    const HttpClient::Reply category = admin("POST", QStringLiteral("/api/v1/admin/categories"), R"({"name":"Audited things"})");
    QCOMPARE(category.status, 201);
    const qint64 categoryId = category.json().value("id").toInteger();
    QCOMPARE(admin("PATCH", QStringLiteral("/api/v1/admin/categories/%1").arg(categoryId), R"({"name":"Audited stuff"})").status, 200);
    QCOMPARE(admin("DELETE", QStringLiteral("/api/v1/admin/categories/%1").arg(categoryId)).status, 204);
    QVERIFY(m_shop.createCoupon(QStringLiteral("FIXED"), 100, 5) > 0);

    const HttpClient::Reply log = admin("GET", QStringLiteral("/api/v1/admin/audit?size=100"));
    QCOMPARE(log.status, 200);
    QStringList actions;
    for (const QJsonValue &v : log.json().value("items").toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value("id").toInteger() > before)
            actions << e.value("action").toString();
    }
    // Newest first.
    QCOMPARE(actions, (QStringList { "coupon.create", "category.delete", "category.update", "category.create", "product.update",
                                     "product.create" }));
    const QJsonObject newest = log.json().value("items").toArray().first().toObject();
    QCOMPARE(newest.value("actor").toObject().value("username").toString(), QStringLiteral("admin"));
    QCOMPARE(newest.value("entity").toString(), QStringLiteral("coupon"));
    QVERIFY(newest.contains("after") && !newest.contains("before"));
    QVERIFY(!newest.value("at").toString().isEmpty());

    const HttpClient::Reply products = admin("GET", QStringLiteral("/api/v1/admin/audit?entity=product&size=1"));
    QCOMPARE(products.status, 200);
    const QJsonObject update = products.json().value("items").toArray().first().toObject();
    QCOMPARE(update.value("action").toString(), QStringLiteral("product.update"));
    QCOMPARE(update.value("entityId").toInteger(), product);
    QCOMPARE(update.value("before").toObject().value("price").toInteger(), 500);
    QCOMPARE(update.value("after").toObject().value("price").toInteger(), 600);
    QCOMPARE(products.json().value("total").toInteger(),
             m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'product'")));
}

void tst_AdminShop::auditRefusals()
{
    QCOMPARE(admin("GET", QStringLiteral("/api/v1/admin/audit?entity=wallet")).errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(admin("GET", QStringLiteral("/api/v1/admin/audit?size=0")).errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/admin/audit"), m_buyer.auth()).status, 403);
    QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/admin/audit")).status, 401);
}

void tst_AdminShop::adminOrderList()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(m_shop.charge(shopper, 10000));
    const qint64 product = m_shop.createProduct(QStringLiteral("Listed"), 100, 50);
    const qint64 first = order(shopper, product, 1);
    const qint64 second = order(shopper, product, 2);
    QVERIFY(first > 0 && second > 0);
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/orders/%1/cancel").arg(first), {}, shopper.auth()).status, 200);

    const HttpClient::Reply mine = admin("GET", QStringLiteral("/api/v1/admin/orders?userId=%1").arg(shopper.id));
    QCOMPARE(mine.status, 200);
    QCOMPARE(mine.json().value("total").toInteger(), 2);
    const QJsonArray items = mine.json().value("items").toArray();
    QCOMPARE(items.at(0).toObject().value("id").toInteger(), second); // newest first
    QCOMPARE(items.at(0).toObject().value("refundedAmount").toInteger(), 0);
    QCOMPARE(items.at(1).toObject().value("refundedAmount").toInteger(), 100);
    const auto total = [&](const QString &query) {
        return admin("GET", QStringLiteral("/api/v1/admin/orders?") + query).json().value("total").toInteger();
    };
    QCOMPARE(total(QStringLiteral("userId=%1&status=CANCELLED").arg(shopper.id)), 1);
    QCOMPARE(total(QStringLiteral("q=%1").arg(second)), 1);
    QCOMPARE(total(QStringLiteral("q=%1").arg(shopper.username.left(shopper.username.size() - 1))) >= 1, true);
    QCOMPARE(total(QStringLiteral("q=%1&userId=%2").arg(shopper.username).arg(shopper.id)), 2);
    QCOMPARE(total(QStringLiteral("userId=%1&from=%2&to=%2").arg(shopper.id).arg(today())), 2);
    QCOMPARE(total(QStringLiteral("userId=%1&to=2000-01-01").arg(shopper.id)), 0);
    for (const char *bad : { "status=LOST", "userId=x", "from=2026-02-30", "from=2026-02-02&to=2026-02-01", "size=0" })
        QCOMPARE(admin("GET", QStringLiteral("/api/v1/admin/orders?") + QLatin1String(bad)).errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/admin/orders"), shopper.auth()).status, 403);
}

void tst_AdminShop::openApiListsTheRoutes()
{
    const QJsonObject paths = m_shop.client().get(QStringLiteral("/openapi.json")).json().value("paths").toObject();
    for (const char *path : { "/api/v1/admin/orders", "/api/v1/admin/orders/{orderId}/refunds", "/api/v1/admin/products/{productId}/stock",
                              "/api/v1/admin/products/{productId}/stock/history", "/api/v1/admin/users", "/api/v1/admin/users/{userId}",
                              "/api/v1/admin/audit", "/api/v1/admin/reports/sales.csv", "/api/v1/admin/reports/orders.csv" })
        QVERIFY2(paths.contains(QLatin1String(path)), path);
    QVERIFY(paths.value("/api/v1/admin/users/{userId}").toObject().contains("patch"));
}

QTEST_GUILESS_MAIN(tst_AdminShop)
#include "tst_adminshop.moc"

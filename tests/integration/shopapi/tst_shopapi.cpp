#include "ShopFixture.h"
#include "TestStack.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonArray>
#include <QtTest/QTest>

// Every route of API.md (Events aside) and every error code it lists, over real HTTP
// against a server on the local stack.
class tst_ShopApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void routes_data();
    void routes();
    void failedOrderChangesNothing();
    void balanceCeiling();
    void pagesCountExactly();
    void topProductsRankAndExcludeCancelled();
    void salesPerDay();
    void idempotencyKeyReusedForAnotherOrder();
    void linePricesAreThoseAtPayment();
    void mysqlDownAnswers503ThenRecovers();

private:
    QString fill(QString text) const;
    QHash<QByteArray, QByteArray> as(const QString &who) const;

    ShopFixture m_shop;
    ShopFixture::User m_a;
    ShopFixture::User m_b;
    QHash<QString, qint64> m_ids;
};

void tst_ShopApi::initTestCase()
{
    QVERIFY(m_shop.start(4));
    m_a = m_shop.newShopper();
    m_b = m_shop.newShopper();
    QVERIFY(m_a.id > 0 && m_b.id > 0);
    QVERIFY(m_shop.charge(m_a, 100000));
    m_ids["A"] = m_a.id;
    m_ids["B"] = m_b.id;
    m_ids["P"] = m_shop.createProduct(QStringLiteral("Pen"), 1000, 1000);
    m_ids["Z"] = m_shop.createProduct(QStringLiteral("Sold out"), 1000, 0);
    m_ids["C"] = m_shop.createCoupon(QStringLiteral("FIXED"), 500, 100);
    m_ids["F"] = m_shop.createCoupon(QStringLiteral("FIXED"), 500, 100, QStringLiteral("2099-01-01T00:00:00Z"),
                                     QStringLiteral("2090-01-01T00:00:00Z"));
    m_ids["E"] = m_shop.createCoupon(QStringLiteral("FIXED"), 500, 100, QStringLiteral("2001-01-01T00:00:00Z"),
                                     QStringLiteral("2000-01-01T00:00:00Z"));
    m_ids["S"] = m_shop.createCoupon(QStringLiteral("RATE"), 5, 1);
    for (const char *key : { "P", "Z", "C", "F", "E", "S" })
        QVERIFY2(m_ids[key] > 0, key);
    // B takes the only S (user coupon T); A holds one C; A has one paid order O and one to cancel X.
    const HttpClient::Reply theirs =
            m_shop.client().post(QStringLiteral("/api/v1/coupons/%1/issue").arg(m_ids["S"]), { { "userId", m_b.id } }, m_b.auth());
    QCOMPARE(theirs.status, 201);
    m_ids["T"] = theirs.json().value("id").toInteger(); // B's own user coupon, real and AVAILABLE
    QVERIFY(m_ids["T"] > 0);
    const HttpClient::Reply mine =
            m_shop.client().post(QStringLiteral("/api/v1/coupons/%1/issue").arg(m_ids["C"]), { { "userId", m_a.id } }, m_a.auth());
    QCOMPARE(mine.status, 201);
    m_ids["U"] = mine.json().value("id").toInteger();
    for (const char *key : { "O", "X" }) {
        const HttpClient::Reply placed = m_shop.client().post(
                QStringLiteral("/api/v1/orders"),
                { { "userId", m_a.id }, { "items", QJsonArray { QJsonObject { { "productId", m_ids["P"] }, { "quantity", 1 } } } } },
                m_a.auth());
        QCOMPARE(placed.status, 201);
        m_ids[key] = placed.json().value("id").toInteger();
    }
}

void tst_ShopApi::cleanupTestCase()
{
    // Whatever the races above did, the shop's invariants hold (storefront-server check).
    const QString violations = m_shop.invariantViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations));
    m_shop.stop();
}

QString tst_ShopApi::fill(QString text) const
{
    for (auto it = m_ids.cbegin(); it != m_ids.cend(); ++it)
        text.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), QString::number(it.value()));
    return text;
}

QHash<QByteArray, QByteArray> tst_ShopApi::as(const QString &who) const
{
    if (who == QLatin1String("A"))
        return m_a.auth();
    if (who == QLatin1String("B"))
        return m_b.auth();
    if (who == QLatin1String("admin"))
        return m_shop.admin().auth();
    if (who == QLatin1String("forged"))
        return { { "Authorization", "Bearer eyJzdWIiOjF9.bm90LWEtc2lnbmF0dXJl" } };
    return {};
}

void tst_ShopApi::routes_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QString v1 = QStringLiteral("/api/v1");
    // auth
    QTest::newRow("register") << "" << QByteArray("POST") << v1 + "/auth/register" << R"({"username":"newbie_1","password":"password-1"})" << 201 << "";
    QTest::newRow("register taken") << "" << QByteArray("POST") << v1 + "/auth/register" << R"({"username":"newbie_1","password":"password-1"})" << 409 << "USERNAME_TAKEN";
    QTest::newRow("register bad json") << "" << QByteArray("POST") << v1 + "/auth/register" << R"({"username":)" << 400 << "INVALID_JSON";
    QTest::newRow("register short name") << "" << QByteArray("POST") << v1 + "/auth/register" << R"({"username":"ab","password":"password-1"})" << 400 << "VALIDATION_FAILED";
    QTest::newRow("register short password") << "" << QByteArray("POST") << v1 + "/auth/register" << R"({"username":"newbie_2","password":"short"})" << 400 << "VALIDATION_FAILED";
    QTest::newRow("login") << "" << QByteArray("POST") << v1 + "/auth/login" << R"({"username":"newbie_1","password":"password-1"})" << 200 << "";
    QTest::newRow("login wrong password") << "" << QByteArray("POST") << v1 + "/auth/login" << R"({"username":"newbie_1","password":"password-2"})" << 401 << "INVALID_CREDENTIALS";
    QTest::newRow("login unknown user") << "" << QByteArray("POST") << v1 + "/auth/login" << R"({"username":"nobody_here","password":"password-2"})" << 401 << "INVALID_CREDENTIALS";
    // balance
    QTest::newRow("balance no token") << "" << QByteArray("GET") << v1 + "/users/{A}/balance" << "" << 401 << "UNAUTHENTICATED";
    QTest::newRow("balance forged token") << "forged" << QByteArray("GET") << v1 + "/users/{A}/balance" << "" << 401 << "UNAUTHENTICATED";
    QTest::newRow("balance own") << "A" << QByteArray("GET") << v1 + "/users/{A}/balance" << "" << 200 << "";
    QTest::newRow("balance of another") << "B" << QByteArray("GET") << v1 + "/users/{A}/balance" << "" << 403 << "FORBIDDEN";
    QTest::newRow("balance as admin") << "admin" << QByteArray("GET") << v1 + "/users/{A}/balance" << "" << 200 << "";
    QTest::newRow("balance unknown user") << "admin" << QByteArray("GET") << v1 + "/users/987654321/balance" << "" << 404 << "NOT_FOUND";
    QTest::newRow("balance bad id") << "admin" << QByteArray("GET") << v1 + "/users/abc/balance" << "" << 404 << "NOT_FOUND";
    QTest::newRow("charge") << "B" << QByteArray("POST") << v1 + "/users/{B}/balance/charge" << R"({"amount":1})" << 200 << "";
    QTest::newRow("charge zero") << "B" << QByteArray("POST") << v1 + "/users/{B}/balance/charge" << R"({"amount":0})" << 400 << "INVALID_AMOUNT";
    QTest::newRow("charge too much") << "B" << QByteArray("POST") << v1 + "/users/{B}/balance/charge" << R"({"amount":10000001})" << 400 << "INVALID_AMOUNT";
    QTest::newRow("charge fraction") << "B" << QByteArray("POST") << v1 + "/users/{B}/balance/charge" << R"({"amount":1.5})" << 400 << "INVALID_AMOUNT";
    QTest::newRow("charge another") << "B" << QByteArray("POST") << v1 + "/users/{A}/balance/charge" << R"({"amount":1})" << 403 << "FORBIDDEN";
    QTest::newRow("history") << "A" << QByteArray("GET") << v1 + "/users/{A}/balance/history?page=1&size=5" << "" << 200 << "";
    QTest::newRow("history bad size") << "A" << QByteArray("GET") << v1 + "/users/{A}/balance/history?size=101" << "" << 400 << "VALIDATION_FAILED";
    // catalogue
    QTest::newRow("products") << "A" << QByteArray("GET") << v1 + "/products?page=1&size=10" << "" << 200 << "";
    QTest::newRow("products no token") << "" << QByteArray("GET") << v1 + "/products" << "" << 401 << "UNAUTHENTICATED";
    QTest::newRow("products wrong method") << "A" << QByteArray("DELETE") << v1 + "/products" << "" << 405 << "METHOD_NOT_ALLOWED";
    QTest::newRow("product") << "A" << QByteArray("GET") << v1 + "/products/{P}" << "" << 200 << "";
    QTest::newRow("product unknown") << "A" << QByteArray("GET") << v1 + "/products/987654321" << "" << 404 << "NOT_FOUND";
    QTest::newRow("top") << "A" << QByteArray("GET") << v1 + "/products/top?days=3&limit=5" << "" << 200 << "";
    QTest::newRow("top bad days") << "A" << QByteArray("GET") << v1 + "/products/top?days=31" << "" << 400 << "VALIDATION_FAILED";
    QTest::newRow("create product as shopper") << "A" << QByteArray("POST") << v1 + "/admin/products" << R"({"name":"X","price":1,"stock":1})" << 403 << "FORBIDDEN";
    QTest::newRow("create product") << "admin" << QByteArray("POST") << v1 + "/admin/products" << R"({"name":"X","price":1,"stock":1})" << 201 << "";
    QTest::newRow("create product bad price") << "admin" << QByteArray("POST") << v1 + "/admin/products" << R"({"name":"X","price":-1,"stock":1})" << 400 << "VALIDATION_FAILED";
    QTest::newRow("update product") << "admin" << QByteArray("PATCH") << v1 + "/admin/products/{P}" << R"({"name":"Pen"})" << 200 << "";
    QTest::newRow("update product unknown") << "admin" << QByteArray("PATCH") << v1 + "/admin/products/987654321" << R"({"stock":1})" << 404 << "NOT_FOUND";
    QTest::newRow("update product nothing") << "admin" << QByteArray("PATCH") << v1 + "/admin/products/{P}" << "{}" << 400 << "VALIDATION_FAILED";
    QTest::newRow("update product negative stock") << "admin" << QByteArray("PATCH") << v1 + "/admin/products/{P}" << R"({"stock":-1})" << 400 << "VALIDATION_FAILED";
    // coupons
    QTest::newRow("coupons") << "A" << QByteArray("GET") << v1 + "/coupons" << "" << 200 << "";
    QTest::newRow("issue unknown coupon") << "A" << QByteArray("POST") << v1 + "/coupons/987654321/issue" << R"({"userId":{A}})" << 404 << "NOT_FOUND";
    QTest::newRow("issue not yet valid") << "A" << QByteArray("POST") << v1 + "/coupons/{F}/issue" << R"({"userId":{A}})" << 409 << "COUPON_NOT_USABLE";
    QTest::newRow("issue ended") << "A" << QByteArray("POST") << v1 + "/coupons/{E}/issue" << R"({"userId":{A}})" << 409 << "COUPON_NOT_USABLE";
    QTest::newRow("issue sold out") << "A" << QByteArray("POST") << v1 + "/coupons/{S}/issue" << R"({"userId":{A}})" << 409 << "COUPON_SOLD_OUT";
    QTest::newRow("issue again") << "A" << QByteArray("POST") << v1 + "/coupons/{C}/issue" << R"({"userId":{A}})" << 409 << "COUPON_ALREADY_ISSUED";
    QTest::newRow("issue for another") << "B" << QByteArray("POST") << v1 + "/coupons/{C}/issue" << R"({"userId":{A}})" << 403 << "FORBIDDEN";
    QTest::newRow("issue no user") << "A" << QByteArray("POST") << v1 + "/coupons/{C}/issue" << "{}" << 400 << "VALIDATION_FAILED";
    QTest::newRow("my coupons") << "A" << QByteArray("GET") << v1 + "/users/{A}/coupons?status=AVAILABLE" << "" << 200 << "";
    QTest::newRow("my coupons bad status") << "A" << QByteArray("GET") << v1 + "/users/{A}/coupons?status=LOST" << "" << 400 << "VALIDATION_FAILED";
    QTest::newRow("coupons of another") << "B" << QByteArray("GET") << v1 + "/users/{A}/coupons" << "" << 403 << "FORBIDDEN";
    QTest::newRow("create coupon") << "admin" << QByteArray("POST") << v1 + "/admin/coupons" << R"({"name":"N","discountType":"RATE","discountValue":20,"quantity":3,"validUntil":"2099-01-01T00:00:00Z"})" << 201 << "";
    QTest::newRow("create coupon bad rate") << "admin" << QByteArray("POST") << v1 + "/admin/coupons" << R"({"name":"N","discountType":"RATE","discountValue":101,"quantity":3,"validUntil":"2099-01-01T00:00:00Z"})" << 400 << "VALIDATION_FAILED";
    QTest::newRow("create coupon as shopper") << "A" << QByteArray("POST") << v1 + "/admin/coupons" << R"({"name":"N","discountType":"RATE","discountValue":20,"quantity":3,"validUntil":"2099-01-01T00:00:00Z"})" << 403 << "FORBIDDEN";
    // orders
    QTest::newRow("order for another") << "B" << QByteArray("POST") << v1 + "/orders" << R"({"userId":{A},"items":[{"productId":{P},"quantity":1}]})" << 403 << "FORBIDDEN";
    QTest::newRow("order unknown product") << "A" << QByteArray("POST") << v1 + "/orders" << R"({"userId":{A},"items":[{"productId":987654321,"quantity":1}]})" << 404 << "NOT_FOUND";
    QTest::newRow("order out of stock") << "A" << QByteArray("POST") << v1 + "/orders" << R"({"userId":{A},"items":[{"productId":{Z},"quantity":1}]})" << 409 << "OUT_OF_STOCK";
    QTest::newRow("order insufficient") << "B" << QByteArray("POST") << v1 + "/orders" << R"({"userId":{B},"items":[{"productId":{P},"quantity":5}]})" << 409 << "INSUFFICIENT_BALANCE";
    QTest::newRow("order foreign coupon") << "A" << QByteArray("POST") << v1 + "/orders" << R"({"userId":{A},"items":[{"productId":{P},"quantity":1}],"userCouponId":{T}})" << 409 << "COUPON_NOT_USABLE";
    QTest::newRow("order unknown coupon") << "A" << QByteArray("POST") << v1 + "/orders" << R"({"userId":{A},"items":[{"productId":{P},"quantity":1}],"userCouponId":987654321})" << 409 << "COUPON_NOT_USABLE";
    QTest::newRow("order no lines") << "A" << QByteArray("POST") << v1 + "/orders" << R"({"userId":{A},"items":[]})" << 400 << "VALIDATION_FAILED";
    QTest::newRow("order product twice") << "A" << QByteArray("POST") << v1 + "/orders" << R"({"userId":{A},"items":[{"productId":{P},"quantity":1},{"productId":{P},"quantity":2}]})" << 400 << "VALIDATION_FAILED";
    QTest::newRow("order") << "A" << QByteArray("GET") << v1 + "/orders/{O}" << "" << 200 << "";
    QTest::newRow("order of another") << "B" << QByteArray("GET") << v1 + "/orders/{O}" << "" << 403 << "FORBIDDEN";
    QTest::newRow("order as admin") << "admin" << QByteArray("GET") << v1 + "/orders/{O}" << "" << 200 << "";
    QTest::newRow("order unknown") << "A" << QByteArray("GET") << v1 + "/orders/987654321" << "" << 404 << "NOT_FOUND";
    QTest::newRow("my orders") << "A" << QByteArray("GET") << v1 + "/users/{A}/orders?page=1&size=1" << "" << 200 << "";
    QTest::newRow("orders of another") << "B" << QByteArray("GET") << v1 + "/users/{A}/orders" << "" << 403 << "FORBIDDEN";
    QTest::newRow("cancel by another") << "B" << QByteArray("POST") << v1 + "/orders/{X}/cancel" << "{}" << 403 << "FORBIDDEN";
    QTest::newRow("cancel") << "A" << QByteArray("POST") << v1 + "/orders/{X}/cancel" << "{}" << 200 << "";
    QTest::newRow("cancel again") << "A" << QByteArray("POST") << v1 + "/orders/{X}/cancel" << "{}" << 409 << "ORDER_NOT_CANCELLABLE";
    QTest::newRow("cancel unknown") << "A" << QByteArray("POST") << v1 + "/orders/987654321/cancel" << "{}" << 404 << "NOT_FOUND";
    // admin
    QTest::newRow("sales") << "admin" << QByteArray("GET") << v1 + "/admin/stats/sales?days=7" << "" << 200 << "";
    QTest::newRow("sales as shopper") << "A" << QByteArray("GET") << v1 + "/admin/stats/sales" << "" << 403 << "FORBIDDEN";
    QTest::newRow("sales bad days") << "admin" << QByteArray("GET") << v1 + "/admin/stats/sales?days=0" << "" << 400 << "VALIDATION_FAILED";
    QTest::newRow("outbox") << "admin" << QByteArray("GET") << v1 + "/admin/outbox" << "" << 200 << "";
    QTest::newRow("data platform") << "admin" << QByteArray("GET") << v1 + "/admin/data-platform" << "" << 200 << "";
    QTest::newRow("outbox as shopper") << "B" << QByteArray("GET") << v1 + "/admin/outbox" << "" << 403 << "FORBIDDEN";
}

void tst_ShopApi::routes()
{
    QFETCH(QString, who);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, body);
    QFETCH(int, status);
    QFETCH(QString, code);

    const HttpClient::Reply r = m_shop.client().send(method, fill(path), fill(body).toUtf8(), as(who));
    QVERIFY2(r.status == status, r.body.constData());
    QCOMPARE(r.errorCode(), code);
    QVERIFY(r.headers.value("content-type").startsWith("application/json"));
    if (status >= 400)
        QVERIFY(!r.json().value("error").toObject().value("message").toString().isEmpty());
}

void tst_ShopApi::failedOrderChangesNothing()
{
    const qint64 good = m_shop.createProduct(QStringLiteral("Good"), 100, 10);
    const qint64 scarce = m_shop.createProduct(QStringLiteral("Scarce"), 100, 1);
    const ShopFixture::User user = m_shop.newShopper();
    QVERIFY(m_shop.charge(user, 10000));
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("FIXED"), 50, 5);
    const qint64 userCoupon = m_shop.client()
                                      .post(QStringLiteral("/api/v1/coupons/%1/issue").arg(coupon), { { "userId", user.id } }, user.auth())
                                      .json()
                                      .value("id")
                                      .toInteger();
    const HttpClient::Reply r = m_shop.client().post(
            QStringLiteral("/api/v1/orders"),
            { { "userId", user.id },
              { "items", QJsonArray { QJsonObject { { "productId", good }, { "quantity", 3 } },
                                      QJsonObject { { "productId", scarce }, { "quantity", 2 } } } },
              { "userCouponId", userCoupon } },
            user.auth());
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), QStringLiteral("OUT_OF_STOCK"));
    QCOMPARE(r.json().value("error").toObject().value("details").toObject().value("productId").toInteger(), scarce);
    QCOMPARE(m_shop.stockOf(good), 10);
    QCOMPARE(m_shop.stockOf(scarce), 1);
    QCOMPARE(m_shop.balanceOf(user), 10000);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE user_id = ?"), { user.id }), 0);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM user_coupons WHERE id = ? AND status = 'AVAILABLE'"), { userCoupon }), 1);
}

void tst_ShopApi::balanceCeiling()
{
    const ShopFixture::User user = m_shop.newShopper();
    for (int i = 0; i < 100; ++i)
        QVERIFY(m_shop.charge(user, 10000000));
    QCOMPARE(m_shop.balanceOf(user), 1000000000);
    const HttpClient::Reply over = m_shop.client().post(QStringLiteral("/api/v1/users/%1/balance/charge").arg(user.id),
                                                        { { "amount", 1 } }, user.auth());
    QCOMPARE(over.status, 400);
    QCOMPARE(over.errorCode(), QStringLiteral("INVALID_AMOUNT"));
    QCOMPARE(m_shop.balanceOf(user), 1000000000);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM balance_ledger WHERE user_id = ?"), { user.id }), 100);
}

void tst_ShopApi::pagesCountExactly()
{
    const qint64 total = m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM products"));
    const HttpClient::Reply first = m_shop.client().get(QStringLiteral("/api/v1/products?page=1&size=2"), m_a.auth());
    QCOMPARE(first.json().value("total").toInteger(), total);
    QCOMPARE(first.json().value("size").toInt(), 2);
    QCOMPARE(first.json().value("items").toArray().size(), qMin<qint64>(2, total));
    const int lastPage = int((total + 1) / 2);
    const HttpClient::Reply last = m_shop.client().get(QStringLiteral("/api/v1/products?page=%1&size=2").arg(lastPage), m_a.auth());
    QCOMPARE(last.json().value("items").toArray().size(), total % 2 ? 1 : 2);
    const HttpClient::Reply past = m_shop.client().get(QStringLiteral("/api/v1/products?page=%1&size=2").arg(lastPage + 1), m_a.auth());
    QCOMPARE(past.json().value("items").toArray().size(), 0);
    // Ordered by id.
    const QJsonArray items = first.json().value("items").toArray();
    if (items.size() == 2)
        QVERIFY(items[0].toObject().value("id").toInteger() < items[1].toObject().value("id").toInteger());
}

void tst_ShopApi::topProductsRankAndExcludeCancelled()
{
    // Top products are shop-wide: compare against what MySQL's aggregate says.
    const ShopFixture::User user = m_shop.newShopper();
    QVERIFY(m_shop.charge(user, 10000000));
    const qint64 x = m_shop.createProduct(QStringLiteral("Top X"), 1, 100000);
    const qint64 y = m_shop.createProduct(QStringLiteral("Top Y"), 1, 100000);
    const auto buy = [&](qint64 product, int quantity) {
        return m_shop.client()
                .post(QStringLiteral("/api/v1/orders"),
                      { { "userId", user.id }, { "items", QJsonArray { QJsonObject { { "productId", product }, { "quantity", quantity } } } } },
                      user.auth())
                .json()
                .value("id")
                .toInteger();
    };
    buy(x, 1000);
    buy(y, 1000); // a tie: the lower id (x) ranks first
    const qint64 extra = buy(y, 1000);
    QVERIFY(extra > 0);
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/orders/%1/cancel").arg(extra), {}, user.auth()).status, 200);

    const QJsonObject top = m_shop.client().get(QStringLiteral("/api/v1/products/top?days=3&limit=2"), user.auth()).json();
    const QJsonArray items = top.value("items").toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items[0].toObject().value("productId").toInteger(), x);
    QCOMPARE(items[0].toObject().value("rank").toInt(), 1);
    QCOMPARE(items[0].toObject().value("soldQuantity").toInteger(), 1000);
    QCOMPARE(items[1].toObject().value("productId").toInteger(), y);
    QCOMPARE(items[1].toObject().value("soldQuantity").toInteger(), 1000);
    QVERIFY(!top.value("from").toString().isEmpty() && !top.value("to").toString().isEmpty());
}

void tst_ShopApi::salesPerDay()
{
    const QJsonArray days = m_shop.client().get(QStringLiteral("/api/v1/admin/stats/sales?days=3"), m_shop.admin().auth())
                                    .json()
                                    .value("days")
                                    .toArray();
    QCOMPARE(days.size(), 3);
    const QJsonObject today = days.last().toObject();
    QCOMPARE(today.value("date").toString(), QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
    QCOMPARE(today.value("orders").toInteger(),
             m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE status = 'PAID' AND paid_at >= UTC_DATE()")));
    QCOMPARE(today.value("revenue").toInteger(),
             m_shop.scalar(QStringLiteral("SELECT SUM(paid_amount) FROM orders WHERE status = 'PAID' AND paid_at >= UTC_DATE()")));
    QCOMPARE(today.value("units").toInteger(),
             m_shop.scalar(QStringLiteral("SELECT SUM(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id "
                                          "WHERE o.status = 'PAID' AND o.paid_at >= UTC_DATE()")));
}

void tst_ShopApi::idempotencyKeyReusedForAnotherOrder()
{
    QHash<QByteArray, QByteArray> headers = m_a.auth();
    headers.insert("Idempotency-Key", "reuse-1");
    const auto order = [&](int quantity) {
        return m_shop.client().post(
                QStringLiteral("/api/v1/orders"),
                { { "userId", m_a.id }, { "items", QJsonArray { QJsonObject { { "productId", m_ids["P"] }, { "quantity", quantity } } } } },
                headers);
    };
    const HttpClient::Reply first = order(1);
    QCOMPARE(first.status, 201);
    const HttpClient::Reply again = order(1);
    QCOMPARE(again.status, 201);
    QCOMPARE(again.json().value("id"), first.json().value("id"));
    const HttpClient::Reply other = order(2);
    QCOMPARE(other.status, 409);
    QCOMPARE(other.errorCode(), QStringLiteral("IDEMPOTENCY_KEY_REUSED"));
    headers.insert("Idempotency-Key", QByteArray(65, 'k'));
    QCOMPARE(order(1).errorCode(), QStringLiteral("VALIDATION_FAILED"));
}

void tst_ShopApi::linePricesAreThoseAtPayment()
{
    const qint64 product = m_shop.createProduct(QStringLiteral("Repriced"), 700, 10);
    const ShopFixture::User user = m_shop.newShopper();
    QVERIFY(m_shop.charge(user, 10000));
    const auto buy = [&] {
        return m_shop.client().post(
                QStringLiteral("/api/v1/orders"),
                { { "userId", user.id }, { "items", QJsonArray { QJsonObject { { "productId", product }, { "quantity", 1 } } } } },
                user.auth());
    };
    const qint64 first = buy().json().value("id").toInteger();
    QCOMPARE(m_shop.client().send("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(product), R"({"price":900})",
                                  m_shop.admin().auth()).status,
             200);
    const HttpClient::Reply second = buy();
    QCOMPARE(second.json().value("items").toArray().first().toObject().value("unitPrice").toInteger(), 900);
    const QJsonObject kept = m_shop.client().get(QStringLiteral("/api/v1/orders/%1").arg(first), user.auth()).json();
    QCOMPARE(kept.value("items").toArray().first().toObject().value("unitPrice").toInteger(), 700);
    QCOMPARE(m_shop.balanceOf(user), 10000 - 700 - 900);
}

void tst_ShopApi::mysqlDownAnswers503ThenRecovers()
{
    LocalStack *stack = TestStack::instance();
    stack->mysql().stop();
    QElapsedTimer clock;
    clock.start();
    const HttpClient::Reply down = m_shop.client().get(QStringLiteral("/api/v1/users/%1/balance").arg(m_a.id), m_a.auth());
    QCOMPARE(down.status, 503);
    QCOMPARE(down.errorCode(), QStringLiteral("UNAVAILABLE"));
    QVERIFY2(!down.body.contains("QMYSQL") && !down.body.contains("127.0.0.1"), down.body.constData());
    QTRY_VERIFY_WITH_TIMEOUT(m_shop.client().get(QStringLiteral("/readyz")).status == 503, 5000);
    const HttpClient::Reply ready = m_shop.client().get(QStringLiteral("/readyz"));
    QCOMPARE(ready.json().value("status").toString(), QStringLiteral("unavailable"));
    QCOMPARE(ready.json().value("mysql").toString(), QStringLiteral("down"));

    QVERIFY(stack->mysql().start(QDeadlineTimer(30000)).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_shop.client().get(QStringLiteral("/api/v1/users/%1/balance").arg(m_a.id), m_a.auth()).status, 200, 10000);
}

QTEST_GUILESS_MAIN(tst_ShopApi)
#include "tst_shopapi.moc"

#include "ParallelRequests.h"
#include "ShopFixture.h"

#include <QtCore/QJsonArray>
#include <QtTest/QTest>

// The races of DESIGN.md's concurrency table, fired as real parallel HTTP requests
// (one connection each) against a server with 8 workers on real MariaDB. Each ends
// with exact counts read back through the API and straight from MySQL.
class tst_ShopRaces : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void parallelChargesLoseNothing();
    void couponRushStopsAtQuantity();
    void oneUserClaimsOnce();
    void stockNeverOversold();
    void oneBalanceOneOrder();
    void oneCouponUsedOnce();
    void crossedOrdersNeverDeadlockToUser();
    void idempotentChargeRunsOnce();
    void idempotentOrderRunsOnce();
    void cancelRestoresEverything();
    void parallelRefundsNeverPassWhatWasBought();
    void refundsRacingACancel();

private:
    static int count(const QList<HttpClient::Reply> &replies, int status, const QString &code = QString());
    QByteArray order(qint64 userId, const QList<QPair<qint64, int>> &items, qint64 userCouponId = 0);
    ShopFixture m_shop;
};

int tst_ShopRaces::count(const QList<HttpClient::Reply> &replies, int status, const QString &code)
{
    return int(std::count_if(replies.cbegin(), replies.cend(), [&](const HttpClient::Reply &r) {
        return r.status == status && (code.isEmpty() || r.errorCode() == code);
    }));
}

QByteArray tst_ShopRaces::order(qint64 userId, const QList<QPair<qint64, int>> &items, qint64 userCouponId)
{
    QJsonArray lines;
    for (const auto &[productId, quantity] : items)
        lines.append(QJsonObject { { "productId", productId }, { "quantity", quantity } });
    QJsonObject body { { "userId", userId }, { "items", lines } };
    if (userCouponId > 0)
        body.insert(QStringLiteral("userCouponId"), userCouponId);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void tst_ShopRaces::initTestCase()
{
    QVERIFY(m_shop.start(8));
}

void tst_ShopRaces::cleanupTestCase()
{
    // Whatever the races above did, the shop's invariants hold (storefront-server check).
    const QString violations = m_shop.invariantViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations));
    // Under STOREFRONT_TEST_CONCURRENCY=redis-lock the races above ran through Redis locks.
    if (m_shop.server().config().concurrency == ConcurrencyStrategy::RedisLock)
        QVERIFY(m_shop.server().cacheMetrics().locksAcquired() >= 100);

    m_shop.stop();
}

void tst_ShopRaces::parallelChargesLoseNothing()
{
    const ShopFixture::User user = m_shop.newShopper();
    QList<ParallelRequests::Request> requests;
    for (int i = 0; i < 100; ++i)
        requests << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/users/%1/balance/charge").arg(user.id),
                                                "{\"amount\":1000}", user.auth() };
    const auto replies = ParallelRequests::run(m_shop.baseUrl(), requests);
    QCOMPARE(count(replies, 200), 100);
    QCOMPARE(m_shop.balanceOf(user), 100000);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM balance_ledger WHERE user_id = ? AND type = 'CHARGE'"), { user.id }), 100);
    // Every ledger row's balanceAfter is distinct: no two charges saw the same balance.
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(DISTINCT balance_after) FROM balance_ledger WHERE user_id = ?"), { user.id }), 100);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT MAX(balance_after) FROM balance_ledger WHERE user_id = ?"), { user.id }), 100000);
}

void tst_ShopRaces::couponRushStopsAtQuantity()
{
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("FIXED"), 1000, 30);
    QVERIFY(coupon > 0);
    QList<ParallelRequests::Request> requests;
    for (int i = 0; i < 200; ++i) {
        const ShopFixture::User user = m_shop.newShopper();
        QVERIFY(user.id > 0);
        requests << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/coupons/%1/issue").arg(coupon),
                                                QJsonDocument(QJsonObject { { "userId", user.id } }).toJson(), user.auth() };
    }
    const auto replies = ParallelRequests::run(m_shop.baseUrl(), requests);
    QCOMPARE(count(replies, 201), 30);
    QCOMPARE(count(replies, 409, QStringLiteral("COUPON_SOLD_OUT")), 170);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT issued FROM coupons WHERE id = ?"), { coupon }), 30);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM user_coupons WHERE coupon_id = ?"), { coupon }), 30);
    const QJsonArray listed = m_shop.client().get(QStringLiteral("/api/v1/coupons"), m_shop.admin().auth()).json().value("items").toArray();
    bool found = false;
    for (const QJsonValue &c : listed) {
        if (c.toObject().value("id").toInteger() == coupon) {
            found = true;
            QCOMPARE(c.toObject().value("remaining").toInteger(), 0);
        }
    }
    QVERIFY(found);
}

void tst_ShopRaces::oneUserClaimsOnce()
{
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("RATE"), 10, 100);
    const ShopFixture::User user = m_shop.newShopper();
    QList<ParallelRequests::Request> requests;
    for (int i = 0; i < 20; ++i)
        requests << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/coupons/%1/issue").arg(coupon),
                                                QJsonDocument(QJsonObject { { "userId", user.id } }).toJson(), user.auth() };
    const auto replies = ParallelRequests::run(m_shop.baseUrl(), requests);
    QCOMPARE(count(replies, 201), 1);
    QCOMPARE(count(replies, 409, QStringLiteral("COUPON_ALREADY_ISSUED")), 19);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT issued FROM coupons WHERE id = ?"), { coupon }), 1);
}

void tst_ShopRaces::stockNeverOversold()
{
    const qint64 product = m_shop.createProduct(QStringLiteral("Hot item"), 100, 10);
    QList<ParallelRequests::Request> requests;
    for (int i = 0; i < 50; ++i) {
        const ShopFixture::User user = m_shop.newShopper();
        QVERIFY(m_shop.charge(user, 1000));
        requests << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/orders"), order(user.id, { { product, 1 } }),
                                                user.auth() };
    }
    const auto replies = ParallelRequests::run(m_shop.baseUrl(), requests);
    QCOMPARE(count(replies, 201), 10);
    QCOMPARE(count(replies, 409, QStringLiteral("OUT_OF_STOCK")), 40);
    QCOMPARE(m_shop.stockOf(product), 0);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COALESCE(SUM(quantity), 0) FROM order_lines WHERE product_id = ?"), { product }), 10);
    // The 40 refused paid nothing: exactly 10 PAYMENT rows of 100.
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM balance_ledger l JOIN order_lines o ON o.order_id = l.order_id "
                                          "WHERE o.product_id = ? AND l.type = 'PAYMENT'"),
                           { product }),
             10);
}

void tst_ShopRaces::oneBalanceOneOrder()
{
    const qint64 product = m_shop.createProduct(QStringLiteral("Pricey"), 5000, 100);
    const ShopFixture::User user = m_shop.newShopper();
    QVERIFY(m_shop.charge(user, 5000));
    QList<ParallelRequests::Request> requests;
    for (int i = 0; i < 10; ++i)
        requests << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/orders"), order(user.id, { { product, 1 } }),
                                                user.auth() };
    const auto replies = ParallelRequests::run(m_shop.baseUrl(), requests);
    QCOMPARE(count(replies, 201), 1);
    QCOMPARE(count(replies, 409, QStringLiteral("INSUFFICIENT_BALANCE")), 9);
    QCOMPARE(m_shop.balanceOf(user), 0);
    QCOMPARE(m_shop.stockOf(product), 99);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT MIN(balance_after) FROM balance_ledger WHERE user_id = ?"), { user.id }), 0);
}

void tst_ShopRaces::oneCouponUsedOnce()
{
    const qint64 product = m_shop.createProduct(QStringLiteral("Couponed"), 1000, 100);
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("FIXED"), 500, 10);
    const ShopFixture::User user = m_shop.newShopper();
    QVERIFY(m_shop.charge(user, 100000));
    const HttpClient::Reply issued = m_shop.client().post(QStringLiteral("/api/v1/coupons/%1/issue").arg(coupon),
                                                          { { "userId", user.id } }, user.auth());
    QCOMPARE(issued.status, 201);
    const qint64 userCoupon = issued.json().value("id").toInteger();
    QList<ParallelRequests::Request> requests;
    for (int i = 0; i < 5; ++i)
        requests << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/orders"),
                                                order(user.id, { { product, 1 } }, userCoupon), user.auth() };
    const auto replies = ParallelRequests::run(m_shop.baseUrl(), requests);
    QCOMPARE(count(replies, 201), 1);
    QCOMPARE(count(replies, 409, QStringLiteral("COUPON_NOT_USABLE")), 4);
    QCOMPARE(m_shop.balanceOf(user), 100000 - 500);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE user_coupon_id = ?"), { userCoupon }), 1);
}

void tst_ShopRaces::crossedOrdersNeverDeadlockToUser()
{
    const qint64 a = m_shop.createProduct(QStringLiteral("A"), 10, 1000);
    const qint64 b = m_shop.createProduct(QStringLiteral("B"), 20, 1000);
    QList<ShopFixture::User> users;
    for (int i = 0; i < 20; ++i) {
        users << m_shop.newShopper();
        QVERIFY(m_shop.charge(users.last(), 100000));
    }
    QList<ParallelRequests::Request> requests;
    for (int i = 0; i < 200; ++i) {
        const ShopFixture::User &user = users[i % users.size()];
        const auto items = i % 2 ? QList<QPair<qint64, int>> { { a, 1 }, { b, 1 } } : QList<QPair<qint64, int>> { { b, 1 }, { a, 1 } };
        requests << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/orders"), order(user.id, items), user.auth() };
    }
    const auto replies = ParallelRequests::run(m_shop.baseUrl(), requests);
    QCOMPARE(count(replies, 201), 200);
    QCOMPARE(m_shop.stockOf(a), 800);
    QCOMPARE(m_shop.stockOf(b), 800);
}

void tst_ShopRaces::idempotentChargeRunsOnce()
{
    const ShopFixture::User user = m_shop.newShopper();
    QHash<QByteArray, QByteArray> headers = user.auth();
    headers.insert("Idempotency-Key", "charge-once-1");
    QList<ParallelRequests::Request> requests;
    for (int i = 0; i < 6; ++i)
        requests << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/users/%1/balance/charge").arg(user.id),
                                                "{\"amount\":7000}", headers };
    const auto replies = ParallelRequests::run(m_shop.baseUrl(), requests);
    QCOMPARE(count(replies, 200), 6);
    for (const HttpClient::Reply &r : replies)
        QCOMPARE(r.json().value("balance").toInteger(), 7000);
    QCOMPARE(m_shop.balanceOf(user), 7000);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM balance_ledger WHERE user_id = ?"), { user.id }), 1);
}

void tst_ShopRaces::idempotentOrderRunsOnce()
{
    const qint64 product = m_shop.createProduct(QStringLiteral("Once"), 300, 50);
    const ShopFixture::User user = m_shop.newShopper();
    QVERIFY(m_shop.charge(user, 10000));
    QHash<QByteArray, QByteArray> headers = user.auth();
    headers.insert("Idempotency-Key", "order-once-1");
    QList<ParallelRequests::Request> requests;
    for (int i = 0; i < 6; ++i)
        requests << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/orders"), order(user.id, { { product, 2 } }), headers };
    const auto replies = ParallelRequests::run(m_shop.baseUrl(), requests);
    QCOMPARE(count(replies, 201), 6);
    const qint64 orderId = replies.first().json().value("id").toInteger();
    for (const HttpClient::Reply &r : replies)
        QCOMPARE(r.json().value("id").toInteger(), orderId);
    QCOMPARE(m_shop.balanceOf(user), 10000 - 600);
    QCOMPARE(m_shop.stockOf(product), 48);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE user_id = ?"), { user.id }), 1);
}

void tst_ShopRaces::cancelRestoresEverything()
{
    const qint64 product = m_shop.createProduct(QStringLiteral("Returnable"), 2000, 5);
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("RATE"), 15, 10);
    const ShopFixture::User user = m_shop.newShopper();
    QVERIFY(m_shop.charge(user, 50000));
    const HttpClient::Reply issued = m_shop.client().post(QStringLiteral("/api/v1/coupons/%1/issue").arg(coupon),
                                                          { { "userId", user.id } }, user.auth());
    const qint64 userCoupon = issued.json().value("id").toInteger();
    const HttpClient::Reply paid = m_shop.client().send("POST", QStringLiteral("/api/v1/orders"),
                                                        order(user.id, { { product, 3 } }, userCoupon), user.auth());
    QCOMPARE(paid.status, 201);
    QCOMPARE(paid.json().value("discountAmount").toInteger(), 900); // 15% of 6,000
    QCOMPARE(m_shop.balanceOf(user), 50000 - 5100);
    QCOMPARE(m_shop.stockOf(product), 2);
    const qint64 orderId = paid.json().value("id").toInteger();

    // Two cancels at once: one refund.
    QList<ParallelRequests::Request> requests;
    for (int i = 0; i < 2; ++i)
        requests << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/orders/%1/cancel").arg(orderId), "{}", user.auth() };
    const auto replies = ParallelRequests::run(m_shop.baseUrl(), requests);
    QCOMPARE(count(replies, 200), 1);
    QCOMPARE(count(replies, 409, QStringLiteral("ORDER_NOT_CANCELLABLE")), 1);

    QCOMPARE(m_shop.balanceOf(user), 50000);
    QCOMPARE(m_shop.stockOf(product), 5);
    const QJsonArray available = m_shop.client()
                                         .get(QStringLiteral("/api/v1/users/%1/coupons?status=AVAILABLE").arg(user.id), user.auth())
                                         .json()
                                         .value("items")
                                         .toArray();
    QCOMPARE(available.size(), 1);
    QCOMPARE(available.first().toObject().value("id").toInteger(), userCoupon);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM balance_ledger WHERE order_id = ? AND type = 'REFUND' AND amount = 5100"),
                           { orderId }),
             1);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COALESCE(SUM(units), 0) FROM product_sales_hourly WHERE product_id = ?"), { product }), 0);
}

void tst_ShopRaces::parallelRefundsNeverPassWhatWasBought()
{
    // 5 × 999 = 4,995, 7% off: 4,646 paid, so one unit's share rounds (929.2).
    const qint64 product = m_shop.createProduct(QStringLiteral("Refunded five times"), 999, 5);
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("RATE"), 7, 10);
    const ShopFixture::User user = m_shop.newShopper();
    QVERIFY(m_shop.charge(user, 10000));
    const qint64 userCoupon = m_shop.client()
                                      .post(QStringLiteral("/api/v1/coupons/%1/issue").arg(coupon), { { "userId", user.id } }, user.auth())
                                      .json()
                                      .value("id")
                                      .toInteger();
    const HttpClient::Reply paid = m_shop.client().send("POST", QStringLiteral("/api/v1/orders"),
                                                        order(user.id, { { product, 5 } }, userCoupon), user.auth());
    QCOMPARE(paid.status, 201);
    const qint64 orderId = paid.json().value("id").toInteger();
    const qint64 paidAmount = paid.json().value("paidAmount").toInteger();
    QCOMPARE(paidAmount, 4646);

    // 20 refunds of one unit at once: the order row's lock lines them up.
    const QByteArray one = QStringLiteral(R"({"lines":[{"productId":%1,"quantity":1}],"restock":true,"reason":"race"})").arg(product).toUtf8();
    QList<ParallelRequests::Request> requests;
    for (int i = 0; i < 20; ++i)
        requests << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(orderId), one,
                                                m_shop.admin().auth() };
    const auto replies = ParallelRequests::run(m_shop.baseUrl(), requests);
    QCOMPARE(count(replies, 201), 5);
    QCOMPARE(count(replies, 409, QStringLiteral("REFUND_EXCEEDS_ORDER")) + count(replies, 409, QStringLiteral("ORDER_NOT_CANCELLABLE")),
             15);

    // Four shares of 929 and the rest, 930: exactly what was paid, back in the wallet.
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE order_id = ?"), { orderId }), paidAmount);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM refunds WHERE order_id = ? AND amount = 929"), { orderId }), 4);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COALESCE(SUM(amount), 0) FROM balance_ledger WHERE order_id = ? AND type = 'REFUND'"),
                           { orderId }),
             paidAmount);
    QCOMPARE(m_shop.balanceOf(user), 10000);
    QCOMPARE(m_shop.stockOf(product), 5);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT status = 'REFUNDED' FROM orders WHERE id = ?"), { orderId }), 1);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT refunded_quantity FROM order_lines WHERE order_id = ?"), { orderId }), 5);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT status = 'AVAILABLE' FROM user_coupons WHERE id = ?"), { userCoupon }), 1);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE order_id = ? AND event_type = 'ORDER_REFUNDED'"), { orderId }),
             5);
}

void tst_ShopRaces::refundsRacingACancel()
{
    const qint64 a = m_shop.createProduct(QStringLiteral("Raced A"), 1500, 100);
    const qint64 b = m_shop.createProduct(QStringLiteral("Raced B"), 700, 100);
    for (int round = 0; round < 5; ++round) {
        const ShopFixture::User user = m_shop.newShopper();
        QVERIFY(m_shop.charge(user, 20000));
        const HttpClient::Reply paid = m_shop.client().send("POST", QStringLiteral("/api/v1/orders"),
                                                            order(user.id, { { a, 5 }, { b, 4 } }), user.auth());
        QCOMPARE(paid.status, 201);
        const qint64 orderId = paid.json().value("id").toInteger();
        QList<ParallelRequests::Request> requests;
        for (int i = 0; i < 8; ++i) {
            const qint64 product = i % 2 ? b : a;
            const bool restock = i % 3 != 0;
            requests << ParallelRequests::Request {
                "POST", QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(orderId),
                QStringLiteral(R"({"lines":[{"productId":%1,"quantity":1}],"restock":%2,"reason":"race"})")
                        .arg(product)
                        .arg(restock ? QStringLiteral("true") : QStringLiteral("false"))
                        .toUtf8(),
                m_shop.admin().auth() };
            if (i == round)
                requests << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/orders/%1/cancel").arg(orderId), "{}",
                                                        user.auth() };
        }
        const auto replies = ParallelRequests::run(m_shop.baseUrl(), requests);
        // 8 single units of 9: something is always left, so the cancel always works.
        QCOMPARE(count(replies, 200), 1);
        QCOMPARE(count(replies, 201) + count(replies, 409, QStringLiteral("ORDER_NOT_CANCELLABLE")), 8);
        // Never more than was paid; the wallet whole again; every unit accounted for.
        QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COALESCE(SUM(amount), 0) FROM balance_ledger WHERE order_id = ? AND type = 'REFUND'"),
                               { orderId }),
                 10300);
        QCOMPARE(m_shop.balanceOf(user), 20000);
        QCOMPARE(m_shop.scalar(QStringLiteral("SELECT status = 'CANCELLED' FROM orders WHERE id = ?"), { orderId }), 1);
    }
    // Stock exact: what the refunds left out of stock (restock false) and nothing else.
    const qint64 kept = m_shop.scalar(QStringLiteral("SELECT COALESCE(SUM(rl.quantity), 0) FROM refund_lines rl JOIN refunds r "
                                                     "ON r.id = rl.refund_id WHERE r.restocked = 0 AND rl.product_id = ?"),
                                      { a });
    QCOMPARE(m_shop.stockOf(a), 100 - kept);
    QCOMPARE(m_shop.stockOf(a), m_shop.scalar(QStringLiteral("SELECT SUM(delta) FROM stock_ledger WHERE product_id = ?"), { a }));
    QCOMPARE(m_shop.stockOf(b), m_shop.scalar(QStringLiteral("SELECT SUM(delta) FROM stock_ledger WHERE product_id = ?"), { b }));
}

QTEST_GUILESS_MAIN(tst_ShopRaces)
#include "tst_shopraces.moc"

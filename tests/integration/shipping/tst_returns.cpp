#include "ParallelRequests.h"
#include "RefundShare.h"
#include "ShippingSteps.h"

#include <QtTest/QTest>

// Returns (API.md, Shipping: returns) over real HTTP: the 14-day window, which units may
// be asked back, an acceptance refunding exactly as a refund does, a decision taken once,
// and a return racing a refund of the same line.
class tst_Returns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void returnWindow();
    void refusals_data();
    void refusals();
    void acceptRefundsLikeARefund();
    void rejectedUnitsStayAsked();
    void returnAndRefundRace();
    void lists();

private:
    // A delivered order of `items` sent to the buyer's address; its id.
    qint64 delivered(const QList<QPair<qint64, int>> &items, qint64 userCouponId = 0);
    HttpClient::Reply ask(qint64 orderId, const QList<QPair<qint64, int>> &items, const ShopFixture::User &by,
                          const QString &reason = QStringLiteral("사이즈가 맞지 않아요"));
    HttpClient::Reply decide(qint64 returnId, const QString &decision, bool restock, const QString &note = {});
    void backdateDelivery(qint64 orderId, const QString &interval);

    ShopFixture m_shop;
    ShippingSteps m_steps { m_shop };
    ShopFixture::User m_buyer;
    qint64 m_address = 0;
    qint64 m_product = 0;
};

void tst_Returns::initTestCase()
{
    QVERIFY(m_shop.start(4));
    m_buyer = m_shop.newShopper();
    QVERIFY(m_shop.charge(m_buyer, 10000000));
    m_address = m_steps.addAddress(m_buyer);
    QVERIFY(m_address > 0);
    m_product = m_shop.createProduct(QStringLiteral("제주 감귤 5kg"), 9000, 100000);
}

void tst_Returns::cleanup()
{
    const QString violations = m_shop.invariantViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations));
}

void tst_Returns::cleanupTestCase()
{
    m_shop.stop();
}

qint64 tst_Returns::delivered(const QList<QPair<qint64, int>> &items, qint64 userCouponId)
{
    QJsonObject body { { "userId", m_buyer.id }, { "items", ShippingSteps::lines(items) }, { "addressId", m_address } };
    if (userCouponId > 0)
        body.insert("userCouponId", userCouponId);
    const HttpClient::Reply placed = m_shop.client().post(QStringLiteral("/api/v1/orders"), body, m_buyer.auth());
    const qint64 id = placed.status == 201 ? placed.json().value("id").toInteger() : 0;
    return id > 0 && m_steps.deliver(id, false) ? id : 0;
}

HttpClient::Reply tst_Returns::ask(qint64 orderId, const QList<QPair<qint64, int>> &items, const ShopFixture::User &by,
                                   const QString &reason)
{
    return m_shop.client().post(QStringLiteral("/api/v1/orders/%1/returns").arg(orderId),
                                { { "lines", ShippingSteps::lines(items) }, { "reason", reason } }, by.auth());
}

HttpClient::Reply tst_Returns::decide(qint64 returnId, const QString &decision, bool restock, const QString &note)
{
    QJsonObject body { { "decision", decision }, { "restock", restock } };
    if (!note.isEmpty())
        body.insert("note", note);
    return m_shop.client().post(QStringLiteral("/api/v1/admin/returns/%1").arg(returnId), body, m_shop.admin().auth());
}

void tst_Returns::backdateDelivery(qint64 orderId, const QString &interval)
{
    // Straight in MySQL: two weeks do not pass in a test.
    QCOMPARE(m_shop.execute(QStringLiteral("UPDATE orders SET delivered_at = NOW(3) - INTERVAL %1 WHERE id = ?").arg(interval),
                            { orderId }),
             1);
}

void tst_Returns::returnWindow()
{
    const qint64 id = delivered({ { m_product, 2 } });
    QVERIFY(id > 0);
    const HttpClient::Reply first = ask(id, { { m_product, 1 } }, m_buyer);
    QCOMPARE(first.status, 201);
    QCOMPARE(first.json().value("status").toString(), QStringLiteral("REQUESTED"));
    QCOMPARE(first.json().value("orderId").toInteger(), id);
    QCOMPARE(first.json().value("lines").toArray(), ShippingSteps::lines({ { m_product, 1 } }));
    QCOMPARE(first.json().value("reason").toString(), QStringLiteral("사이즈가 맞지 않아요"));
    QVERIFY(!first.json().value("createdAt").toString().isEmpty());

    // The last hour of the 14 days: still open.
    backdateDelivery(id, QStringLiteral("13 DAY - INTERVAL 23 HOUR"));
    QCOMPARE(ask(id, { { m_product, 1 } }, m_buyer).status, 201);
    // Both units asked back: none left to ask for.
    const HttpClient::Reply none = ask(id, { { m_product, 1 } }, m_buyer);
    QCOMPARE(none.errorCode(), QStringLiteral("RETURN_NOT_ALLOWED"));
    QCOMPARE(none.json().value("error").toObject().value("details").toObject().value("returnable").toInteger(), 0);

    // Past the 14 days: closed.
    const qint64 late = delivered({ { m_product, 1 } });
    backdateDelivery(late, QStringLiteral("14 DAY - INTERVAL 1 MINUTE"));
    const HttpClient::Reply closed = ask(late, { { m_product, 1 } }, m_buyer);
    QCOMPARE(closed.status, 409);
    QCOMPARE(closed.errorCode(), QStringLiteral("RETURN_NOT_ALLOWED"));
    QVERIFY(closed.json().value("error").toObject().value("details").toObject().contains("returnableUntil"));

    // Not delivered yet: nothing to return (a cancel or a refund is the way back).
    const qint64 shipped = m_steps.order(m_buyer, { { m_product, 1 } }, m_address).value("id").toInteger();
    QCOMPARE(m_steps.move(shipped, QStringLiteral("PACKED")).status, 200);
    QCOMPARE(m_steps.move(shipped, QStringLiteral("SHIPPED"), QStringLiteral("LOGEN"), QStringLiteral("97531246801")).status, 200);
    QCOMPARE(ask(shipped, { { m_product, 1 } }, m_buyer).errorCode(), QStringLiteral("RETURN_NOT_ALLOWED"));
    // A pickup handed over is delivered too.
    const qint64 pickup = m_steps.order(m_buyer, { { m_product, 1 } }).value("id").toInteger();
    QVERIFY(m_steps.deliver(pickup, true));
    QCOMPARE(ask(pickup, { { m_product, 1 } }, m_buyer).status, 201);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM returns WHERE order_id IN (?, ?, ?, ?)"), { id, late, shipped, pickup }), 3);
}

void tst_Returns::refusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("who"); // buyer, other, admin
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("no lines") << QByteArray(R"({"lines": [], "reason": "x"})") << "buyer" << 400 << "VALIDATION_FAILED";
    QTest::newRow("no reason") << QByteArray(R"({"lines": [LINE]})") << "buyer" << 400 << "VALIDATION_FAILED";
    QTest::newRow("reason of 201") << QByteArray(R"({"lines": [LINE], "reason": ")" + QByteArray(201, 'x') + R"("})") << "buyer"
                                   << 400 << "VALIDATION_FAILED";
    QTest::newRow("a product not in the order") << QByteArray(R"({"lines": [{"productId": 999999999, "quantity": 1}], "reason": "x"})")
                                                << "buyer" << 400 << "VALIDATION_FAILED";
    QTest::newRow("more than bought") << QByteArray(R"({"lines": [MORE], "reason": "x"})") << "buyer" << 409 << "RETURN_NOT_ALLOWED";
    QTest::newRow("another shopper") << QByteArray(R"({"lines": [LINE], "reason": "x"})") << "other" << 403 << "FORBIDDEN";
    QTest::newRow("an admin") << QByteArray(R"({"lines": [LINE], "reason": "x"})") << "admin" << 403 << "FORBIDDEN";
}

void tst_Returns::refusals()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, who);
    QFETCH(int, status);
    QFETCH(QString, code);
    const qint64 id = delivered({ { m_product, 2 } });
    QVERIFY(id > 0);
    body.replace("LINE", QStringLiteral(R"({"productId": %1, "quantity": 1})").arg(m_product).toUtf8());
    body.replace("MORE", QStringLiteral(R"({"productId": %1, "quantity": 3})").arg(m_product).toUtf8());
    const ShopFixture::User by = who == QLatin1String("buyer") ? m_buyer : who == QLatin1String("admin") ? m_shop.admin() : m_shop.newShopper();
    const HttpClient::Reply r = m_shop.client().send("POST", QStringLiteral("/api/v1/orders/%1/returns").arg(id), body, by.auth());
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), code);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM returns WHERE order_id = ?"), { id }), 0);
}

void tst_Returns::acceptRefundsLikeARefund()
{
    // 3 × 3,000 + 1 × 7,001 = 16,001, 1,000 off: 15,001 paid, so the shares round.
    const qint64 mug = m_shop.createProduct(QStringLiteral("이천 도자기 머그"), 3000, 10);
    const qint64 lamp = m_shop.createProduct(QStringLiteral("한지 스탠드"), 7001, 10);
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("FIXED"), 1000, 10);
    const HttpClient::Reply claimed =
            m_shop.client().post(QStringLiteral("/api/v1/coupons/%1/issue").arg(coupon), { { "userId", m_buyer.id } }, m_buyer.auth());
    QCOMPARE(claimed.status, 201);
    const qint64 userCoupon = claimed.json().value("id").toInteger();
    const qint64 id = delivered({ { mug, 3 }, { lamp, 1 } }, userCoupon);
    QVERIFY(id > 0);
    const qint64 balance = m_shop.balanceOf(m_buyer);

    const qint64 returnId = ask(id, { { mug, 1 } }, m_buyer).json().value("id").toInteger();
    QVERIFY(returnId > 0);
    const HttpClient::Reply accepted = decide(returnId, QStringLiteral("ACCEPT"), true, QStringLiteral("상자 파손 확인"));
    QCOMPARE(accepted.status, 200);
    const QJsonObject r = accepted.json();
    QCOMPARE(r.value("status").toString(), QStringLiteral("ACCEPTED"));
    QCOMPARE(r.value("restocked").toBool(), true);
    QCOMPARE(r.value("note").toString(), QStringLiteral("상자 파손 확인"));
    QCOMPARE(RefundShare::lineShare(15001, 16001, 3000, 1), qint64(2812));
    QCOMPARE(r.value("refund").toObject().value("amount").toInteger(), 2812);
    QVERIFY(!r.value("decidedAt").toString().isEmpty());
    QCOMPARE(m_shop.balanceOf(m_buyer), balance + 2812);
    QCOMPARE(m_shop.stockOf(mug), 8);
    const QJsonObject order = m_shop.client().get(QStringLiteral("/api/v1/orders/%1").arg(id), m_buyer.auth()).json();
    QCOMPARE(order.value("status").toString(), QStringLiteral("PARTIALLY_REFUNDED"));
    QCOMPARE(order.value("refundedAmount").toInteger(), 2812);
    QCOMPARE(order.value("fulfilment").toObject().value("status").toString(), QStringLiteral("DELIVERED"));
    const QJsonObject refund = order.value("refunds").toArray().first().toObject();
    QCOMPARE(refund.value("id").toInteger(), r.value("refund").toObject().value("id").toInteger());
    QCOMPARE(refund.value("reason").toString(), QStringLiteral("return %1: 사이즈가 맞지 않아요").arg(returnId));
    QCOMPARE(refund.value("restocked").toBool(), true);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM balance_ledger WHERE order_id = ? AND type = 'REFUND' AND amount = 2812"), { id }), 1);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE order_id = ? AND event_type = 'ORDER_REFUNDED'"), { id }), 1);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND action IN ('order.refund', 'return.accept')"), { id }), 2);

    // Decided once.
    QCOMPARE(decide(returnId, QStringLiteral("ACCEPT"), true).errorCode(), QStringLiteral("INVALID_TRANSITION"));
    QCOMPARE(decide(returnId, QStringLiteral("REJECT"), false).errorCode(), QStringLiteral("INVALID_TRANSITION"));
    QCOMPARE(m_shop.balanceOf(m_buyer), balance + 2812);

    // The rest back: exactly what is left of the paid amount, the coupon again available.
    const qint64 rest = ask(id, { { lamp, 1 }, { mug, 2 } }, m_buyer).json().value("id").toInteger();
    const HttpClient::Reply all = decide(rest, QStringLiteral("ACCEPT"), false);
    QCOMPARE(all.status, 200);
    QCOMPARE(all.json().value("refund").toObject().value("amount").toInteger(), 15001 - 2812);
    QCOMPARE(all.json().value("restocked").toBool(), false);
    QCOMPARE(m_shop.balanceOf(m_buyer), balance + 15001);
    QCOMPARE(m_shop.stockOf(mug), 8);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT status = 'AVAILABLE' FROM user_coupons WHERE id = ?"), { userCoupon }), 1);
    const QJsonObject refunded = m_shop.client().get(QStringLiteral("/api/v1/orders/%1").arg(id), m_buyer.auth()).json();
    QCOMPARE(refunded.value("status").toString(), QStringLiteral("REFUNDED"));
    QCOMPARE(refunded.value("fulfilment").toObject().value("status").toString(), QStringLiteral("DELIVERED"));
    QCOMPARE(ask(id, { { mug, 1 } }, m_buyer).errorCode(), QStringLiteral("RETURN_NOT_ALLOWED"));
}

void tst_Returns::rejectedUnitsStayAsked()
{
    const qint64 id = delivered({ { m_product, 2 } });
    const qint64 balance = m_shop.balanceOf(m_buyer);
    const qint64 returnId = ask(id, { { m_product, 2 } }, m_buyer).json().value("id").toInteger();
    const HttpClient::Reply rejected = decide(returnId, QStringLiteral("REJECT"), false, QStringLiteral("사용 흔적이 있음"));
    QCOMPARE(rejected.status, 200);
    QCOMPARE(rejected.json().value("status").toString(), QStringLiteral("REJECTED"));
    QCOMPARE(rejected.json().value("note").toString(), QStringLiteral("사용 흔적이 있음"));
    QVERIFY(!rejected.json().contains("refund"));
    QCOMPARE(m_shop.balanceOf(m_buyer), balance);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM refunds WHERE order_id = ?"), { id }), 0);
    // The decision stands: the same units are not asked again, and it is not decided again.
    QCOMPARE(ask(id, { { m_product, 1 } }, m_buyer).errorCode(), QStringLiteral("RETURN_NOT_ALLOWED"));
    QCOMPARE(decide(returnId, QStringLiteral("ACCEPT"), true).errorCode(), QStringLiteral("INVALID_TRANSITION"));
    // An admin's refund still can (the shop changed its mind).
    QCOMPARE(m_steps.refund(id, { { m_product, 1 } }).status, 201);
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/admin/returns/%1").arg(returnId), { { "decision", "MAYBE" } },
                                  m_shop.admin().auth()).errorCode(),
             QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/admin/returns/%1").arg(returnId), { { "decision", "ACCEPT" } },
                                  m_shop.admin().auth()).errorCode(),
             QStringLiteral("VALIDATION_FAILED")); // restock is required to accept
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/admin/returns/999999999"), { { "decision", "REJECT" } },
                                  m_shop.admin().auth()).status,
             404);
}

void tst_Returns::returnAndRefundRace()
{
    for (int round = 0; round < 6; ++round) {
        // A return accepted and a refund of the same two units, at once: one of them.
        const qint64 id = delivered({ { m_product, 2 } });
        const qint64 returnId = ask(id, { { m_product, 2 } }, m_buyer).json().value("id").toInteger();
        QVERIFY(returnId > 0);
        const QByteArray refundBody = QJsonDocument(QJsonObject { { "lines", ShippingSteps::lines({ { m_product, 2 } }) },
                                                                  { "restock", true }, { "reason", "race" } })
                                              .toJson(QJsonDocument::Compact);
        const QList<HttpClient::Reply> replies = ParallelRequests::run(
                m_shop.baseUrl(),
                { { "POST", QStringLiteral("/api/v1/admin/returns/%1").arg(returnId), R"({"decision": "ACCEPT", "restock": true})",
                    m_shop.admin().auth() },
                  { "POST", QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(id), refundBody, m_shop.admin().auth() },
                  { "POST", QStringLiteral("/api/v1/admin/returns/%1").arg(returnId), R"({"decision": "ACCEPT", "restock": true})",
                    m_shop.admin().auth() } });
        int succeeded = 0;
        for (const HttpClient::Reply &r : replies) {
            QVERIFY2(r.status == 200 || r.status == 201 || r.status == 409, r.body.constData());
            succeeded += r.status < 300 ? 1 : 0;
        }
        QCOMPARE(succeeded, 1);
        QCOMPARE(m_shop.scalar(QStringLiteral("SELECT refunded_quantity FROM order_lines WHERE order_id = ?"), { id }), 2);
        QCOMPARE(m_shop.scalar(QStringLiteral("SELECT refunded_amount FROM orders WHERE id = ?"), { id }), 18000);
        QCOMPARE(m_shop.scalar(QStringLiteral("SELECT SUM(amount) FROM balance_ledger WHERE order_id = ? AND type = 'REFUND'"), { id }), 18000);

        // Asking back while a refund takes the units: whichever comes second sees the first.
        const qint64 other = delivered({ { m_product, 2 } });
        const QList<HttpClient::Reply> raced = ParallelRequests::run(
                m_shop.baseUrl(),
                { { "POST", QStringLiteral("/api/v1/orders/%1/returns").arg(other), R"({"lines": [{"productId": )" +
                      QByteArray::number(m_product) + R"(, "quantity": 2}], "reason": "race"})", m_buyer.auth() },
                  { "POST", QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(other), refundBody, m_shop.admin().auth() } });
        QCOMPARE(raced.at(1).status, 201); // a refund does not wait for returns
        if (raced.at(0).status == 201)
            QCOMPARE(decide(raced.at(0).json().value("id").toInteger(), QStringLiteral("ACCEPT"), true).errorCode(),
                     QStringLiteral("REFUND_EXCEEDS_ORDER"));
        else
            QCOMPARE(raced.at(0).errorCode(), QStringLiteral("RETURN_NOT_ALLOWED"));
        QCOMPARE(m_shop.scalar(QStringLiteral("SELECT refunded_amount FROM orders WHERE id = ?"), { other }), 18000);
    }
}

void tst_Returns::lists()
{
    const ShopFixture::User other = m_shop.newShopper();
    const qint64 id = delivered({ { m_product, 3 } });
    const qint64 first = ask(id, { { m_product, 1 } }, m_buyer).json().value("id").toInteger();
    const qint64 second = ask(id, { { m_product, 1 } }, m_buyer).json().value("id").toInteger();
    QVERIFY(first > 0 && second > first);
    const QString mine = QStringLiteral("/api/v1/users/%1/returns").arg(m_buyer.id);
    const QJsonObject page = m_shop.client().get(mine + QStringLiteral("?size=2"), m_buyer.auth()).json();
    QCOMPARE(page.value("items").toArray().at(0).toObject().value("id").toInteger(), second); // newest first
    QCOMPARE(page.value("items").toArray().at(1).toObject().value("id").toInteger(), first);
    QCOMPARE(page.value("size").toInt(), 2);
    QCOMPARE(m_shop.client().get(mine, other.auth()).status, 403);
    QCOMPARE(m_shop.client().get(mine, m_shop.admin().auth()).status, 200);
    QCOMPARE(decide(first, QStringLiteral("REJECT"), false).status, 200);
    // The admin's queue: oldest first, by state.
    QList<qint64> requested;
    for (const QJsonValue &r : m_shop.client().get(QStringLiteral("/api/v1/admin/returns?status=REQUESTED&size=100"), m_shop.admin().auth())
                                       .json().value("items").toArray())
        requested << r.toObject().value("id").toInteger();
    QVERIFY(requested.contains(second));
    QVERIFY(!requested.contains(first));
    QVERIFY(std::is_sorted(requested.cbegin(), requested.cend()));
    QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/admin/returns?status=LOST"), m_shop.admin().auth()).status, 400);
    QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/admin/returns"), m_buyer.auth()).status, 403);
}

QTEST_GUILESS_MAIN(tst_Returns)
#include "tst_returns.moc"

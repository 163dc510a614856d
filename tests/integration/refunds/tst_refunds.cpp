#include "RefundShare.h"
#include "ShopFixture.h"

#include <QtCore/QJsonArray>
#include <QtTest/QTest>

// Refunds by line (API.md, Running the shop) over real HTTP: the share rule, statuses,
// the wallet, stock, the coupon, sales, cancels after refunds and every error code.
class tst_Refunds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void refundByLineThenTheRest();
    void cancelAfterPartialRefund();
    void refundWithoutRestock();
    void refusals_data();
    void refusals();
    void salesAreNetOfRefunds();

private:
    struct Placed {
        qint64 id = 0;
        QJsonObject json;
    };
    Placed order(const ShopFixture::User &buyer, const QList<QPair<qint64, int>> &items, qint64 userCouponId = 0);
    HttpClient::Reply refund(qint64 orderId, const QList<QPair<qint64, int>> &lines, bool restock,
                             const QString &reason = QStringLiteral("customer changed their mind"));
    qint64 claim(const ShopFixture::User &buyer, qint64 couponId);

    ShopFixture m_shop;
    ShopFixture::User m_buyer;
};

void tst_Refunds::initTestCase()
{
    QVERIFY(m_shop.start(4));
    m_buyer = m_shop.newShopper();
    QVERIFY(m_shop.charge(m_buyer, 10000000));
}

void tst_Refunds::cleanupTestCase()
{
    const QString violations = m_shop.invariantViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations));
    m_shop.stop();
}

tst_Refunds::Placed tst_Refunds::order(const ShopFixture::User &buyer, const QList<QPair<qint64, int>> &items, qint64 userCouponId)
{
    QJsonArray lines;
    for (const auto &[productId, quantity] : items)
        lines.append(QJsonObject { { "productId", productId }, { "quantity", quantity } });
    QJsonObject body { { "userId", buyer.id }, { "items", lines } };
    if (userCouponId > 0)
        body.insert("userCouponId", userCouponId);
    const HttpClient::Reply r = m_shop.client().post(QStringLiteral("/api/v1/orders"), body, buyer.auth());
    return r.status == 201 ? Placed { r.json().value("id").toInteger(), r.json() } : Placed {};
}

HttpClient::Reply tst_Refunds::refund(qint64 orderId, const QList<QPair<qint64, int>> &lines, bool restock, const QString &reason)
{
    QJsonArray items;
    for (const auto &[productId, quantity] : lines)
        items.append(QJsonObject { { "productId", productId }, { "quantity", quantity } });
    return m_shop.client().post(QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(orderId),
                                { { "lines", items }, { "restock", restock }, { "reason", reason } }, m_shop.admin().auth());
}

qint64 tst_Refunds::claim(const ShopFixture::User &buyer, qint64 couponId)
{
    const HttpClient::Reply r =
            m_shop.client().post(QStringLiteral("/api/v1/coupons/%1/issue").arg(couponId), { { "userId", buyer.id } }, buyer.auth());
    return r.status == 201 ? r.json().value("id").toInteger() : 0;
}

void tst_Refunds::refundByLineThenTheRest()
{
    // 3 × 3,000 + 1 × 7,001 = 16,001, 1,000 off: 15,001 paid, so the shares round.
    const qint64 mug = m_shop.createProduct(QStringLiteral("머그컵, \"large\""), 3000, 10);
    const qint64 lamp = m_shop.createProduct(QStringLiteral("Desk lamp"), 7001, 10);
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("FIXED"), 1000, 10);
    const qint64 userCoupon = claim(m_buyer, coupon);
    QVERIFY(userCoupon > 0);
    const Placed placed = order(m_buyer, { { mug, 3 }, { lamp, 1 } }, userCoupon);
    QVERIFY(placed.id > 0);
    QCOMPARE(placed.json.value("paidAmount").toInteger(), 15001);
    QCOMPARE(placed.json.value("refundedAmount").toInteger(), 0);
    const qint64 before = m_shop.balanceOf(m_buyer);

    const HttpClient::Reply first = refund(placed.id, { { mug, 1 } }, true);
    QCOMPARE(first.status, 201);
    const QJsonObject afterFirst = first.json();
    const qint64 share = RefundShare::lineShare(15001, 16001, 3000, 1);
    QCOMPARE(share, qint64(2812));
    QCOMPARE(afterFirst.value("status").toString(), QStringLiteral("PARTIALLY_REFUNDED"));
    QCOMPARE(afterFirst.value("refundedAmount").toInteger(), share);
    const QJsonArray refunds = afterFirst.value("refunds").toArray();
    QCOMPARE(refunds.size(), 1);
    const QJsonObject r0 = refunds.first().toObject();
    QCOMPARE(r0.value("amount").toInteger(), share);
    QCOMPARE(r0.value("restocked").toBool(), true);
    QCOMPARE(r0.value("reason").toString(), QStringLiteral("customer changed their mind"));
    QCOMPARE(r0.value("lines").toArray(), (QJsonArray { QJsonObject { { "productId", mug }, { "quantity", 1 } } }));
    QVERIFY(!r0.value("createdAt").toString().isEmpty());
    QCOMPARE(m_shop.balanceOf(m_buyer), before + share);
    QCOMPARE(m_shop.stockOf(mug), 8);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM balance_ledger WHERE order_id = ? AND type = 'REFUND' AND amount = ?"),
                           { placed.id, share }),
             1);
    // The wallet history names the order; the coupon stays used while units are left.
    const QJsonArray history = m_shop.client()
                                       .get(QStringLiteral("/api/v1/users/%1/balance/history").arg(m_buyer.id), m_buyer.auth())
                                       .json()
                                       .value("items")
                                       .toArray();
    QCOMPARE(history.first().toObject().value("type").toString(), QStringLiteral("REFUND"));
    QCOMPARE(history.first().toObject().value("orderId").toInteger(), placed.id);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT status = 'USED' FROM user_coupons WHERE id = ?"), { userCoupon }), 1);

    // The shopper sees the same order, refunds listed, on GET.
    const QJsonObject seen =
            m_shop.client().get(QStringLiteral("/api/v1/orders/%1").arg(placed.id), m_buyer.auth()).json();
    QCOMPARE(seen.value("refunds").toArray().size(), 1);
    QCOMPARE(seen.value("status").toString(), QStringLiteral("PARTIALLY_REFUNDED"));

    // The rest: everything left, so exactly what is left of the paid amount.
    const HttpClient::Reply last = refund(placed.id, { { lamp, 1 }, { mug, 2 } }, false, QStringLiteral("whole order returned"));
    QCOMPARE(last.status, 201);
    QCOMPARE(last.json().value("status").toString(), QStringLiteral("REFUNDED"));
    QCOMPARE(last.json().value("refundedAmount").toInteger(), 15001);
    QCOMPARE(last.json().value("refunds").toArray().last().toObject().value("amount").toInteger(), 15001 - share);
    QCOMPARE(m_shop.balanceOf(m_buyer), before + 15001);
    QCOMPARE(m_shop.stockOf(mug), 8); // not restocked this time
    // Wholly refunded: the coupon comes back (its window is open).
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT status = 'AVAILABLE' FROM user_coupons WHERE id = ?"), { userCoupon }), 1);
    // Nothing left to refund or cancel.
    QCOMPARE(refund(placed.id, { { mug, 1 } }, true).errorCode(), QStringLiteral("ORDER_NOT_CANCELLABLE"));
    const HttpClient::Reply cancel =
            m_shop.client().post(QStringLiteral("/api/v1/orders/%1/cancel").arg(placed.id), {}, m_buyer.auth());
    QCOMPARE(cancel.status, 409);
    QCOMPARE(cancel.errorCode(), QStringLiteral("ORDER_NOT_CANCELLABLE"));
    // Stock history: INITIAL, ORDER, REFUND (restocked), newest first.
    const QJsonArray stock = m_shop.client()
                                     .get(QStringLiteral("/api/v1/admin/products/%1/stock/history").arg(mug), m_shop.admin().auth())
                                     .json()
                                     .value("items")
                                     .toArray();
    QCOMPARE(stock.size(), 3);
    QCOMPARE(stock.at(0).toObject().value("reason").toString(), QStringLiteral("REFUND"));
    QCOMPARE(stock.at(0).toObject().value("delta").toInteger(), 1);
    QCOMPARE(stock.at(0).toObject().value("stockAfter").toInteger(), 8);
    QCOMPARE(stock.at(0).toObject().value("orderId").toInteger(), placed.id);
    QCOMPARE(stock.at(1).toObject().value("reason").toString(), QStringLiteral("ORDER"));
    QCOMPARE(stock.at(1).toObject().value("delta").toInteger(), -3);
    QCOMPARE(stock.at(1).toObject().value("stockAfter").toInteger(), 7);
    QCOMPARE(stock.at(2).toObject().value("reason").toString(), QStringLiteral("INITIAL"));
    QCOMPARE(stock.at(2).toObject().value("stockAfter").toInteger(), 10);
    // Each refund is audited with its admin.
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'order' AND entity_id = ? "
                                          "AND action = 'order.refund' AND actor_id = ?"),
                           { placed.id, m_shop.admin().id }),
             2);
}

void tst_Refunds::cancelAfterPartialRefund()
{
    const qint64 pen = m_shop.createProduct(QStringLiteral("Pen"), 1000, 20);
    const qint64 ink = m_shop.createProduct(QStringLiteral("Ink"), 500, 20);
    const Placed placed = order(m_buyer, { { pen, 4 }, { ink, 2 } });
    QVERIFY(placed.id > 0);
    const qint64 before = m_shop.balanceOf(m_buyer);
    QCOMPARE(refund(placed.id, { { pen, 1 } }, true).status, 201);
    QCOMPARE(refund(placed.id, { { ink, 2 } }, false).status, 201);
    QCOMPARE(m_shop.balanceOf(m_buyer), before + 2000);
    const HttpClient::Reply cancelled =
            m_shop.client().post(QStringLiteral("/api/v1/orders/%1/cancel").arg(placed.id), {}, m_shop.admin().auth());
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(cancelled.json().value("status").toString(), QStringLiteral("CANCELLED"));
    QCOMPARE(cancelled.json().value("refundedAmount").toInteger(), 5000);
    // The rest of the money, and only the units not yet refunded back in stock: 3 pens
    // (one came back with its refund), no ink (refunded without restock).
    QCOMPARE(m_shop.balanceOf(m_buyer), before + 5000);
    QCOMPARE(m_shop.stockOf(pen), 20);
    QCOMPARE(m_shop.stockOf(ink), 18);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COALESCE(SUM(amount), 0) FROM balance_ledger WHERE order_id = ? AND type = 'REFUND'"),
                           { placed.id }),
             5000);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT delta FROM stock_ledger WHERE product_id = ? AND reason = 'CANCEL'"), { pen }), 3);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_ledger WHERE product_id = ? AND reason = 'CANCEL'"), { ink }), 0);
    // An admin's cancel is audited; a shopper's own is not an admin write.
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'order.cancel' AND entity_id = ?"),
                           { placed.id }),
             1);
}

void tst_Refunds::refundWithoutRestock()
{
    const qint64 cup = m_shop.createProduct(QStringLiteral("Cup"), 2000, 5);
    const Placed placed = order(m_buyer, { { cup, 2 } });
    QVERIFY(placed.id > 0);
    const HttpClient::Reply r = refund(placed.id, { { cup, 1 } }, false);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value("items").toArray().first().toObject().value("refundedQuantity").toInteger(), 1);
    QCOMPARE(m_shop.stockOf(cup), 3);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_ledger WHERE product_id = ? AND reason = 'REFUND'"), { cup }), 0);
}

void tst_Refunds::refusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("orderPath"); // %1: a paid order of 2 units of product %2
    QTest::addColumn<bool>("asShopper");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QString mine = QStringLiteral("%1");
    const QByteArray good = R"({"lines":[{"productId":%2,"quantity":1}],"restock":true,"reason":"x"})";
    QTest::newRow("more units than bought") << QByteArray(R"({"lines":[{"productId":%2,"quantity":3}],"restock":true,"reason":"x"})")
                                            << mine << false << 409 << QStringLiteral("REFUND_EXCEEDS_ORDER");
    QTest::newRow("product not in the order") << QByteArray(R"({"lines":[{"productId":999999,"quantity":1}],"restock":true,"reason":"x"})")
                                              << mine << false << 400 << QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("no lines") << QByteArray(R"({"lines":[],"restock":true,"reason":"x"})") << mine << false << 400
                              << QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("quantity 0") << QByteArray(R"({"lines":[{"productId":%2,"quantity":0}],"restock":true,"reason":"x"})") << mine
                                << false << 400 << QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("product twice")
            << QByteArray(R"({"lines":[{"productId":%2,"quantity":1},{"productId":%2,"quantity":1}],"restock":true,"reason":"x"})")
            << mine << false << 400 << QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("restock missing") << QByteArray(R"({"lines":[{"productId":%2,"quantity":1}],"reason":"x"})") << mine << false
                                     << 400 << QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("empty reason") << QByteArray(R"({"lines":[{"productId":%2,"quantity":1}],"restock":true,"reason":"  "})") << mine
                                  << false << 400 << QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("reason of 201 characters")
            << QByteArray(R"({"lines":[{"productId":%2,"quantity":1}],"restock":true,"reason":")" + QByteArray(201, 'r') + "\"}")
            << mine << false << 400 << QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("not JSON") << QByteArray("{lines") << mine << false << 400 << QStringLiteral("INVALID_JSON");
    QTest::newRow("unknown order") << good << QStringLiteral("987654") << false << 404 << QStringLiteral("NOT_FOUND");
    QTest::newRow("bad order id") << good << QStringLiteral("abc") << false << 404 << QStringLiteral("NOT_FOUND");
    QTest::newRow("a shopper") << good << mine << true << 403 << QStringLiteral("FORBIDDEN");
}

void tst_Refunds::refusals()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, orderPath);
    QFETCH(bool, asShopper);
    QFETCH(int, status);
    QFETCH(QString, code);

    const qint64 product = m_shop.createProduct(QStringLiteral("Refused"), 1000, 10);
    const Placed placed = order(m_buyer, { { product, 2 } });
    QVERIFY(placed.id > 0);
    const qint64 balance = m_shop.balanceOf(m_buyer);
    const QString path = QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(orderPath.arg(placed.id));
    const HttpClient::Reply r = m_shop.client().send("POST", path, QString::fromUtf8(body).arg(product).toUtf8(),
                                                     asShopper ? m_buyer.auth() : m_shop.admin().auth());
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), code);
    // Nothing changed.
    QCOMPARE(m_shop.balanceOf(m_buyer), balance);
    QCOMPARE(m_shop.stockOf(product), 8);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT refunded_amount FROM orders WHERE id = ?"), { placed.id }), 0);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM refunds WHERE order_id = ?"), { placed.id }), 0);
}

void tst_Refunds::salesAreNetOfRefunds()
{
    const qint64 hit = m_shop.createProduct(QStringLiteral("Refunded hit"), 100, 1000);
    const Placed placed = order(m_buyer, { { hit, 10 } });
    QVERIFY(placed.id > 0);
    QCOMPARE(refund(placed.id, { { hit, 4 } }, true).status, 201);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT SUM(units) FROM product_sales_hourly WHERE product_id = ?"), { hit }), 6);
    // Top products count 6 sold (rankings in Redis and MySQL's aggregate agree).
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonArray items =
                        m_shop.client().get(QStringLiteral("/api/v1/products/top?days=1&limit=20"), m_buyer.auth()).json().value("items").toArray();
                for (const QJsonValue &v : items) {
                    if (v.toObject().value("productId").toInteger() == hit)
                        return v.toObject().value("soldQuantity").toInteger() == 6;
                }
                return false;
            }(),
            5000);
    // Today's revenue counts what was kept: 1,000 paid less 400 refunded.
    const qint64 kept = m_shop.scalar(QStringLiteral("SELECT SUM(paid_amount - refunded_amount) FROM orders "
                                                     "WHERE DATE(paid_at) = UTC_DATE() AND status IN ('PAID', 'PARTIALLY_REFUNDED')"));
    const QJsonArray days =
            m_shop.client().get(QStringLiteral("/api/v1/admin/stats/sales?days=1"), m_shop.admin().auth()).json().value("days").toArray();
    QCOMPARE(days.size(), 1);
    QCOMPARE(days.first().toObject().value("revenue").toInteger(), kept);
    QVERIFY(m_shop.scalar(QStringLiteral("SELECT paid_amount - refunded_amount FROM orders WHERE id = ?"), { placed.id }) == 600);
}

QTEST_GUILESS_MAIN(tst_Refunds)
#include "tst_refunds.moc"

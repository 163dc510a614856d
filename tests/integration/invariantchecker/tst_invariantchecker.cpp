#include "Database.h"
#include "InvariantChecker.h"
#include "ShopFixture.h"
#include "TestStack.h"

#include <QtCore/QJsonArray>
#include <QtCore/QProcess>
#include <QtTest/QTest>

// The invariant checker finds each kind of damage it is there to find, on a real
// shop made through the API, and `storefront-server check` says so with its exit code.
class tst_InvariantChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanShopHolds();
    void damageIsFound_data();
    void damageIsFound();
    void commandExitCode();

private:
    QList<InvariantChecker::Violation> check();
    Database &db() { return *m_db; }

    ShopFixture m_shop;
    std::unique_ptr<Database> m_db;
    qint64 m_order = 0;
    qint64 m_product = 0;
    qint64 m_coupon = 0;
    qint64 m_buyer = 0;
};

void tst_InvariantChecker::initTestCase()
{
    QVERIFY(TestStack::instance());
    QVERIFY(m_shop.start(2));
    m_db = std::make_unique<Database>(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(),
                                      QStringLiteral("invariant-damage"));
}

void tst_InvariantChecker::cleanupTestCase()
{
    m_db.reset();
    m_shop.stop();
}

void tst_InvariantChecker::init()
{
    // A fresh little shop for each case: a paid order with a coupon, a cancelled one.
    QVERIFY(TestStack::truncateAll());
    m_shop.stop();
    QVERIFY(m_shop.start(2));
    const ShopFixture::User buyer = m_shop.newShopper();
    m_buyer = buyer.id;
    QVERIFY(m_shop.charge(buyer, 100000));
    m_product = m_shop.createProduct(QStringLiteral("Checked"), 1000, 50);
    m_coupon = m_shop.createCoupon(QStringLiteral("FIXED"), 100, 10);
    const HttpClient::Reply claimed = m_shop.client().post(QStringLiteral("/api/v1/coupons/%1/issue").arg(m_coupon),
                                                           { { "userId", buyer.id } }, buyer.auth());
    QCOMPARE(claimed.status, 201);
    const auto order = [&](qint64 userCoupon) {
        QJsonObject body { { "userId", buyer.id },
                           { "items", QJsonArray { QJsonObject { { "productId", m_product }, { "quantity", 2 } } } } };
        if (userCoupon)
            body.insert("userCouponId", userCoupon);
        return m_shop.client().send("POST", QStringLiteral("/api/v1/orders"), QJsonDocument(body).toJson(), buyer.auth());
    };
    const HttpClient::Reply paid = order(claimed.json().value("id").toInteger());
    QCOMPARE(paid.status, 201);
    m_order = paid.json().value("id").toInteger();
    const HttpClient::Reply other = order(0);
    QCOMPARE(other.status, 201);
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/orders/%1/cancel").arg(other.json().value("id").toInteger()), {},
                                  buyer.auth()).status,
             200);
    // And one refunded in part, restocked: every refund rule has rows to look at.
    const HttpClient::Reply third = order(0);
    QCOMPARE(third.status, 201);
    const QJsonObject refund { { "lines", QJsonArray { QJsonObject { { "productId", m_product }, { "quantity", 1 } } } },
                               { "restock", true },
                               { "reason", "damaged in transit" } };
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(third.json().value("id").toInteger()),
                                  refund, m_shop.admin().auth()).status,
             201);
}

QList<InvariantChecker::Violation> tst_InvariantChecker::check()
{
    const auto found = InvariantChecker(db()).run();
    return found ? found.value() : QList<InvariantChecker::Violation> { { QStringLiteral("unreadable"), {}, 1 } };
}

void tst_InvariantChecker::cleanShopHolds()
{
    const auto violations = check();
    QVERIFY2(violations.isEmpty(), qPrintable(InvariantChecker::report(violations)));
}

void tst_InvariantChecker::damageIsFound_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("rule");
    QTest::newRow("balance without ledger") << QStringLiteral("UPDATE balances SET balance = balance + 1")
                                            << QStringLiteral("every balance equals the sum of its ledger");
    // Negative stock or balance, issued past quantity and two coupons per user cannot
    // even be written: CHECK constraints and a unique key refuse them (the checker
    // still looks, for a database restored from elsewhere).
    QTest::newRow("issued count drifted") << QStringLiteral("UPDATE coupons SET issued = issued + 1")
                                          << QStringLiteral("issued count equals its user coupons");
    QTest::newRow("payment row lost") << QStringLiteral("DELETE FROM balance_ledger WHERE type = 'PAYMENT' AND order_id = %ORDER%")
                                      << QStringLiteral("exactly one PAYMENT ledger row");
    QTest::newRow("refund doubled")
            << QStringLiteral("INSERT INTO balance_ledger (user_id, type, amount, balance_after, order_id) "
                              "SELECT user_id, type, amount, balance_after, order_id FROM balance_ledger WHERE type = 'REFUND'")
            << QStringLiteral("REFUND ledger rows add up to its refunded amount");
    QTest::newRow("event lost") << QStringLiteral("DELETE FROM outbox WHERE order_id = %ORDER%")
                                << QStringLiteral("exactly one ORDER_PAID event");
    QTest::newRow("total without lines") << QStringLiteral("UPDATE orders SET total_amount = total_amount + 5 WHERE id = %ORDER%")
                                         << QStringLiteral("order totals equal their lines");
    QTest::newRow("aggregate drifted") << QStringLiteral("UPDATE product_sales_hourly SET units = units + 1")
                                       << QStringLiteral("top-products aggregate");
    QTest::newRow("refunded past the paid amount")
            << QStringLiteral("UPDATE orders SET refunded_amount = paid_amount + 1 WHERE id = %ORDER%")
            << QStringLiteral("never past what was paid");
    QTest::newRow("line refunded past what was bought")
            << QStringLiteral("UPDATE order_lines SET refunded_quantity = quantity + 1 WHERE order_id = %ORDER%")
            << QStringLiteral("no line is refunded past what was bought");
    QTest::newRow("refund lines lost") << QStringLiteral("DELETE FROM refund_lines")
                                       << QStringLiteral("its refunds add up");
    QTest::newRow("status without refunds") << QStringLiteral("UPDATE orders SET status = 'PARTIALLY_REFUNDED' WHERE id = %ORDER%")
                                            << QStringLiteral("status agrees with its refunds");
    QTest::newRow("refund event lost") << QStringLiteral("DELETE FROM outbox WHERE event_type = 'ORDER_REFUNDED'")
                                       << QStringLiteral("one ORDER_REFUNDED per refund");
    QTest::newRow("stock without its ledger") << QStringLiteral("UPDATE products SET stock = stock + 1")
                                              << QStringLiteral("stock equals the sum of its stock ledger");
    QTest::newRow("stock ledger row lost") << QStringLiteral("DELETE FROM stock_ledger WHERE reason = 'ORDER' LIMIT 1")
                                           << QStringLiteral("stock equals the sum of its stock ledger");
    QTest::newRow("coupon freed but used") << QStringLiteral("UPDATE user_coupons SET status = 'AVAILABLE'")
                                           << QStringLiteral("a coupon is used by at most one paid order");
    QTest::newRow("shipped without a tracking number")
            << QStringLiteral("UPDATE orders SET ship_recipient = '김민지', fulfilment_status = 'SHIPPED' WHERE id = %ORDER%")
            << QStringLiteral("no order ships without an address");
    QTest::newRow("a pickup shipped")
            << QStringLiteral("UPDATE orders SET fulfilment_status = 'SHIPPED', carrier = 'CJ', tracking_number = 'CJ12345678', "
                              "shipped_at = NOW(3) WHERE id = %ORDER%")
            << QStringLiteral("a pickup never ships");
    QTest::newRow("paid but fulfilment cancelled") << QStringLiteral("UPDATE orders SET fulfilment_status = 'CANCELLED' WHERE id = %ORDER%")
                                                   << QStringLiteral("fulfilment agrees with its status");
    QTest::newRow("cancelled but still to be sent")
            << QStringLiteral("UPDATE orders SET fulfilment_status = 'UNFULFILLED' WHERE status = 'CANCELLED'")
            << QStringLiteral("fulfilment agrees with its status");
    QTest::newRow("accepted return without a refund")
            << QStringLiteral("INSERT INTO returns (order_id, user_id, status, reason, created_at) VALUES (%ORDER%, 1, 'ACCEPTED', 'x', NOW(3))")
            << QStringLiteral("an accepted return has exactly its own refund");
    QTest::newRow("return of an undelivered order")
            << QStringLiteral("INSERT INTO returns (order_id, user_id, reason, created_at) VALUES (%ORDER%, 1, 'x', NOW(3))")
            << QStringLiteral("returns ask back only delivered units");
}

void tst_InvariantChecker::damageIsFound()
{
    QFETCH(QString, damage);
    QFETCH(QString, rule);
    QVERIFY(check().isEmpty());
    QVERIFY(db().run(damage.replace(QStringLiteral("%ORDER%"), QString::number(m_order))));
    const auto violations = check();
    const bool named = std::any_of(violations.cbegin(), violations.cend(),
                                   [&](const InvariantChecker::Violation &v) { return v.rule.contains(rule); });
    QVERIFY2(named, qPrintable(InvariantChecker::report(violations)));
}

void tst_InvariantChecker::commandExitCode()
{
    const QString binary = qEnvironmentVariable("STOREFRONT_SERVER_BINARY");
    if (binary.isEmpty())
        QSKIP("STOREFRONT_SERVER_BINARY is not set (run through ctest)");
    LocalStack *stack = TestStack::instance();
    const QStringList args { QStringLiteral("check"), QStringLiteral("--mysql"), stack->mysql().url(), QStringLiteral("--redis"),
                             stack->redis().url(), QStringLiteral("--kafka"), stack->kafka().bootstrapServers() };
    QProcess clean;
    clean.start(binary, args);
    QVERIFY(clean.waitForFinished(30000));
    QCOMPARE(clean.exitCode(), 0);
    QVERIFY(clean.readAllStandardOutput().contains("invariants hold"));

    QVERIFY(db().run(QStringLiteral("UPDATE balances SET balance = balance + 7")));
    QProcess damaged;
    damaged.start(binary, args);
    QVERIFY(damaged.waitForFinished(30000));
    QCOMPARE(damaged.exitCode(), 1);
    QVERIFY(damaged.readAllStandardOutput().contains("every balance equals the sum of its ledger"));
}

QTEST_GUILESS_MAIN(tst_InvariantChecker)
#include "tst_invariantchecker.moc"

#include "ParallelRequests.h"
#include "ShippingSteps.h"

#include <QtTest/QTest>

// Fulfilment (API.md, Shipping: from paid to delivered) over real HTTP: every move from
// every state, what a shipment needs, two admins at once, the packing queue, cancels and
// refunds around shipping, and the routes in /openapi.json. The events' order is
// tst_shippingevents'.
class tst_Shipping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void transitions_data();
    void transitions();
    void shipmentNeeds_data();
    void shipmentNeeds();
    void movesAreStampedAndAudited();
    void badMoves();
    void twoAdminsAtOnce();
    void cancelOnlyBeforeShipping();
    void refundedNeverShippedLeavesTheQueue();
    void queueOldestPaidFirst();
    void adminOrdersByFulfilment();
    void openApiListsTheRoutes();

private:
    // An order of one unit, moved to `state` (CANCELLED: cancelled by its buyer).
    qint64 orderIn(const QString &state, bool pickup);
    QString fulfilmentOf(qint64 orderId);
    QList<qint64> queueIds(const QString &status);

    ShopFixture m_shop;
    ShippingSteps m_steps { m_shop };
    ShopFixture::User m_buyer;
    qint64 m_address = 0;
    qint64 m_product = 0;
};

void tst_Shipping::initTestCase()
{
    QVERIFY(m_shop.start(4));
    m_buyer = m_shop.newShopper();
    QVERIFY(m_shop.charge(m_buyer, 10000000));
    m_address = m_steps.addAddress(m_buyer);
    QVERIFY(m_address > 0);
    m_product = m_shop.createProduct(QStringLiteral("한산 모시 손수건"), 9000, 100000);
}

void tst_Shipping::cleanup()
{
    const QString violations = m_shop.invariantViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations));
}

void tst_Shipping::cleanupTestCase()
{
    m_shop.stop();
}

qint64 tst_Shipping::orderIn(const QString &state, bool pickup)
{
    const qint64 id = m_steps.order(m_buyer, { { m_product, 1 } }, pickup ? 0 : m_address).value("id").toInteger();
    if (id == 0)
        return 0;
    if (state == QLatin1String("CANCELLED"))
        return m_steps.cancel(id, m_buyer).status == 200 ? id : 0;
    const QStringList path = pickup ? QStringList { "PACKED", "DELIVERED" } : QStringList { "PACKED", "SHIPPED", "DELIVERED" };
    for (const QString &step : path) {
        if (fulfilmentOf(id) == state)
            break;
        const bool shipment = step == QLatin1String("SHIPPED");
        if (m_steps.move(id, step, shipment ? QStringLiteral("HANJIN") : QString(), shipment ? QStringLiteral("HJ20261124001") : QString())
                    .status
            != 200)
            return 0;
    }
    return fulfilmentOf(id) == state ? id : 0;
}

QString tst_Shipping::fulfilmentOf(qint64 orderId)
{
    return m_shop.client()
            .get(QStringLiteral("/api/v1/orders/%1").arg(orderId), m_shop.admin().auth())
            .json()
            .value("fulfilment")
            .toObject()
            .value("status")
            .toString();
}

QList<qint64> tst_Shipping::queueIds(const QString &status)
{
    QList<qint64> ids;
    for (int page = 1;; ++page) {
        const QJsonObject answer =
                m_shop.client()
                        .get(QStringLiteral("/api/v1/admin/fulfilment?status=%1&size=100&page=%2").arg(status).arg(page), m_shop.admin().auth())
                        .json();
        const QJsonArray items = answer.value("items").toArray();
        for (const QJsonValue &o : items)
            ids << o.toObject().value("id").toInteger();
        if (items.size() < 100)
            return ids;
    }
}

void tst_Shipping::transitions_data()
{
    QTest::addColumn<bool>("pickup");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("status");
    const QStringList states { "UNFULFILLED", "PACKED", "SHIPPED", "DELIVERED", "CANCELLED" };
    // The only moves API.md allows; every other pair is 409 INVALID_TRANSITION.
    const QSet<QString> shipping { "UNFULFILLED>PACKED", "PACKED>SHIPPED", "SHIPPED>DELIVERED" };
    const QSet<QString> pickup { "UNFULFILLED>PACKED", "PACKED>DELIVERED" };
    for (const bool isPickup : { false, true }) {
        for (const QString &from : states) {
            if (isPickup && from == QLatin1String("SHIPPED"))
                continue; // a pickup never ships
            for (const QString &to : states) {
                const QString move = from + QLatin1Char('>') + to;
                const int status = (isPickup ? pickup : shipping).contains(move) ? 200 : 409;
                QTest::addRow("%s: %s -> %s", isPickup ? "pickup" : "shipping", qPrintable(from), qPrintable(to))
                        << isPickup << from << to << status;
            }
        }
    }
}

void tst_Shipping::transitions()
{
    QFETCH(bool, pickup);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, status);
    const qint64 id = orderIn(from, pickup);
    QVERIFY(id > 0);
    const qint64 balance = m_shop.balanceOf(m_buyer);
    // A shipment's details are always given, so a refusal is the move's, not theirs.
    const HttpClient::Reply r = to == QLatin1String("SHIPPED") ? m_steps.move(id, to, QStringLiteral("CJ"), QStringLiteral("CJ1234567890"))
                                                               : m_steps.move(id, to);
    QCOMPARE(r.status, status);
    if (status == 200) {
        QCOMPARE(r.json().value("fulfilment").toObject().value("status").toString(), to);
        QCOMPARE(fulfilmentOf(id), to);
    } else {
        QCOMPARE(r.errorCode(), QStringLiteral("INVALID_TRANSITION"));
        QCOMPARE(fulfilmentOf(id), from);
    }
    QCOMPARE(m_shop.balanceOf(m_buyer), balance);
}

void tst_Shipping::shipmentNeeds_data()
{
    QTest::addColumn<QString>("carrier");
    QTest::addColumn<QString>("tracking");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field"); // the refused field
    QTest::newRow("no carrier") << "" << "CJ1234567890" << 409 << "carrier";
    QTest::newRow("unknown carrier") << "DHL" << "CJ1234567890" << 409 << "carrier";
    QTest::newRow("carrier in lower case") << "cj" << "CJ1234567890" << 409 << "carrier";
    QTest::newRow("no tracking number") << "CJ" << "" << 409 << "trackingNumber";
    QTest::newRow("7 characters") << "CJ" << "1234567" << 409 << "trackingNumber";
    QTest::newRow("21 characters") << "LOTTE" << "123456789012345678901" << 409 << "trackingNumber";
    QTest::newRow("hyphens") << "LOGEN" << "1234-5678-90" << 409 << "trackingNumber";
    QTest::newRow("Hangul") << "HANJIN" << "한진12345678" << 409 << "trackingNumber";
    QTest::newRow("8 digits") << "EPOST" << "12345678" << 200 << "";
    QTest::newRow("20 letters and digits") << "OTHER" << "ABCdef1234567890XYZ1" << 200 << "";
}

void tst_Shipping::shipmentNeeds()
{
    QFETCH(QString, carrier);
    QFETCH(QString, tracking);
    QFETCH(int, status);
    QFETCH(QString, field);
    const qint64 id = orderIn(QStringLiteral("PACKED"), false);
    QVERIFY(id > 0);
    const HttpClient::Reply r = m_steps.move(id, QStringLiteral("SHIPPED"), carrier, tracking);
    QCOMPARE(r.status, status);
    if (status == 200) {
        const QJsonObject f = r.json().value("fulfilment").toObject();
        QCOMPARE(f.value("carrier").toString(), carrier);
        QCOMPARE(f.value("trackingNumber").toString(), tracking);
    } else {
        QCOMPARE(r.errorCode(), QStringLiteral("INVALID_TRANSITION"));
        QCOMPARE(r.json().value("error").toObject().value("details").toObject().value("field").toString(), field);
        QCOMPARE(fulfilmentOf(id), QStringLiteral("PACKED"));
    }
}

void tst_Shipping::movesAreStampedAndAudited()
{
    const qint64 id = orderIn(QStringLiteral("UNFULFILLED"), false);
    QVERIFY(id > 0);
    QCOMPARE(m_steps.move(id, QStringLiteral("PACKED")).status, 200);
    QCOMPARE(m_steps.move(id, QStringLiteral("SHIPPED"), QStringLiteral("EPOST"), QStringLiteral("6123456789012")).status, 200);
    const HttpClient::Reply delivered = m_steps.move(id, QStringLiteral("DELIVERED"));
    QCOMPARE(delivered.status, 200);
    const QJsonObject f = delivered.json().value("fulfilment").toObject();
    QCOMPARE(QStringList(f.keys()), (QStringList { "carrier", "deliveredAt", "packedAt", "shippedAt", "status", "trackingNumber" }));
    QCOMPARE(f.value("carrier").toString(), QStringLiteral("EPOST"));
    QCOMPARE(f.value("trackingNumber").toString(), QStringLiteral("6123456789012"));
    QVERIFY(f.value("packedAt").toString() <= f.value("shippedAt").toString());
    QVERIFY(f.value("shippedAt").toString() <= f.value("deliveredAt").toString());
    QVERIFY(delivered.json().contains("refunds")); // the single-order answer
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'order' AND entity_id = ? "
                                          "AND action = 'order.fulfilment' AND actor_id = ?"),
                           { id, m_shop.admin().id }),
             3);
    // The buyer sees the same fulfilment on the order.
    QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/orders/%1").arg(id), m_buyer.auth()).json().value("fulfilment").toObject(), f);
}

void tst_Shipping::badMoves()
{
    const qint64 id = orderIn(QStringLiteral("UNFULFILLED"), false);
    QVERIFY(id > 0);
    const QString path = QStringLiteral("/api/v1/admin/orders/%1/fulfilment").arg(id);
    const auto post = [&](const QByteArray &body, const ShopFixture::User &by) { return m_shop.client().send("POST", path, body, by.auth()); };
    QCOMPARE(post(R"({"status": "LOST"})", m_shop.admin()).errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(post(R"({})", m_shop.admin()).errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(post(R"({"status": "PACKED", "carrier": "CJ"})", m_shop.admin()).errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(post(R"({"status": "PACKED", "trackingNumber": 12345678})", m_shop.admin()).errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(post("[]", m_shop.admin()).errorCode(), QStringLiteral("INVALID_JSON"));
    QCOMPARE(post(R"({"status": "PACKED"})", m_buyer).status, 403);
    QCOMPARE(m_shop.client().send("POST", QStringLiteral("/api/v1/admin/orders/999999999/fulfilment"), R"({"status": "PACKED"})",
                                  m_shop.admin().auth()).status,
             404);
    QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/admin/fulfilment"), m_buyer.auth()).status, 403);
    QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/admin/fulfilment?status=CANCELLED"), m_shop.admin().auth()).status, 400);
    QCOMPARE(fulfilmentOf(id), QStringLiteral("UNFULFILLED"));
}

void tst_Shipping::twoAdminsAtOnce()
{
    for (int round = 0; round < 8; ++round) {
        const qint64 id = orderIn(QStringLiteral("UNFULFILLED"), false);
        QVERIFY(id > 0);
        const QString path = QStringLiteral("/api/v1/admin/orders/%1/fulfilment").arg(id);
        const QList<HttpClient::Reply> packed = ParallelRequests::run(
                m_shop.baseUrl(), { { "POST", path, R"({"status": "PACKED"})", m_shop.admin().auth() },
                                    { "POST", path, R"({"status": "PACKED"})", m_shop.admin().auth() } });
        QList<int> statuses { packed.at(0).status, packed.at(1).status };
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int> { 200, 409 }));
        // Two shipments with two tracking numbers: the one that won is the one kept.
        const QList<HttpClient::Reply> shipped = ParallelRequests::run(
                m_shop.baseUrl(), { { "POST", path, R"({"status": "SHIPPED", "carrier": "CJ", "trackingNumber": "AAAA1111"})",
                                      m_shop.admin().auth() },
                                    { "POST", path, R"({"status": "SHIPPED", "carrier": "LOTTE", "trackingNumber": "BBBB2222"})",
                                      m_shop.admin().auth() } });
        statuses = { shipped.at(0).status, shipped.at(1).status };
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int> { 200, 409 }));
        const HttpClient::Reply &won = shipped.at(0).status == 200 ? shipped.at(0) : shipped.at(1);
        const QJsonObject stored = m_shop.client().get(QStringLiteral("/api/v1/orders/%1").arg(id), m_buyer.auth()).json();
        QCOMPARE(stored.value("fulfilment").toObject().value("trackingNumber"), won.json().value("fulfilment").toObject().value("trackingNumber"));
        QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity_id = ? AND action = 'order.fulfilment'"), { id }), 2);
        QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE order_id = ? AND event_type = 'ORDER_SHIPPED'"), { id }), 1);
    }
}

void tst_Shipping::cancelOnlyBeforeShipping()
{
    // PACKED: still cancellable, and then CANCELLED for fulfilment too.
    const qint64 packed = orderIn(QStringLiteral("PACKED"), false);
    const HttpClient::Reply cancelled = m_steps.cancel(packed, m_buyer);
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(cancelled.json().value("fulfilment").toObject().value("status").toString(), QStringLiteral("CANCELLED"));

    for (const QString &state : { QStringLiteral("SHIPPED"), QStringLiteral("DELIVERED") }) {
        const qint64 id = orderIn(state, false);
        QVERIFY(id > 0);
        const qint64 balance = m_shop.balanceOf(m_buyer);
        const qint64 stock = m_shop.stockOf(m_product);
        for (const ShopFixture::User &by : { m_buyer, m_shop.admin() }) {
            const HttpClient::Reply refused = m_steps.cancel(id, by);
            QCOMPARE(refused.status, 409);
            QCOMPARE(refused.errorCode(), QStringLiteral("ORDER_NOT_CANCELLABLE"));
        }
        QCOMPARE(m_shop.balanceOf(m_buyer), balance);
        QCOMPARE(m_shop.stockOf(m_product), stock);
        // An admin's refund still works (a parcel lost on the way); fulfilment stays.
        const HttpClient::Reply refunded = m_steps.refund(id, { { m_product, 1 } }, false);
        QCOMPARE(refunded.status, 201);
        QCOMPARE(refunded.json().value("status").toString(), QStringLiteral("REFUNDED"));
        QCOMPARE(refunded.json().value("fulfilment").toObject().value("status").toString(), state);
        QCOMPARE(m_shop.balanceOf(m_buyer), balance + 9000);
        // A wholly refunded order moves no further.
        if (state == QLatin1String("SHIPPED"))
            QCOMPARE(m_steps.move(id, QStringLiteral("DELIVERED")).errorCode(), QStringLiteral("INVALID_TRANSITION"));
    }
}

void tst_Shipping::refundedNeverShippedLeavesTheQueue()
{
    const qint64 waiting = orderIn(QStringLiteral("UNFULFILLED"), false);
    const qint64 packed = orderIn(QStringLiteral("PACKED"), true);
    const qint64 partly = m_steps.order(m_buyer, { { m_product, 2 } }, m_address).value("id").toInteger();
    QVERIFY(waiting > 0 && packed > 0 && partly > 0);
    QVERIFY(queueIds(QStringLiteral("UNFULFILLED")).contains(waiting));
    QVERIFY(queueIds(QStringLiteral("PACKED")).contains(packed));
    const QJsonObject before = m_shop.client().get(QStringLiteral("/api/v1/admin/fulfilment"), m_shop.admin().auth()).json();
    const QJsonObject counts = before.value("counts").toObject();

    for (const qint64 id : { waiting, packed }) {
        const HttpClient::Reply r = m_steps.refund(id, { { m_product, 1 } });
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("fulfilment").toObject().value("status").toString(), QStringLiteral("CANCELLED"));
        QCOMPARE(r.json().value("fulfilment").toObject().contains("packedAt"), id == packed); // when it was packed stays
        QCOMPARE(fulfilmentOf(id), QStringLiteral("CANCELLED"));
    }
    // Partly refunded: still to be sent.
    QCOMPARE(m_steps.refund(partly, { { m_product, 1 } }).status, 201);
    QCOMPARE(fulfilmentOf(partly), QStringLiteral("UNFULFILLED"));

    const QList<qint64> unfulfilled = queueIds(QStringLiteral("UNFULFILLED"));
    QVERIFY(!unfulfilled.contains(waiting));
    QVERIFY(unfulfilled.contains(partly));
    QVERIFY(!queueIds(QStringLiteral("PACKED")).contains(packed));
    const QJsonObject after = m_shop.client().get(QStringLiteral("/api/v1/admin/fulfilment"), m_shop.admin().auth()).json();
    QCOMPARE(after.value("counts").toObject().value("UNFULFILLED").toInteger(), counts.value("UNFULFILLED").toInteger() - 1);
    QCOMPARE(after.value("counts").toObject().value("PACKED").toInteger(), counts.value("PACKED").toInteger() - 1);
    QCOMPARE(after.value("total").toInteger(), before.value("total").toInteger() - 2);
    // Nothing moves a cancelled fulfilment on.
    QCOMPARE(m_steps.move(packed, QStringLiteral("DELIVERED")).errorCode(), QStringLiteral("INVALID_TRANSITION"));
}

void tst_Shipping::queueOldestPaidFirst()
{
    const qint64 first = orderIn(QStringLiteral("UNFULFILLED"), false);
    const qint64 second = orderIn(QStringLiteral("UNFULFILLED"), true);
    const qint64 third = orderIn(QStringLiteral("UNFULFILLED"), false);
    QVERIFY(first > 0 && second > 0 && third > 0);
    // Paid a day earlier than everything else here: it leads the queue.
    QCOMPARE(m_shop.execute(QStringLiteral("UPDATE orders SET paid_at = paid_at - INTERVAL 1 DAY WHERE id = ?"), { third }), 1);
    const QList<qint64> queue = queueIds(QStringLiteral("UNFULFILLED"));
    QCOMPARE(queue.first(), third);
    QVERIFY(queue.indexOf(first) < queue.indexOf(second));
    const QJsonObject page =
            m_shop.client().get(QStringLiteral("/api/v1/admin/fulfilment?status=UNFULFILLED&size=1"), m_shop.admin().auth()).json();
    QCOMPARE(page.value("items").toArray().first().toObject().value("id").toInteger(), third);
    QCOMPARE(page.value("total").toInteger(), qint64(queue.size()));
    QCOMPARE(page.value("size").toInt(), 1);
    QVERIFY(page.value("oldestWaitingPaidAt").toString() <= page.value("items").toArray().first().toObject().value("paidAt").toString());
    // Every state at once: the queue holds what can still be sent, oldest paid first.
    const QJsonArray all = m_shop.client().get(QStringLiteral("/api/v1/admin/fulfilment?size=100"), m_shop.admin().auth()).json().value("items").toArray();
    for (const QJsonValue &o : all)
        QVERIFY(QStringList({ "PAID", "PARTIALLY_REFUNDED" }).contains(o.toObject().value("status").toString()));
}

void tst_Shipping::adminOrdersByFulfilment()
{
    const qint64 packed = orderIn(QStringLiteral("PACKED"), false);
    const qint64 shipped = orderIn(QStringLiteral("SHIPPED"), false);
    QVERIFY(packed > 0 && shipped > 0);
    const auto ids = [this](const QString &query) {
        QList<qint64> out;
        const QJsonObject page = m_shop.client().get(QStringLiteral("/api/v1/admin/orders?size=100&") + query, m_shop.admin().auth()).json();
        for (const QJsonValue &o : page.value("items").toArray())
            out << o.toObject().value("id").toInteger();
        return out;
    };
    QVERIFY(ids(QStringLiteral("fulfilment=PACKED")).contains(packed));
    QVERIFY(!ids(QStringLiteral("fulfilment=PACKED")).contains(shipped));
    QCOMPARE(ids(QStringLiteral("fulfilment=SHIPPED&q=%1").arg(shipped)), QList<qint64> { shipped });
    QCOMPARE(ids(QStringLiteral("fulfilment=PACKED&q=%1").arg(shipped)), QList<qint64> {});
    QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/admin/orders?fulfilment=LOST"), m_shop.admin().auth()).errorCode(),
             QStringLiteral("VALIDATION_FAILED"));
}

void tst_Shipping::openApiListsTheRoutes()
{
    const QJsonObject paths = m_shop.client().get(QStringLiteral("/openapi.json")).json().value("paths").toObject();
    const QList<QPair<const char *, QStringList>> routes {
        { "/api/v1/users/{userId}/addresses", { "get", "post" } },
        { "/api/v1/users/{userId}/addresses/{addressId}", { "delete", "patch" } },
        { "/api/v1/admin/fulfilment", { "get" } },
        { "/api/v1/admin/orders/{orderId}/fulfilment", { "post" } },
        { "/api/v1/orders/{orderId}/returns", { "post" } },
        { "/api/v1/users/{userId}/returns", { "get" } },
        { "/api/v1/admin/returns", { "get" } },
        { "/api/v1/admin/returns/{returnId}", { "post" } },
        { "/api/v1/admin/reports/shipments.csv", { "get" } },
    };
    for (const auto &[path, methods] : routes) {
        QVERIFY2(paths.contains(QLatin1String(path)), path);
        QStringList listed = paths.value(QLatin1String(path)).toObject().keys();
        listed.removeAll(QStringLiteral("parameters"));
        QCOMPARE(listed, methods);
    }
    // The order schema carries shipping and fulfilment.
    const QJsonObject order = m_shop.client().get(QStringLiteral("/openapi.json")).json()
                                      .value("components").toObject().value("schemas").toObject().value("Order").toObject();
    QVERIFY(order.value("properties").toObject().contains("shipping"));
    QVERIFY(order.value("properties").toObject().contains("fulfilment"));
}

QTEST_GUILESS_MAIN(tst_Shipping)
#include "tst_shipping.moc"

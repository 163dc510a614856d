#include "DataPlatformConsumer.h"
#include "Database.h"
#include "Loopback.h"
#include "ParallelRequests.h"
#include "ShopFixture.h"
#include "TestStack.h"

#include <QtCore/QJsonArray>
#include <QtCore/QProcess>
#include <QtTest/QTest>

#include <csignal>

// Orders to the data platform over the real Kafka protocol (librdkafka's mock
// cluster on loopback): every paid and cancelled order arrives once, through broker
// outages, a server killed between commit and publish, and a restarted consumer.
class tst_Events : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void paidAndCancelledArriveOnce();
    void refundsArriveOnceInOrder();
    void brokerDownOrdersStillSucceed();
    void consumerRestartedMidStream();
    void burstOfAThousand();
    void killedBetweenCommitAndPublish();

private:
    QByteArray orderBody(qint64 userId, qint64 productId) const;
    qint64 placeOrder(const ShopFixture::User &user, qint64 productId);
    qint64 stored(const QString &where = QStringLiteral("1"));
    bool noEventTwice();

    ShopFixture m_shop;
    ShopFixture::User m_buyer;
    qint64 m_product = 0;
};

void tst_Events::initTestCase()
{
    QVERIFY(TestStack::instance());
    QVERIFY(m_shop.start(8, true));
    m_buyer = m_shop.newShopper();
    QVERIFY(m_shop.charge(m_buyer, 10000000));
    m_product = m_shop.createProduct(QStringLiteral("Evented"), 10, 1000000);
    QVERIFY(m_product > 0);
}

void tst_Events::cleanupTestCase()
{
    // Whatever the races above did, the shop's invariants hold (storefront-server check).
    const QString violations = m_shop.invariantViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations));
    m_shop.stop();
}

QByteArray tst_Events::orderBody(qint64 userId, qint64 productId) const
{
    return QJsonDocument(QJsonObject { { "userId", userId },
                                       { "items", QJsonArray { QJsonObject { { "productId", productId }, { "quantity", 1 } } } } })
            .toJson(QJsonDocument::Compact);
}

qint64 tst_Events::placeOrder(const ShopFixture::User &user, qint64 productId)
{
    const HttpClient::Reply r = m_shop.client().send("POST", QStringLiteral("/api/v1/orders"), orderBody(user.id, productId), user.auth());
    return r.status == 201 ? r.json().value("id").toInteger() : 0;
}

qint64 tst_Events::stored(const QString &where)
{
    return m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM data_platform_events WHERE ") + where);
}

bool tst_Events::noEventTwice()
{
    // Stored once per event id (the primary key), and one outbox row per stored event.
    return m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM data_platform_events d LEFT JOIN outbox o ON o.event_id = d.event_id "
                                        "WHERE o.id IS NULL")) == 0
            && m_shop.scalar(QStringLiteral("SELECT COUNT(*) - COUNT(DISTINCT order_id, event_type, "
                                            "COALESCE(JSON_VALUE(payload, '$.refund.id'), 0)) FROM data_platform_events")) == 0;
}

void tst_Events::paidAndCancelledArriveOnce()
{
    const HttpClient::Reply paid = m_shop.client().send("POST", QStringLiteral("/api/v1/orders"), orderBody(m_buyer.id, m_product),
                                                        m_buyer.auth());
    QCOMPARE(paid.status, 201);
    const qint64 orderId = paid.json().value("id").toInteger();
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/orders/%1/cancel").arg(orderId), {}, m_buyer.auth()).status, 200);

    const QString mine = QStringLiteral("order_id = %1").arg(orderId);
    QTRY_COMPARE_WITH_TIMEOUT(stored(mine), 2, 15000);
    QCOMPARE(stored(mine + QStringLiteral(" AND event_type = 'ORDER_PAID'")), 1);
    QCOMPARE(stored(mine + QStringLiteral(" AND event_type = 'ORDER_CANCELLED'")), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE order_id = ? AND status = 'PUBLISHED'"),
                                            { orderId }),
                              2, 10000);

    // The event carries the order exactly as it was answered to the buyer.
    Database db(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(), QStringLiteral("events-payload"));
    const auto row = db.run(QStringLiteral("SELECT payload FROM data_platform_events WHERE order_id = ? AND event_type = 'ORDER_PAID'"),
                            { orderId });
    QVERIFY(row && row.value()->next());
    const QJsonObject event = QJsonDocument::fromJson(row.value()->value(0).toByteArray()).object();
    QCOMPARE(event.value("type").toString(), QStringLiteral("ORDER_PAID"));
    QCOMPARE(event.value("order").toObject(), paid.json());
    QVERIFY(!event.value("eventId").toString().isEmpty());

    const QJsonObject outbox = m_shop.client().get(QStringLiteral("/api/v1/admin/outbox"), m_shop.admin().auth()).json();
    QVERIFY(outbox.value("published").toInteger() >= 2);
    const QJsonObject platform = m_shop.client().get(QStringLiteral("/api/v1/admin/data-platform"), m_shop.admin().auth()).json();
    QVERIFY(platform.value("received").toInteger() >= 2);
    QVERIFY(!platform.value("lastEventAt").toString().isEmpty());
    QVERIFY(noEventTwice());
}

void tst_Events::refundsArriveOnceInOrder()
{
    const HttpClient::Reply paid = m_shop.client().send(
            "POST", QStringLiteral("/api/v1/orders"),
            QJsonDocument(QJsonObject { { "userId", m_buyer.id },
                                        { "items", QJsonArray { QJsonObject { { "productId", m_product }, { "quantity", 3 } } } } })
                    .toJson(),
            m_buyer.auth());
    QCOMPARE(paid.status, 201);
    const qint64 orderId = paid.json().value("id").toInteger();
    const QJsonObject one { { "lines", QJsonArray { QJsonObject { { "productId", m_product }, { "quantity", 1 } } } },
                            { "restock", true },
                            { "reason", "event test" } };
    const QString refunds = QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(orderId);
    const HttpClient::Reply first = m_shop.client().post(refunds, one, m_shop.admin().auth());
    QCOMPARE(first.status, 201);
    QCOMPARE(m_shop.client().post(refunds, one, m_shop.admin().auth()).status, 201);
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/orders/%1/cancel").arg(orderId), {}, m_buyer.auth()).status, 200);

    const QString mine = QStringLiteral("order_id = %1").arg(orderId);
    QTRY_COMPARE_WITH_TIMEOUT(stored(mine), 4, 15000);
    QCOMPARE(stored(mine + QStringLiteral(" AND event_type = 'ORDER_REFUNDED'")), 2);
    // One key, one partition: the offsets give the order the platform saw them in.
    Database db(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(), QStringLiteral("events-refunds"));
    const auto rows = db.run(QStringLiteral("SELECT event_type, payload FROM data_platform_events WHERE order_id = ? "
                                            "ORDER BY kafka_partition, kafka_offset"),
                             { orderId });
    QVERIFY(rows);
    QStringList seen;
    QList<QJsonObject> payloads;
    while (rows.value()->next()) {
        seen << rows.value()->value(0).toString();
        payloads << QJsonDocument::fromJson(rows.value()->value(1).toByteArray()).object();
    }
    QCOMPARE(seen, (QStringList { "ORDER_PAID", "ORDER_REFUNDED", "ORDER_REFUNDED", "ORDER_CANCELLED" }));
    const QJsonObject refund = payloads.at(1).value("refund").toObject();
    QCOMPARE(refund.value("id").toInteger(), first.json().value("refunds").toArray().first().toObject().value("id").toInteger());
    QCOMPARE(refund.value("amount").toInteger(), 10);
    QCOMPARE(refund.value("lines").toArray().first().toObject().value("quantity").toInteger(), 1);
    QCOMPARE(payloads.at(1).value("order").toObject().value("status").toString(), QStringLiteral("PARTIALLY_REFUNDED"));
    QCOMPARE(payloads.at(1).value("order").toObject().value("refundedAmount").toInteger(), 10);
    QCOMPARE(payloads.at(2).value("order").toObject().value("refundedAmount").toInteger(), 20);
    QCOMPARE(payloads.at(3).value("order").toObject().value("refundedAmount").toInteger(), 30);
    QVERIFY(noEventTwice());
}

void tst_Events::brokerDownOrdersStillSucceed()
{
    KafkaMockCluster &kafka = TestStack::instance()->kafka();
    const qint64 before = stored();
    kafka.setBrokersUp(false);
    QList<qint64> orders;
    for (int i = 0; i < 20; ++i)
        orders << placeOrder(m_buyer, m_product);
    QVERIFY2(!orders.contains(0), "orders succeed while the broker is down");
    QCOMPARE(stored() - before, 0);
    kafka.setBrokersUp(true);
    QTRY_COMPARE_WITH_TIMEOUT(stored() - before, 20, 90000);
    QTRY_COMPARE_WITH_TIMEOUT(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status <> 'PUBLISHED'")), 0, 30000);
    QVERIFY(noEventTwice());
}

void tst_Events::consumerRestartedMidStream()
{
    const qint64 before = stored();
    QList<ParallelRequests::Request> requests;
    for (int i = 0; i < 200; ++i)
        requests << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/orders"), orderBody(m_buyer.id, m_product), m_buyer.auth() };
    const auto replies = ParallelRequests::run(m_shop.baseUrl(), requests);
    QCOMPARE(int(std::count_if(replies.cbegin(), replies.cend(), [](const HttpClient::Reply &r) { return r.status == 201; })), 200);
    // Stop the data platform part-way through the stream, then start it again.
    QTRY_VERIFY_WITH_TIMEOUT(stored() - before > 0, 15000);
    m_shop.server().stopDataPlatform();
    const qint64 atStop = stored() - before;
    m_shop.server().startDataPlatform();
    QTRY_COMPARE_WITH_TIMEOUT(stored() - before, 200, 60000);
    qInfo("consumer restarted after %lld of 200 events", atStop);
    QVERIFY(noEventTwice());
}

void tst_Events::burstOfAThousand()
{
    const qint64 before = stored();
    const QString start = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    for (int batch = 0; batch < 10; ++batch) {
        QList<ParallelRequests::Request> requests;
        for (int i = 0; i < 100; ++i)
            requests << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/orders"), orderBody(m_buyer.id, m_product),
                                                    m_buyer.auth() };
        const auto replies = ParallelRequests::run(m_shop.baseUrl(), requests);
        QCOMPARE(int(std::count_if(replies.cbegin(), replies.cend(), [](const HttpClient::Reply &r) { return r.status == 201; })), 100);
    }
    QTRY_COMPARE_WITH_TIMEOUT(stored() - before, 1000, 60000);
    QVERIFY(noEventTwice());

    // Commit (the order's paid time) to stored at the data platform.
    Database db(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(), QStringLiteral("events-latency"));
    const auto rows = db.run(QStringLiteral("SELECT TIMESTAMPDIFF(MICROSECOND, occurred_at, received_at) FROM data_platform_events "
                                            "WHERE event_type = 'ORDER_PAID' AND occurred_at >= ? ORDER BY 1"),
                             { start });
    QVERIFY(rows);
    QList<qint64> micros;
    while (rows.value()->next())
        micros << rows.value()->value(0).toLongLong();
    QCOMPARE(micros.size(), 1000);
    qInfo("1,000-order burst, commit to stored: p50 %.1f ms, p99 %.1f ms, max %.1f ms", micros[499] / 1000.0,
          micros[989] / 1000.0, micros.last() / 1000.0);
    // Where the time goes: commit to the broker's acknowledgement (the relay's part).
    const auto acked = db.run(QStringLiteral("SELECT TIMESTAMPDIFF(MICROSECOND, created_at, published_at) FROM outbox "
                                             "WHERE event_type = 'ORDER_PAID' AND created_at >= ? ORDER BY 1"),
                              { start });
    QVERIFY(acked);
    QList<qint64> relay;
    while (acked.value()->next())
        relay << acked.value()->value(0).toLongLong();
    QCOMPARE(relay.size(), 1000);
    qInfo("of which commit to broker acknowledgement: p50 %.1f ms, p99 %.1f ms", relay[499] / 1000.0, relay[989] / 1000.0);
}

void tst_Events::killedBetweenCommitAndPublish()
{
    const QString binary = qEnvironmentVariable("STOREFRONT_SERVER_BINARY");
    if (binary.isEmpty())
        QSKIP("STOREFRONT_SERVER_BINARY is not set (run through ctest)");
    // Only the server processes below may publish: the in-process one (and its relay)
    // would otherwise pick the row up on its own schedule.
    m_shop.stop();
    LocalStack *stack = TestStack::instance();
    const quint16 port = Loopback::freePort();
    const QStringList args { QStringLiteral("serve"), QStringLiteral("--mysql"), stack->mysql().url(), QStringLiteral("--redis"),
                             stack->redis().url(), QStringLiteral("--kafka"), stack->kafka().bootstrapServers(),
                             QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--workers"),
                             QStringLiteral("2"), QStringLiteral("--data-platform"), QStringLiteral("on"), QStringLiteral("--token-secret"),
                             QStringLiteral("test-secret-test-secret-test-secret") };
    QProcess first;
    first.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    first.start(binary, args);
    HttpClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/healthz")).status, 200, 15000);

    // The broker is away, so the commit cannot be followed by a publish...
    stack->kafka().setBrokersUp(false);
    const HttpClient::Reply paid = client.send("POST", QStringLiteral("/api/v1/orders"), orderBody(m_buyer.id, m_product), m_buyer.auth());
    QCOMPARE(paid.status, 201);
    const qint64 orderId = paid.json().value("id").toInteger();
    // ...and the server dies before it could.
    ::kill(pid_t(first.processId()), SIGKILL);
    QVERIFY(first.waitForFinished(5000));
    stack->kafka().setBrokersUp(true);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE order_id = ? AND status = 'PENDING'"), { orderId }), 1);

    QProcess second;
    second.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    second.start(binary, args);
    QVERIFY(second.waitForStarted());
    // The republish schedule sends it once the dead relay's lease has run out.
    QTRY_COMPARE_WITH_TIMEOUT(stored(QStringLiteral("order_id = %1").arg(orderId)), 1, 60000);
    second.terminate();
    QVERIFY(second.waitForFinished(30000));
    QVERIFY(noEventTwice());
}

QTEST_GUILESS_MAIN(tst_Events)
#include "tst_events.moc"

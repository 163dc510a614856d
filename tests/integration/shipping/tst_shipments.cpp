#include "Database.h"
#include "ShippingSteps.h"
#include "TestStack.h"

#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

// What leaves the shop about shipping: the order's events in the order they happened
// (paid, shipped, refunded, delivered, a return's refund) on the data platform, and
// shipments.csv for a carrier's bulk upload, read back with Python's csv module.
class tst_Shipments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void eventsInOrder();
    void shipmentsCsv();
    void shipmentsCsvRefusals();

private:
    static QList<QStringList> parseWithPython(const QByteArray &csv, QString *error);

    ShopFixture m_shop;
    ShippingSteps m_steps { m_shop };
    ShopFixture::User m_buyer;
};

void tst_Shipments::initTestCase()
{
    QVERIFY(m_shop.start(4, true));
    m_buyer = m_shop.newShopper();
    QVERIFY(m_shop.charge(m_buyer, 10000000));
}

void tst_Shipments::cleanup()
{
    const QString violations = m_shop.invariantViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations));
}

void tst_Shipments::cleanupTestCase()
{
    m_shop.stop();
}

void tst_Shipments::eventsInOrder()
{
    const qint64 tea = m_shop.createProduct(QStringLiteral("하동 녹차"), 10000, 100);
    const qint64 address = m_steps.addAddress(m_buyer);
    const qint64 id = m_steps.order(m_buyer, { { tea, 3 } }, address).value("id").toInteger();
    QVERIFY(id > 0);
    QCOMPARE(m_steps.move(id, QStringLiteral("PACKED")).status, 200);
    QCOMPARE(m_steps.move(id, QStringLiteral("SHIPPED"), QStringLiteral("CJ"), QStringLiteral("CJ5556667778")).status, 200);
    QCOMPARE(m_steps.refund(id, { { tea, 1 } }).status, 201); // one unit lost on the way
    QCOMPARE(m_steps.move(id, QStringLiteral("DELIVERED")).status, 200);
    const qint64 returnId = m_shop.client()
                                    .post(QStringLiteral("/api/v1/orders/%1/returns").arg(id),
                                          { { "lines", ShippingSteps::lines({ { tea, 1 } }) }, { "reason", "깨짐" } }, m_buyer.auth())
                                    .json()
                                    .value("id")
                                    .toInteger();
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/admin/returns/%1").arg(returnId), { { "decision", "ACCEPT" }, { "restock", false } },
                                  m_shop.admin().auth()).status,
             200);

    QTRY_COMPARE_WITH_TIMEOUT(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM data_platform_events WHERE order_id = ?"), { id }), 5,
                              15000);
    // One key, one partition: the offsets are the order the platform saw them in.
    Database db(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(), QStringLiteral("shipments-events"));
    const auto rows = db.run(QStringLiteral("SELECT event_type, payload FROM data_platform_events WHERE order_id = ? "
                                            "ORDER BY kafka_partition, kafka_offset"),
                             { id });
    QVERIFY(rows);
    QStringList seen;
    QList<QJsonObject> orders;
    while (rows.value()->next()) {
        seen << rows.value()->value(0).toString();
        orders << QJsonDocument::fromJson(rows.value()->value(1).toByteArray()).object().value("order").toObject();
    }
    QCOMPARE(seen, (QStringList { "ORDER_PAID", "ORDER_SHIPPED", "ORDER_REFUNDED", "ORDER_DELIVERED", "ORDER_REFUNDED" }));
    QCOMPARE(orders.at(0).value("fulfilment").toObject(), (QJsonObject { { "status", "UNFULFILLED" } }));
    QCOMPARE(orders.at(0).value("shipping").toObject().value("recipient").toString(), QStringLiteral("김민지"));
    const QJsonObject shipped = orders.at(1).value("fulfilment").toObject();
    QCOMPARE(shipped.value("status").toString(), QStringLiteral("SHIPPED"));
    QCOMPARE(shipped.value("carrier").toString(), QStringLiteral("CJ"));
    QCOMPARE(shipped.value("trackingNumber").toString(), QStringLiteral("CJ5556667778"));
    QCOMPARE(orders.at(1).value("refundedAmount").toInteger(), 0);
    QCOMPARE(orders.at(2).value("refundedAmount").toInteger(), 10000);
    QCOMPARE(orders.at(3).value("fulfilment").toObject().value("status").toString(), QStringLiteral("DELIVERED"));
    QCOMPARE(orders.at(3).value("refundedAmount").toInteger(), 10000);
    QCOMPARE(orders.at(4).value("refundedAmount").toInteger(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE order_id = ? AND status = 'PUBLISHED'"), { id }),
                              5, 10000);
}

QList<QStringList> tst_Shipments::parseWithPython(const QByteArray &csv, QString *error)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("shipments.csv")));
    if (!dir.isValid() || !file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size()) {
        *error = QStringLiteral("could not write the CSV to a temporary file");
        return {};
    }
    file.close();
    QProcess python;
    python.start(QStringLiteral("python3"),
                 { QStringLiteral("-c"),
                   QStringLiteral("import csv,sys,json; print(json.dumps(list(csv.reader(open(sys.argv[1], newline=\"\", "
                                  "encoding=\"utf-8-sig\")))))"),
                   file.fileName() });
    if (!python.waitForFinished(60000) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        *error = QStringLiteral("python3 failed: ") + QString::fromUtf8(python.readAllStandardError()) + python.errorString();
        return {};
    }
    QList<QStringList> records;
    for (const QJsonValue &record : QJsonDocument::fromJson(python.readAllStandardOutput()).array()) {
        QStringList cells;
        for (const QJsonValue &cell : record.toArray())
            cells << cell.toString();
        records << cells;
    }
    return records;
}

void tst_Shipments::shipmentsCsv()
{
    const qint64 tea = m_shop.createProduct(QStringLiteral("보성 녹차"), 12000, 100);
    const qint64 mug = m_shop.createProduct(QStringLiteral("머그컵, \"large\""), 3000, 100);
    QJsonObject body = ShippingSteps::addressBody(QStringLiteral("=HYPERLINK(\"http://x\")"),
                                                  QStringLiteral("경기도 성남시 분당구 판교역로 235"));
    body.insert("address2", QStringLiteral("101동 \"A\", 1203호"));
    body.insert("phone", QStringLiteral("031-8017-7000"));
    body.insert("postalCode", QStringLiteral("01234"));
    const qint64 hangul = m_steps.addAddress(m_buyer, body);
    const qint64 plain = m_steps.addAddress(m_buyer, ShippingSteps::addressBody(QStringLiteral("Kim Minji")));
    QVERIFY(hangul > 0 && plain > 0);

    const qint64 first = m_steps.order(m_buyer, { { tea, 2 }, { mug, 3 } }, hangul).value("id").toInteger();
    const qint64 second = m_steps.order(m_buyer, { { mug, 1 } }, plain).value("id").toInteger();
    const qint64 pickup = m_steps.order(m_buyer, { { tea, 1 } }).value("id").toInteger();
    const qint64 waiting = m_steps.order(m_buyer, { { tea, 1 } }, plain).value("id").toInteger();
    QVERIFY(first > 0 && second > 0 && pickup > 0 && waiting > 0);
    for (const qint64 id : { first, second, pickup })
        QCOMPARE(m_steps.move(id, QStringLiteral("PACKED")).status, 200);
    QCOMPARE(m_steps.refund(first, { { mug, 1 } }).status, 201); // two mugs left to send

    const HttpClient::Reply r = m_shop.client().get(QStringLiteral("/api/v1/admin/reports/shipments.csv?status=PACKED"), m_shop.admin().auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.headers.value("content-type"), QByteArray("text/csv; charset=utf-8"));
    QVERIFY(r.body.endsWith("\r\n"));
    // UTF-8 with its byte-order mark, then the header: what a Korean Excel opens as UTF-8
    // (without the mark it reads CP949). Python's utf-8-sig drops the mark.
    QVERIFY(r.body.startsWith("\xEF\xBB\xBForderId,recipient,"));
    // The Hangul address as UTF-8 bytes in the file, not re-encoded.
    QVERIFY(r.body.contains(QStringLiteral("경기도 성남시 분당구 판교역로 235 101동").toUtf8()));
    QString error;
    const QList<QStringList> rows = parseWithPython(r.body, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.first(), (QStringList { "orderId", "recipient", "phone", "postalCode", "address", "lines" }));
    QHash<qint64, QStringList> byOrder;
    for (const QStringList &row : rows.mid(1))
        byOrder.insert(row.first().toLongLong(), row);
    QCOMPARE(byOrder.value(first),
             (QStringList { QString::number(first), "'=HYPERLINK(\"http://x\")", "031-8017-7000", "01234",
                            "경기도 성남시 분당구 판교역로 235 101동 \"A\", 1203호", "보성 녹차 × 2; 머그컵, \"large\" × 2" }));
    QCOMPARE(byOrder.value(second), (QStringList { QString::number(second), "Kim Minji", "010-1234-5678", "06234",
                                                   "서울특별시 강남구 테헤란로 123 5층 501호", "머그컵, \"large\" × 1" }));
    QVERIFY(!byOrder.contains(pickup)); // handed over, not sent
    QVERIFY(!byOrder.contains(waiting)); // not packed yet
    // (Lines by product id: the tea was created first.)
    // Oldest first.
    QVERIFY(rows.indexOf(byOrder.value(first)) < rows.indexOf(byOrder.value(second)));

    // Without a status: the packed ones, the same file.
    const HttpClient::Reply packed = m_shop.client().get(QStringLiteral("/api/v1/admin/reports/shipments.csv"), m_shop.admin().auth());
    QCOMPARE(packed.body, r.body);
    const QList<QStringList> unfulfilled =
            parseWithPython(m_shop.client().get(QStringLiteral("/api/v1/admin/reports/shipments.csv?status=UNFULFILLED"), m_shop.admin().auth()).body,
                            &error);
    QVERIFY(std::any_of(unfulfilled.cbegin(), unfulfilled.cend(), [&](const QStringList &row) { return row.first() == QString::number(waiting); }));
}

void tst_Shipments::shipmentsCsvRefusals()
{
    const HttpClient::Reply bad = m_shop.client().get(QStringLiteral("/api/v1/admin/reports/shipments.csv?status=CANCELLED"), m_shop.admin().auth());
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/admin/reports/shipments.csv"), m_buyer.auth()).status, 403);
}

QTEST_GUILESS_MAIN(tst_Shipments)
#include "tst_shipments.moc"

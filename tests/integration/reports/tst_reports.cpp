#include "ShopFixture.h"

#include <QtCore/QJsonArray>
#include <QtTest/QTest>

// The CSV reports (API.md, Reports) over real HTTP, parsed back by a parser of the
// test's own: RFC 4180 with commas, quotes, line breaks and Hangul in names, sales net
// of refunds and cancels, and the range's refusals as JSON errors.
class tst_Reports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void salesReportByDay();
    void reportsByProductAndCategory();
    void ordersReportParsesBack();
    void reportRefusals_data();
    void reportRefusals();

private:
    static QList<QStringList> parseCsv(const QByteArray &csv, bool *wellFormed);
    HttpClient::Reply admin(const QByteArray &method, const QString &path, const QByteArray &body = {});
    qint64 order(const ShopFixture::User &buyer, qint64 productId, int quantity);
    QString today() const { return QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate); }

    ShopFixture m_shop;
    ShopFixture::User m_buyer;
};

void tst_Reports::initTestCase()
{
    QVERIFY(m_shop.start(4));
    m_buyer = m_shop.newShopper();
    QVERIFY(m_shop.charge(m_buyer, 10000000));
}

void tst_Reports::cleanupTestCase()
{
    const QString violations = m_shop.invariantViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations));
    m_shop.stop();
}

HttpClient::Reply tst_Reports::admin(const QByteArray &method, const QString &path, const QByteArray &body)
{
    return m_shop.client().send(method, path, body, m_shop.admin().auth());
}

qint64 tst_Reports::order(const ShopFixture::User &buyer, qint64 productId, int quantity)
{
    const HttpClient::Reply r = m_shop.client().post(
            QStringLiteral("/api/v1/orders"),
            { { "userId", buyer.id }, { "items", QJsonArray { QJsonObject { { "productId", productId }, { "quantity", quantity } } } } },
            buyer.auth());
    return r.status == 201 ? r.json().value("id").toInteger() : 0;
}

// RFC 4180, written here on purpose (not the server's writer): quoted fields may hold
// commas, doubled quotes and line breaks; records end with CRLF.
QList<QStringList> tst_Reports::parseCsv(const QByteArray &csv, bool *wellFormed)
{
    QList<QStringList> records;
    QStringList record;
    QByteArray field;
    bool quoted = false;
    bool wasQuoted = false;
    *wellFormed = csv.endsWith("\r\n");
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const char c = csv.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            if (!field.isEmpty())
                *wellFormed = false; // a quote inside an unquoted field
            quoted = wasQuoted = true;
        } else if (c == ',') {
            record << QString::fromUtf8(field);
            field.clear();
            wasQuoted = false;
        } else if (c == '\r' && i + 1 < csv.size() && csv.at(i + 1) == '\n') {
            record << QString::fromUtf8(field);
            records << record;
            record.clear();
            field.clear();
            wasQuoted = false;
            ++i;
        } else if (c == '\n' || c == '\r') {
            *wellFormed = false; // a bare line break outside quotes
        } else {
            if (wasQuoted)
                *wellFormed = false; // text after a closing quote
            field += c;
        }
    }
    if (quoted)
        *wellFormed = false;
    return records;
}

void tst_Reports::salesReportByDay()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(m_shop.charge(shopper, 100000));
    const qint64 product = m_shop.createProduct(QStringLiteral("Reported"), 1000, 100);
    const qint64 kept = order(shopper, product, 3);
    const qint64 cancelled = order(shopper, product, 1);
    QVERIFY(kept > 0 && cancelled > 0);
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/orders/%1/cancel").arg(cancelled), {}, shopper.auth()).status, 200);
    QCOMPARE(admin("POST", QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(kept),
                   R"({"lines":[{"productId":)" + QByteArray::number(product) + R"(,"quantity":1}],"restock":true,"reason":"r"})")
                     .status,
             201);

    const QString from = QDateTime::currentDateTimeUtc().date().addDays(-2).toString(Qt::ISODate);
    const HttpClient::Reply r = admin("GET", QStringLiteral("/api/v1/admin/reports/sales.csv?from=%1&to=%2&by=day").arg(from, today()));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.headers.value("content-type"), QByteArray("text/csv; charset=utf-8"));
    bool wellFormed = false;
    const QList<QStringList> rows = parseCsv(r.body, &wellFormed);
    QVERIFY2(wellFormed, r.body.left(300).constData());
    QCOMPARE(rows.first(), (QStringList { "date", "orders", "units", "unitsReturned", "paid", "refunded", "net" }));
    QCOMPARE(rows.size(), 4); // the header and three days
    const QStringList day = rows.last();
    QCOMPARE(day.at(0), today());
    // Every order of the day, straight from MySQL, against the report's row.
    const QString where = QStringLiteral(" FROM orders WHERE DATE(paid_at) = UTC_DATE()");
    QCOMPARE(day.at(1).toLongLong(), m_shop.scalar(QStringLiteral("SELECT SUM(status IN ('PAID', 'PARTIALLY_REFUNDED'))") + where));
    QCOMPARE(day.at(4).toLongLong(), m_shop.scalar(QStringLiteral("SELECT SUM(paid_amount)") + where));
    QCOMPARE(day.at(5).toLongLong(), m_shop.scalar(QStringLiteral("SELECT SUM(refunded_amount)") + where));
    QCOMPARE(day.at(6).toLongLong(), m_shop.scalar(QStringLiteral("SELECT SUM(paid_amount - refunded_amount)") + where));
    QVERIFY(day.at(5).toLongLong() >= 2000); // the cancel's 1,000 and the refund's 1,000
}

void tst_Reports::reportsByProductAndCategory()
{
    const HttpClient::Reply category = admin("POST", QStringLiteral("/api/v1/admin/categories"), R"({"name":"주방, \"Kitchen\""})");
    QCOMPARE(category.status, 201);
    const qint64 categoryId = category.json().value("id").toInteger();
    const HttpClient::Reply created = admin("POST", QStringLiteral("/api/v1/admin/products"),
                                            QStringLiteral(R"({"name":"냄비, 24cm \"deep\"","price":2500,"stock":50,"categoryId":%1})")
                                                    .arg(categoryId)
                                                    .toUtf8());
    QCOMPARE(created.status, 201);
    const qint64 pot = created.json().value("id").toInteger();
    const qint64 paid = order(m_buyer, pot, 4);
    QVERIFY(paid > 0);
    QCOMPARE(admin("POST", QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(paid),
                   R"({"lines":[{"productId":)" + QByteArray::number(pot) + R"(,"quantity":1}],"restock":false,"reason":"dented"})")
                     .status,
             201);

    bool wellFormed = false;
    const HttpClient::Reply byProduct =
            admin("GET", QStringLiteral("/api/v1/admin/reports/sales.csv?from=%1&to=%1&by=product").arg(today()));
    QCOMPARE(byProduct.status, 200);
    const QList<QStringList> products = parseCsv(byProduct.body, &wellFormed);
    QVERIFY(wellFormed);
    QCOMPARE(products.first(), (QStringList { "productId", "name", "orders", "units", "unitsReturned", "gross", "refunded", "net" }));
    const auto row = std::find_if(products.cbegin(), products.cend(), [&](const QStringList &r) { return r.first() == QString::number(pot); });
    QVERIFY(row != products.cend());
    QCOMPARE(*row, (QStringList { QString::number(pot), QStringLiteral("냄비, 24cm \"deep\""), "1", "4", "1", "10000", "2500", "7500" }));

    const HttpClient::Reply byCategory =
            admin("GET", QStringLiteral("/api/v1/admin/reports/sales.csv?from=%1&to=%1&by=category").arg(today()));
    QCOMPARE(byCategory.status, 200);
    const QList<QStringList> categories = parseCsv(byCategory.body, &wellFormed);
    QVERIFY(wellFormed);
    const auto kitchen = std::find_if(categories.cbegin(), categories.cend(),
                                      [&](const QStringList &r) { return r.first() == QString::number(categoryId); });
    QVERIFY(kitchen != categories.cend());
    QCOMPARE(*kitchen, (QStringList { QString::number(categoryId), QStringLiteral("주방, \"Kitchen\""), "1", "4", "1", "10000", "2500", "7500" }));
}

void tst_Reports::ordersReportParsesBack()
{
    // A name with everything RFC 4180 must quote, and Hangul.
    const QString name = QStringLiteral("무선 이어폰, \"프로\"\r\n2세대");
    const HttpClient::Reply created = admin("POST", QStringLiteral("/api/v1/admin/products"),
                                            QJsonDocument(QJsonObject { { "name", name }, { "price", 1234 }, { "stock", 10 } }).toJson());
    QCOMPARE(created.status, 201);
    const qint64 product = created.json().value("id").toInteger();
    const qint64 first = order(m_buyer, product, 2);
    const qint64 second = order(m_buyer, product, 1);
    QVERIFY(first > 0 && second > 0);
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/orders/%1/cancel").arg(second), {}, m_buyer.auth()).status, 200);

    const HttpClient::Reply r = admin("GET", QStringLiteral("/api/v1/admin/reports/orders.csv?from=%1&to=%1").arg(today()));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.headers.value("content-type"), QByteArray("text/csv; charset=utf-8"));
    bool wellFormed = false;
    const QList<QStringList> rows = parseCsv(r.body, &wellFormed);
    QVERIFY(wellFormed);
    QCOMPARE(rows.first().size(), 13);
    QCOMPARE(rows.first().first(), QStringLiteral("orderId"));
    // One row per order line of the day, every row as wide as the header.
    QCOMPARE(rows.size() - 1, int(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM order_lines l JOIN orders o ON o.id = l.order_id "
                                                               "WHERE DATE(o.paid_at) = UTC_DATE()"))));
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), 13);
    QStringList mine;
    for (const QStringList &row : rows) {
        if (row.at(0) == QString::number(first) || row.at(0) == QString::number(second)) {
            QCOMPARE(row.at(6), name);
            mine << row.at(0) + QLatin1Char(' ') + row.at(2) + QLatin1Char(' ') + row.at(8) + QLatin1Char(' ') + row.at(9);
        }
    }
    QCOMPARE(mine, (QStringList { QStringLiteral("%1 PAID 2 0").arg(first), QStringLiteral("%1 CANCELLED 1 1").arg(second) }));
}

void tst_Reports::reportRefusals_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("no dates") << QStringLiteral("sales.csv");
    QTest::newRow("no to") << QStringLiteral("sales.csv?from=2026-01-01");
    QTest::newRow("not a date") << QStringLiteral("orders.csv?from=2026-13-01&to=2026-12-31");
    QTest::newRow("to before from") << QStringLiteral("orders.csv?from=2026-02-01&to=2026-01-31");
    QTest::newRow("367 days") << QStringLiteral("orders.csv?from=2025-01-01&to=2026-01-02");
    QTest::newRow("unknown grouping") << QStringLiteral("sales.csv?from=2026-01-01&to=2026-01-31&by=week");
}

void tst_Reports::reportRefusals()
{
    QFETCH(QString, query);
    const HttpClient::Reply r = admin("GET", QStringLiteral("/api/v1/admin/reports/") + query);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QVERIFY(r.headers.value("content-type").startsWith("application/json"));
    // 366 days is the most, and allowed (2024 was a leap year).
    QCOMPARE(admin("GET", QStringLiteral("/api/v1/admin/reports/orders.csv?from=2024-01-01&to=2024-12-31")).status, 200);
    QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/admin/reports/orders.csv?from=2024-01-01&to=2024-12-31"), m_buyer.auth()).status,
             403);
}

QTEST_GUILESS_MAIN(tst_Reports)
#include "tst_reports.moc"

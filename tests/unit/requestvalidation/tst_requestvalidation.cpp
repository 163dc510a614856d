#include "RequestValidation.h"

#include <QtCore/QJsonArray>
#include <QtTest/QTest>

class tst_RequestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void credentials_data();
    void credentials();
    void chargeAmount_data();
    void chargeAmount();
    void page_data();
    void page();
    void id_data();
    void id();
    void product_data();
    void product();
    void coupon_data();
    void coupon();
    void couponValues();
    void order_data();
    void order();
    void orderSortsItems();
    void idempotencyKey_data();
    void idempotencyKey();
};

// An empty `field` column means the input is valid; otherwise the failure must be
// `code` and name that field in details.field.
#define CHECK_OUTCOME(result, expectedCode, expectedField)                                                   \
    do {                                                                                                     \
        QCOMPARE((result).ok(), (expectedField).isEmpty());                                                  \
        if (!(result).ok()) {                                                                                \
            QCOMPARE((result).failure().code, (expectedCode));                                               \
            QCOMPARE((result).failure().details.value(QStringLiteral("field")).toString(), (expectedField)); \
        }                                                                                                    \
    } while (false)

namespace {
const QDateTime kNow(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

QString repeat(char c, int n)
{
    return QString(n, QLatin1Char(c));
}

// `base` with each key of `changes` set.
QJsonObject with(QJsonObject base, const QJsonObject &changes)
{
    for (auto it = changes.begin(); it != changes.end(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

QJsonObject without(QJsonObject base, const QString &key)
{
    base.remove(key);
    return base;
}

QJsonObject validCoupon()
{
    return QJsonObject { { "name", "Welcome" }, { "discountType", "FIXED" }, { "discountValue", 1000 },
                         { "quantity", 100 }, { "validFrom", "2026-01-01T00:00:00Z" },
                         { "validUntil", "2030-01-01T00:00:00Z" } };
}

QJsonObject line(qint64 productId, qint64 quantity)
{
    return QJsonObject { { "productId", productId }, { "quantity", quantity } };
}

QJsonObject orderWith(const QJsonArray &items)
{
    return QJsonObject { { "userId", 1 }, { "items", items } };
}

// An order for user 1 with `count` distinct products 1..count, one of each.
QJsonObject orderWithLines(int count)
{
    QJsonArray items;
    for (int i = 1; i <= count; ++i)
        items.append(line(i, 1));
    return orderWith(items);
}
}

void tst_RequestValidation::credentials_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<bool>("checkStrength");
    QTest::addColumn<QString>("field");

    const auto creds = [](const QJsonValue &username, const QJsonValue &password) {
        QJsonObject o;
        if (!username.isUndefined())
            o.insert(QStringLiteral("username"), username);
        if (!password.isUndefined())
            o.insert(QStringLiteral("password"), password);
        return o;
    };
    const QJsonValue missing(QJsonValue::Undefined);

    QTest::newRow("valid") << creds("alice", "correct horse") << true << "";
    QTest::newRow("username with _ . -") << creds("a_b.c-D9", "password") << true << "";
    QTest::newRow("username 32 chars") << creds(repeat('a', 32), "password") << true << "";
    QTest::newRow("username too short") << creds("ab", "password") << true << "username";
    QTest::newRow("username too long") << creds(repeat('a', 33), "password") << true << "username";
    // `$` would also match before a final newline: "name\n" would register, then never log in.
    QTest::newRow("username ending in a newline") << creds("kim\n", "password") << true << "username";
    QTest::newRow("username ending in spaces") << creds("kim  ", "password") << true << "username";
    QTest::newRow("username with space") << creds("a b", "password") << true << "username";
    QTest::newRow("username with !") << creds("al!ce", "password") << true << "username";
    QTest::newRow("username missing") << creds(missing, "password") << true << "username";
    QTest::newRow("username not a string") << creds(42, "password") << true << "username";
    QTest::newRow("password 8 chars") << creds("alice", "12345678") << true << "";
    QTest::newRow("password 128 chars") << creds("alice", repeat('p', 128)) << true << "";
    QTest::newRow("password 7 chars") << creds("alice", "1234567") << true << "password";
    QTest::newRow("password 129 chars") << creds("alice", repeat('p', 129)) << true << "password";
    QTest::newRow("password missing") << creds("alice", missing) << true << "password";
    QTest::newRow("password not a string") << creds("alice", 12345678) << true << "password";
    QTest::newRow("password empty") << creds("alice", "") << true << "password";
    QTest::newRow("no strength: short password") << creds("alice", "abc") << false << "";
    QTest::newRow("no strength: short username") << creds("ab", "x") << false << "";
    QTest::newRow("no strength: 1025 chars") << creds("alice", repeat('p', 1025)) << false << "password";
    QTest::newRow("no strength: empty password") << creds("alice", "") << false << "password";
    QTest::newRow("no strength: username missing") << creds(missing, "abc") << false << "username";
}

void tst_RequestValidation::credentials()
{
    QFETCH(QJsonObject, body);
    QFETCH(bool, checkStrength);
    QFETCH(QString, field);

    const auto r = RequestValidation::credentials(body, checkStrength);
    CHECK_OUTCOME(r, ErrorCode::ValidationFailed, field);
    if (r.ok()) {
        QCOMPARE(r->username, body.value(QStringLiteral("username")).toString());
        QCOMPARE(r->password, body.value(QStringLiteral("password")).toString());
    }
}

void tst_RequestValidation::chargeAmount_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<qint64>("amount"); // 0: refused

    QTest::newRow("1") << QJsonObject { { "amount", 1 } } << qint64(1);
    QTest::newRow("10,000,000") << QJsonObject { { "amount", 10'000'000 } } << qint64(10'000'000);
    QTest::newRow("1e7 as a double") << QJsonObject { { "amount", 1e7 } } << qint64(10'000'000);
    QTest::newRow("0") << QJsonObject { { "amount", 0 } } << qint64(0);
    QTest::newRow("10,000,001") << QJsonObject { { "amount", 10'000'001 } } << qint64(0);
    QTest::newRow("1.5") << QJsonObject { { "amount", 1.5 } } << qint64(0);
    QTest::newRow("string") << QJsonObject { { "amount", "100" } } << qint64(0);
    QTest::newRow("null") << QJsonObject { { "amount", QJsonValue(QJsonValue::Null) } } << qint64(0);
    QTest::newRow("missing") << QJsonObject() << qint64(0);
}

void tst_RequestValidation::chargeAmount()
{
    QFETCH(QJsonObject, body);
    QFETCH(qint64, amount);

    const Result<qint64> r = RequestValidation::chargeAmount(body);
    CHECK_OUTCOME(r, ErrorCode::InvalidAmount, amount == 0 ? QStringLiteral("amount") : QString());
    if (r.ok())
        QCOMPARE(r.value(), amount);
}

void tst_RequestValidation::page_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("field");

    QTest::newRow("defaults") << "" << 1 << 20 << "";
    QTest::newRow("page and size") << "page=3&size=50" << 3 << 50 << "";
    QTest::newRow("size=100") << "size=100" << 1 << 100 << "";
    QTest::newRow("page=0") << "page=0" << 0 << 0 << "page";
    QTest::newRow("page=-1") << "page=-1" << 0 << 0 << "page";
    QTest::newRow("page=abc") << "page=abc" << 0 << 0 << "page";
    QTest::newRow("size=0") << "size=0" << 0 << 0 << "size";
    QTest::newRow("size=101") << "size=101" << 0 << 0 << "size";
    QTest::newRow("size=abc") << "page=2&size=abc" << 0 << 0 << "size";
}

void tst_RequestValidation::page()
{
    QFETCH(QString, query);
    QFETCH(int, page);
    QFETCH(int, size);
    QFETCH(QString, field);

    const auto r = RequestValidation::page(QUrlQuery(query));
    CHECK_OUTCOME(r, ErrorCode::ValidationFailed, field);
    if (r.ok()) {
        QCOMPARE(r->page, page);
        QCOMPARE(r->size, size);
        QCOMPARE(r->offset(), (page - 1) * size);
    }
}

void tst_RequestValidation::id_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // 0: refused

    QTest::newRow("42") << "42" << qint64(42);
    QTest::newRow("large") << "9000000000" << qint64(9'000'000'000);
    QTest::newRow("0") << "0" << qint64(0);
    QTest::newRow("-1") << "-1" << qint64(0);
    QTest::newRow("abc") << "abc" << qint64(0);
    QTest::newRow("+5") << "+5" << qint64(0);
    QTest::newRow("empty") << "" << qint64(0);
    QTest::newRow("4.2") << "4.2" << qint64(0);
    QTest::newRow("overflow") << "99999999999999999999" << qint64(0);
}

void tst_RequestValidation::id()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);

    const Result<qint64> r = RequestValidation::id(text, QStringLiteral("productId"));
    CHECK_OUTCOME(r, ErrorCode::ValidationFailed, expected == 0 ? QStringLiteral("productId") : QString());
    if (r.ok())
        QCOMPARE(r.value(), expected);
}

void tst_RequestValidation::product_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<bool>("create");
    QTest::addColumn<QString>("field");

    const QJsonObject full { { "name", "Mug" }, { "price", 4500 }, { "stock", 10 } };
    QTest::newRow("create: all fields") << full << true << "";
    QTest::newRow("create: name trimmed") << with(full, { { "name", "  Blue Mug " } }) << true << "";
    QTest::newRow("create: price 0, stock 0") << with(full, { { "price", 0 }, { "stock", 0 } }) << true << "";
    QTest::newRow("create: price 1e9") << with(full, { { "price", 1e9 } }) << true << "";
    QTest::newRow("create: 200-char name") << with(full, { { "name", repeat('n', 200) } }) << true << "";
    QTest::newRow("create: missing name") << without(full, "name") << true << "name";
    QTest::newRow("create: empty name") << with(full, { { "name", "" } }) << true << "name";
    QTest::newRow("create: whitespace name") << with(full, { { "name", "   \t" } }) << true << "name";
    QTest::newRow("create: 201-char name") << with(full, { { "name", repeat('n', 201) } }) << true << "name";
    QTest::newRow("create: missing price") << without(full, "price") << true << "price";
    QTest::newRow("create: negative price") << with(full, { { "price", -1 } }) << true << "price";
    QTest::newRow("create: price 1e9+1") << with(full, { { "price", 1'000'000'001 } }) << true << "price";
    QTest::newRow("create: missing stock") << without(full, "stock") << true << "stock";
    QTest::newRow("create: stock -1") << with(full, { { "stock", -1 } }) << true << "stock";
    QTest::newRow("create: stock 1.5") << with(full, { { "stock", 1.5 } }) << true << "stock";
    QTest::newRow("update: empty object") << QJsonObject() << false << "name";
    QTest::newRow("update: only stock, name and price unset") << QJsonObject { { "stock", 5 } } << false << "";
    QTest::newRow("update: empty name") << QJsonObject { { "name", " " } } << false << "name";
    QTest::newRow("update: negative price") << QJsonObject { { "price", -1 } } << false << "price";
}

void tst_RequestValidation::product()
{
    QFETCH(QJsonObject, body);
    QFETCH(bool, create);
    QFETCH(QString, field);

    const auto r = RequestValidation::product(body, create);
    CHECK_OUTCOME(r, ErrorCode::ValidationFailed, field);
    if (r.ok()) {
        // Valid creates carry every field, so a draft field is set exactly when the body has it.
        const QJsonValue name = body.value(QStringLiteral("name"));
        QCOMPARE(r->name.has_value(), !name.isUndefined());
        QCOMPARE(r->name.value_or(QString()), name.toString().trimmed());
        const QJsonValue price = body.value(QStringLiteral("price"));
        QCOMPARE(r->price.has_value(), !price.isUndefined());
        QCOMPARE(r->price.value_or(0), price.toInteger());
        const QJsonValue stock = body.value(QStringLiteral("stock"));
        QCOMPARE(r->stock.has_value(), !stock.isUndefined());
        QCOMPARE(r->stock.value_or(0), stock.toInteger());
    }
}

void tst_RequestValidation::coupon_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");

    const QJsonObject base = validCoupon();
    const QJsonObject rate = with(base, { { "discountType", "RATE" }, { "discountValue", 10 } });
    QTest::newRow("valid FIXED") << base << "";
    QTest::newRow("valid RATE") << rate << "";
    QTest::newRow("RATE 100") << with(rate, { { "discountValue", 100 } }) << "";
    QTest::newRow("FIXED 1e9") << with(base, { { "discountValue", 1e9 } }) << "";
    QTest::newRow("validUntil with an offset") << with(base, { { "validUntil", "2030-01-01T09:00:00+09:00" } }) << "";
    QTest::newRow("name missing") << without(base, "name") << "name";
    QTest::newRow("discountType PERCENT") << with(base, { { "discountType", "PERCENT" } }) << "discountType";
    QTest::newRow("discountType missing") << without(base, "discountType") << "discountType";
    QTest::newRow("RATE 0") << with(rate, { { "discountValue", 0 } }) << "discountValue";
    QTest::newRow("RATE 101") << with(rate, { { "discountValue", 101 } }) << "discountValue";
    QTest::newRow("FIXED 0") << with(base, { { "discountValue", 0 } }) << "discountValue";
    QTest::newRow("FIXED 1e9+1") << with(base, { { "discountValue", 1'000'000'001 } }) << "discountValue";
    QTest::newRow("quantity 0") << with(base, { { "quantity", 0 } }) << "quantity";
    QTest::newRow("validFrom without a zone") << with(base, { { "validFrom", "2026-01-01T00:00:00" } }) << "validFrom";
    QTest::newRow("validUntil missing") << without(base, "validUntil") << "validUntil";
    QTest::newRow("validUntil without a zone") << with(base, { { "validUntil", "2030-01-01T00:00:00" } })
                                               << "validUntil";
    QTest::newRow("validUntil before validFrom")
            << with(base, { { "validFrom", "2030-01-01T00:00:00Z" }, { "validUntil", "2029-12-31T00:00:00Z" } })
            << "validUntil";
    QTest::newRow("validUntil equal to validFrom") << with(base, { { "validUntil", "2026-01-01T00:00:00Z" } })
                                                   << "validUntil";
    // validFrom defaults to now (2026-01-01), so an earlier validUntil is refused.
    QTest::newRow("validFrom omitted, validUntil before now")
            << with(without(base, "validFrom"), { { "validUntil", "2025-12-31T00:00:00Z" } }) << "validUntil";
}

void tst_RequestValidation::coupon()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);

    const Result<Coupon> r = RequestValidation::coupon(body, kNow);
    CHECK_OUTCOME(r, ErrorCode::ValidationFailed, field);
}

void tst_RequestValidation::couponValues()
{
    const QJsonObject body = with(validCoupon(), { { "name", " Spring " },
                                                   { "discountType", "RATE" },
                                                   { "discountValue", 15 },
                                                   { "quantity", 250 },
                                                   { "validFrom", "2026-03-01T09:00:00+09:00" } });
    const Result<Coupon> r = RequestValidation::coupon(body, kNow);
    QVERIFY(r.ok());
    QCOMPARE(r->name, QStringLiteral("Spring"));
    QCOMPARE(r->discountType, DiscountType::Rate);
    QCOMPARE(r->discountValue, qint64(15));
    QCOMPARE(r->quantity, qint64(250));
    QCOMPARE(r->validFrom, QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(r->validUntil, QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC));

    // Without validFrom the coupon is valid from `now`.
    const QDateTime now(QDate(2027, 6, 15), QTime(12, 30, 45), Qt::UTC);
    const Result<Coupon> fromNow = RequestValidation::coupon(without(validCoupon(), QStringLiteral("validFrom")), now);
    QVERIFY(fromNow.ok());
    QCOMPARE(fromNow->validFrom, now);
    QCOMPARE(fromNow->discountType, DiscountType::Fixed);
}

void tst_RequestValidation::order_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");

    const QJsonValue null(QJsonValue::Null);
    QTest::newRow("one line") << orderWithLines(1) << "";
    QTest::newRow("50 lines") << orderWithLines(50) << "";
    QTest::newRow("descending lines") << orderWith({ line(3, 1), line(2, 1), line(1, 1) }) << "";
    QTest::newRow("quantity 1000") << orderWith({ line(1, 1000) }) << "";
    QTest::newRow("userCouponId absent") << orderWithLines(2) << "";
    QTest::newRow("userCouponId null") << with(orderWithLines(2), { { "userCouponId", null } }) << "";
    QTest::newRow("userCouponId 9") << with(orderWithLines(2), { { "userCouponId", 9 } }) << "";
    QTest::newRow("0 lines") << orderWithLines(0) << "items";
    QTest::newRow("51 lines") << orderWithLines(51) << "items";
    QTest::newRow("quantity 0") << orderWith({ line(1, 0) }) << "items[0].quantity";
    QTest::newRow("quantity 1001") << orderWith({ line(1, 1001) }) << "items[0].quantity";
    QTest::newRow("quantity 0 on line 2") << orderWith({ line(1, 1), line(2, 0) }) << "items[1].quantity";
    QTest::newRow("duplicate productId") << orderWith({ line(5, 1), line(5, 2) }) << "items[1].productId";
    QTest::newRow("productId 0") << orderWith({ line(0, 1) }) << "items[0].productId";
    QTest::newRow("line not an object") << orderWith({ 1 }) << "items[0].productId";
    QTest::newRow("userCouponId 0") << with(orderWithLines(1), { { "userCouponId", 0 } }) << "userCouponId";
    QTest::newRow("userId missing") << without(orderWithLines(1), "userId") << "userId";
    QTest::newRow("userId 0") << with(orderWithLines(1), { { "userId", 0 } }) << "userId";
    QTest::newRow("userId null") << with(orderWithLines(1), { { "userId", null } }) << "userId";
}

void tst_RequestValidation::order()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);

    const auto r = RequestValidation::order(body);
    CHECK_OUTCOME(r, ErrorCode::ValidationFailed, field);
    if (r.ok()) {
        QCOMPARE(r->userId, body.value(QStringLiteral("userId")).toInteger());
        QCOMPARE(r->items.size(), body.value(QStringLiteral("items")).toArray().size());
        const QJsonValue coupon = body.value(QStringLiteral("userCouponId"));
        QCOMPARE(r->userCouponId, coupon.isDouble() ? coupon.toInteger() : qint64(0)); // absent or null: 0
    }
}

void tst_RequestValidation::orderSortsItems()
{
    const QJsonObject body { { "userId", 7 },
                             { "items", QJsonArray { line(30, 1), line(20, 3), line(10, 2) } },
                             { "userCouponId", 4 } };
    const auto r = RequestValidation::order(body);
    QVERIFY(r.ok());
    QCOMPARE(r->userId, qint64(7));
    QCOMPARE(r->userCouponId, qint64(4));
    const QList<QPair<qint64, qint64>> expected { { 10, 2 }, { 20, 3 }, { 30, 1 } };
    QCOMPARE(r->items, expected);
}

void tst_RequestValidation::idempotencyKey_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("uuid") << QByteArray("3f2b8c1e-9d4a-4e7b-8a6f-0c5d2e1b7a90") << true;
    QTest::newRow("visible ASCII") << QByteArray("!~{}[]") << true;
    QTest::newRow("64 chars") << QByteArray(64, 'k') << true;
    QTest::newRow("65 chars") << QByteArray(65, 'k') << false;
    QTest::newRow("contains a space") << QByteArray("abc def") << false;
    QTest::newRow("contains a tab") << QByteArray("abc\tdef") << false;
    QTest::newRow("non-ASCII") << QByteArray("caf\xc3\xa9") << false;
}

void tst_RequestValidation::idempotencyKey()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, valid);

    const Result<QString> r = RequestValidation::idempotencyKey(header);
    CHECK_OUTCOME(r, ErrorCode::ValidationFailed, valid ? QString() : QStringLiteral("Idempotency-Key"));
    if (r.ok()) {
        QCOMPARE(r.value(), QString::fromLatin1(header));
        QCOMPARE(r.value().isEmpty(), header.isEmpty());
    }
}

QTEST_GUILESS_MAIN(tst_RequestValidation)
#include "tst_requestvalidation.moc"

#include "ParallelRequests.h"
#include "ShippingSteps.h"

#include <QtTest/QTest>

// Addresses (API.md, Shipping: addresses) over real HTTP: the checks and the phone's
// normal form, the default, the limit of 20, who may touch a book, and the copy an order
// keeps of its address.
class tst_Addresses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void addressChecks_data();
    void addressChecks();
    void defaultMoves();
    void ownerOrAdmin();
    void atMostTwenty();
    void orderKeepsItsCopy();
    void orderAddressMustBeTheBuyers();

private:
    QString path(const ShopFixture::User &user, qint64 addressId = 0) const;
    QList<bool> defaults(const ShopFixture::User &user);

    ShopFixture m_shop;
    ShippingSteps m_steps { m_shop };
};

void tst_Addresses::initTestCase()
{
    QVERIFY(m_shop.start(4));
}

void tst_Addresses::cleanup()
{
    const QString violations = m_shop.invariantViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations));
}

void tst_Addresses::cleanupTestCase()
{
    m_shop.stop();
}

QString tst_Addresses::path(const ShopFixture::User &user, qint64 addressId) const
{
    QString p = QStringLiteral("/api/v1/users/%1/addresses").arg(user.id);
    if (addressId > 0)
        p += QStringLiteral("/%1").arg(addressId);
    return p;
}

QList<bool> tst_Addresses::defaults(const ShopFixture::User &user)
{
    QList<bool> out;
    for (const QJsonValue &a : m_shop.client().get(path(user), user.auth()).json().value("items").toArray())
        out << a.toObject().value("isDefault").toBool();
    return out;
}

void tst_Addresses::addressChecks_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("status");
    // 201: the phone as answered; 400: the field the error names.
    QTest::addColumn<QString>("expected");
    const QString ga50(50, QChar(0xAC00)); // 가 × 50
    QTest::newRow("mobile, digits") << "phone" << QJsonValue("01012345678") << 201 << "010-1234-5678";
    QTest::newRow("mobile, hyphens") << "phone" << QJsonValue("010-1234-5678") << 201 << "010-1234-5678";
    QTest::newRow("mobile, 3-digit exchange") << "phone" << QJsonValue("0111234567") << 201 << "011-123-4567";
    QTest::newRow("Seoul, 3-digit exchange") << "phone" << QJsonValue("02-123-4567") << 201 << "02-123-4567";
    QTest::newRow("Seoul, 4-digit exchange") << "phone" << QJsonValue("0212345678") << 201 << "02-1234-5678";
    QTest::newRow("Gyeonggi, spaces") << "phone" << QJsonValue("031 123 4567") << 201 << "031-123-4567";
    QTest::newRow("nationwide") << "phone" << QJsonValue("1588-1234") << 201 << "1588-1234";
    QTest::newRow("phone with letters") << "phone" << QJsonValue("010-abcd-5678") << 400 << "phone";
    QTest::newRow("phone too short") << "phone" << QJsonValue("010-123") << 400 << "phone";
    QTest::newRow("phone unknown prefix") << "phone" << QJsonValue("09012345678") << 400 << "phone";
    QTest::newRow("phone a number") << "phone" << QJsonValue(1012345678) << 400 << "phone";
    QTest::newRow("phone missing") << "phone" << QJsonValue(QJsonValue::Undefined) << 400 << "phone";
    QTest::newRow("postal code, 4 digits") << "postalCode" << QJsonValue("0623") << 400 << "postalCode";
    QTest::newRow("postal code, 6 digits") << "postalCode" << QJsonValue("062345") << 400 << "postalCode";
    QTest::newRow("postal code, a letter") << "postalCode" << QJsonValue("06a34") << 400 << "postalCode";
    QTest::newRow("postal code, full-width digits")
            << "postalCode" << QJsonValue(QStringLiteral("\uff10\uff16\uff12\uff13\uff14")) << 400 << "postalCode";
    QTest::newRow("recipient empty") << "recipient" << QJsonValue("") << 400 << "recipient";
    QTest::newRow("recipient only spaces") << "recipient" << QJsonValue("   ") << 400 << "recipient";
    QTest::newRow("recipient missing") << "recipient" << QJsonValue(QJsonValue::Undefined) << 400 << "recipient";
    QTest::newRow("recipient, 50 Hangul") << "recipient" << QJsonValue(ga50) << 201 << "010-1234-5678";
    QTest::newRow("recipient, 51 Hangul") << "recipient" << QJsonValue(ga50 + QChar(0xAC00)) << 400 << "recipient";
    QTest::newRow("road address empty") << "address1" << QJsonValue("") << 400 << "address1";
    QTest::newRow("road address, 200") << "address1" << QJsonValue(QString(200, QChar(0xB85C))) << 201 << "010-1234-5678";
    QTest::newRow("road address, 201") << "address1" << QJsonValue(QString(201, QChar(0xB85C))) << 400 << "address1";
    QTest::newRow("detail empty") << "address2" << QJsonValue("") << 201 << "010-1234-5678";
    QTest::newRow("detail left out") << "address2" << QJsonValue(QJsonValue::Undefined) << 201 << "010-1234-5678";
    QTest::newRow("name left out") << "label" << QJsonValue(QJsonValue::Undefined) << 201 << "010-1234-5678";
    QTest::newRow("name of spaces") << "label" << QJsonValue("   ") << 201 << "010-1234-5678";
    QTest::newRow("detail, 201") << "address2" << QJsonValue(QString(201, u'x')) << 400 << "address2";
    QTest::newRow("label, 30") << "label" << QJsonValue(QString(30, u'x')) << 201 << "010-1234-5678";
    QTest::newRow("label, 31") << "label" << QJsonValue(QString(31, u'x')) << 400 << "label";
    QTest::newRow("isDefault not a boolean") << "isDefault" << QJsonValue("yes") << 400 << "isDefault";
}

void tst_Addresses::addressChecks()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(int, status);
    QFETCH(QString, expected);
    const ShopFixture::User shopper = m_shop.newShopper();
    QJsonObject body = ShippingSteps::addressBody();
    if (value.isUndefined())
        body.remove(field);
    else
        body.insert(field, value);
    const HttpClient::Reply r = m_shop.client().post(path(shopper), body, shopper.auth());
    QCOMPARE(r.status, status);
    if (status == 201) {
        QCOMPARE(r.json().value("phone").toString(), expected);
        QCOMPARE(r.json().value("isDefault").toBool(), true); // the first is the default
        QCOMPARE(m_shop.client().get(path(shopper), shopper.auth()).json().value("items").toArray(), QJsonArray { r.json() });
    } else {
        QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION_FAILED"));
        QCOMPARE(r.json().value("error").toObject().value("details").toObject().value("field").toString(), expected);
        QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM addresses WHERE user_id = ?"), { shopper.id }), 0);
    }
}

void tst_Addresses::defaultMoves()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    QCOMPARE(m_shop.client().get(path(shopper), shopper.auth()).json().value("items").toArray(), QJsonArray());
    const qint64 home = m_steps.addAddress(shopper);
    QJsonObject body = ShippingSteps::addressBody(QStringLiteral("이서연"), QStringLiteral("부산광역시 해운대구 센텀중앙로 79"));
    body.insert("isDefault", false);
    const qint64 office = m_steps.addAddress(shopper, body);
    body.insert("isDefault", true);
    const qint64 parents = m_steps.addAddress(shopper, body);
    QVERIFY(home > 0 && office > 0 && parents > 0);
    QCOMPARE(defaults(shopper), (QList<bool> { false, false, true }));

    // isDefault: true moves it, with any other change in the same PATCH.
    const HttpClient::Reply moved =
            m_shop.client().send("PATCH", path(shopper, office), R"({"isDefault": true, "address2": "3층"})", shopper.auth());
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.json().value("address2").toString(), QStringLiteral("3층"));
    QCOMPARE(moved.json().value("recipient").toString(), QStringLiteral("이서연"));
    QCOMPARE(defaults(shopper), (QList<bool> { false, true, false }));
    // false does not clear it: the default moves by naming another address.
    QCOMPARE(m_shop.client().send("PATCH", path(shopper, office), R"({"isDefault": false})", shopper.auth()).status, 200);
    QCOMPARE(defaults(shopper), (QList<bool> { false, true, false }));
    // A bad PATCH changes nothing.
    const HttpClient::Reply bad =
            m_shop.client().send("PATCH", path(shopper, office), R"({"phone": "12", "recipient": "박"})", shopper.auth());
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json().value("error").toObject().value("details").toObject().value("field").toString(), QStringLiteral("phone"));
    QCOMPARE(m_shop.client().send("PATCH", path(shopper, office), "{}", shopper.auth()).status, 400);
    QCOMPARE(m_shop.client().get(path(shopper), shopper.auth()).json().value("items").toArray().at(1).toObject().value("recipient"),
             QJsonValue("이서연"));

    // Deleting the default makes the oldest left the default.
    QCOMPARE(m_shop.client().send("DELETE", path(shopper, office), {}, shopper.auth()).status, 204);
    QCOMPARE(defaults(shopper), (QList<bool> { true, false }));
    QCOMPARE(m_shop.client().send("DELETE", path(shopper, office), {}, shopper.auth()).status, 404);
    QCOMPARE(m_shop.client().send("PATCH", path(shopper, office), R"({"label": "x"})", shopper.auth()).status, 404);
    // Deleting one that is not the default leaves the default where it is.
    QCOMPARE(m_shop.client().send("DELETE", path(shopper, parents), {}, shopper.auth()).status, 204);
    QCOMPARE(defaults(shopper), (QList<bool> { true }));
    QCOMPARE(m_shop.client().send("DELETE", path(shopper, home), {}, shopper.auth()).status, 204);
    QCOMPARE(defaults(shopper), (QList<bool> {}));
}

void tst_Addresses::ownerOrAdmin()
{
    const ShopFixture::User owner = m_shop.newShopper();
    const ShopFixture::User other = m_shop.newShopper();
    const qint64 mine = m_steps.addAddress(owner);
    QVERIFY(mine > 0);
    QCOMPARE(m_shop.client().get(path(owner), other.auth()).errorCode(), QStringLiteral("FORBIDDEN"));
    QCOMPARE(m_shop.client().post(path(owner), ShippingSteps::addressBody(), other.auth()).status, 403);
    QCOMPARE(m_shop.client().send("PATCH", path(owner, mine), R"({"label": "x"})", other.auth()).status, 403);
    QCOMPARE(m_shop.client().send("DELETE", path(owner, mine), {}, other.auth()).status, 403);
    // Another user's address through one's own book names nothing there.
    QCOMPARE(m_shop.client().send("PATCH", path(other, mine), R"({"label": "x"})", other.auth()).status, 404);
    QCOMPARE(m_shop.client().get(path(owner), {}).status, 401);
    // An admin may read and change any book.
    QCOMPARE(m_shop.client().get(path(owner), m_shop.admin().auth()).json().value("items").toArray().size(), 1);
    const HttpClient::Reply edited =
            m_shop.client().send("PATCH", path(owner, mine), R"({"label": "회사"})", m_shop.admin().auth());
    QCOMPARE(edited.status, 200);
    QCOMPARE(edited.json().value("label").toString(), QStringLiteral("회사"));
}

void tst_Addresses::atMostTwenty()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    for (int i = 0; i < 18; ++i)
        QVERIFY(m_steps.addAddress(shopper) > 0);
    // Four at once for the last two places: the owner's row lock lets exactly two in.
    QList<ParallelRequests::Request> requests;
    for (int i = 0; i < 4; ++i)
        requests.append({ "POST", path(shopper), QJsonDocument(ShippingSteps::addressBody()).toJson(QJsonDocument::Compact),
                          shopper.auth() });
    QList<int> statuses;
    for (const HttpClient::Reply &r : ParallelRequests::run(m_shop.baseUrl(), requests))
        statuses << r.status;
    std::sort(statuses.begin(), statuses.end());
    QCOMPARE(statuses, (QList<int> { 201, 201, 400, 400 }));
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM addresses WHERE user_id = ?"), { shopper.id }), 20);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM addresses WHERE user_id = ? AND is_default = 1"), { shopper.id }), 1);
    const HttpClient::Reply refused = m_shop.client().post(path(shopper), ShippingSteps::addressBody(), shopper.auth());
    QCOMPARE(refused.errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(refused.json().value("error").toObject().value("details").toObject().value("maxAddresses").toInt(), 20);
}

void tst_Addresses::orderKeepsItsCopy()
{
    const ShopFixture::User buyer = m_shop.newShopper();
    QVERIFY(m_shop.charge(buyer, 100000));
    const qint64 tea = m_shop.createProduct(QStringLiteral("보성 녹차"), 12000, 10);
    const qint64 address = m_steps.addAddress(buyer);
    const QJsonObject placed = m_steps.order(buyer, { { tea, 2 } }, address);
    QVERIFY(!placed.isEmpty());
    const QJsonObject copy { { "recipient", "김민지" },
                             { "phone", "010-1234-5678" },
                             { "postalCode", "06234" },
                             { "address1", "서울특별시 강남구 테헤란로 123" },
                             { "address2", "5층 501호" } };
    QCOMPARE(placed.value("shipping").toObject(), copy);
    QCOMPARE(placed.value("fulfilment").toObject(), (QJsonObject { { "status", "UNFULFILLED" } }));

    // The address edited, then deleted: the order still goes where it was paid to go.
    QCOMPARE(m_shop.client().send("PATCH", path(buyer, address), R"({"recipient": "박서준", "postalCode": "48058"})", buyer.auth())
                     .status,
             200);
    const QString orderPath = QStringLiteral("/api/v1/orders/%1").arg(placed.value("id").toInteger());
    QCOMPARE(m_shop.client().get(orderPath, buyer.auth()).json().value("shipping").toObject(), copy);
    QCOMPARE(m_shop.client().send("DELETE", path(buyer, address), {}, buyer.auth()).status, 204);
    QCOMPARE(m_shop.client().get(orderPath, buyer.auth()).json().value("shipping").toObject(), copy);
    const QJsonArray listed =
            m_shop.client().get(QStringLiteral("/api/v1/users/%1/orders").arg(buyer.id), buyer.auth()).json().value("items").toArray();
    QCOMPARE(listed.first().toObject().value("shipping").toObject(), copy);

    // Without an address: picked up in person.
    const QJsonObject pickup = m_steps.order(buyer, { { tea, 1 } });
    QVERIFY(pickup.contains("shipping"));
    QCOMPARE(pickup.value("shipping"), QJsonValue(QJsonValue::Null));
    QCOMPARE(pickup.value("fulfilment").toObject(), (QJsonObject { { "status", "UNFULFILLED" } }));
}

void tst_Addresses::orderAddressMustBeTheBuyers()
{
    const ShopFixture::User buyer = m_shop.newShopper();
    const ShopFixture::User other = m_shop.newShopper();
    QVERIFY(m_shop.charge(buyer, 100000));
    const qint64 tea = m_shop.createProduct(QStringLiteral("우전 녹차"), 15000, 10);
    const qint64 theirs = m_steps.addAddress(other);
    const qint64 gone = m_steps.addAddress(buyer);
    QCOMPARE(m_shop.client().send("DELETE", path(buyer, gone), {}, buyer.auth()).status, 204);
    for (const QJsonValue &addressId : { QJsonValue(theirs), QJsonValue(gone), QJsonValue("1"), QJsonValue(-1) }) {
        const HttpClient::Reply r = m_shop.client().post(
                QStringLiteral("/api/v1/orders"),
                { { "userId", buyer.id }, { "items", ShippingSteps::lines({ { tea, 1 } }) }, { "addressId", addressId } }, buyer.auth());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("error").toObject().value("details").toObject().value("field").toString(), QStringLiteral("addressId"));
    }
    // Nothing was taken.
    QCOMPARE(m_shop.balanceOf(buyer), 100000);
    QCOMPARE(m_shop.stockOf(tea), 10);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE user_id = ?"), { buyer.id }), 0);
}

QTEST_GUILESS_MAIN(tst_Addresses)
#include "tst_addresses.moc"

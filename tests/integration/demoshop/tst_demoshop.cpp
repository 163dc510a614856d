#include "Database.h"
#include "ShopFixture.h"
#include "TestStack.h"

#include <QtCore/QJsonArray>
#include <QtCore/QUrl>
#include <QtSql/QSqlQuery>

#include <QtTest/QTest>

// POST/GET /api/v1/admin/demo-shop (an extension of API.md for the app's offer on an
// empty shop): admins only, 202 and a background load with progress, refused while it
// runs and once the shop has products, and loaded once even when two server instances
// on one MySQL are asked at the same moment. What it loads is one Korean shop with 14
// days behind it: addresses, orders in every fulfilment state, returns, a stock ledger
// spread over the days, and the audit row of the admin who loaded it.
class tst_DemoShop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void onlyAdminsMayLoadIt_data();
    void onlyAdminsMayLoadIt();
    void loadsOnceAcrossInstances();
    void ordersInEveryFulfilmentState();
    void shoppersHaveKoreanAddresses();
    void historySpreadOverTheDays();
    void oneKoreanShop();
    void theLoadIsAudited();
    void couponsAsTheCommandLineMakesThem();
    void topProductsAgreeWithPaidLines();
    void everyDemoProductSellsWithAKey();
    void refusedOnceTheShopHasProducts();

private:
    QJsonObject progress(ShopFixture &shop)
    {
        return shop.client().get(QStringLiteral("/api/v1/admin/demo-shop"), shop.admin().auth()).json();
    }

    ShopFixture m_shop;
    ShopFixture m_other; // a second instance on the same MySQL, Redis and Kafka
};

void tst_DemoShop::initTestCase()
{
    QVERIFY(TestStack::truncateAll());
    QVERIFY(m_shop.start(2));
    QVERIFY(m_other.start(2));
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM products")), 0);
}

void tst_DemoShop::cleanupTestCase()
{
    m_other.stop();
    m_shop.stop();
}

void tst_DemoShop::onlyAdminsMayLoadIt_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("signedIn");
    QTest::addColumn<int>("status");
    QTest::newRow("POST as a shopper") << QByteArray("POST") << true << 403;
    QTest::newRow("GET as a shopper") << QByteArray("GET") << true << 403;
    QTest::newRow("POST without a token") << QByteArray("POST") << false << 401;
    QTest::newRow("GET without a token") << QByteArray("GET") << false << 401;
}

void tst_DemoShop::onlyAdminsMayLoadIt()
{
    QFETCH(QByteArray, method);
    QFETCH(bool, signedIn);
    QFETCH(int, status);
    const ShopFixture::User shopper = m_shop.newShopper();
    const auto reply = m_shop.client().send(method, QStringLiteral("/api/v1/admin/demo-shop"), QByteArray(),
                                            signedIn ? shopper.auth() : QHash<QByteArray, QByteArray> {});
    QCOMPARE(reply.status, status);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM products")), 0);
    QCOMPARE(progress(m_shop).value(QStringLiteral("state")).toString(), QStringLiteral("idle"));
}

void tst_DemoShop::loadsOnceAcrossInstances()
{
    // The empty shop's list, now in the catalogue cache (Redis) of both instances, and
    // its empty rankings (Redis' sets, marked ready) asked for by both.
    for (ShopFixture *shop : { &m_shop, &m_other }) {
        QCOMPARE(shop->client().get(QStringLiteral("/api/v1/products?page=1&size=20"), shop->admin().auth()).json().value("total").toInteger(), 0);
        QCOMPARE(shop->client().get(QStringLiteral("/api/v1/products/top?days=30&limit=20"), shop->admin().auth()).json().value("items").toArray().size(), 0);
    }
    const auto first = m_shop.client().send("POST", QStringLiteral("/api/v1/admin/demo-shop"), QByteArray(),
                                            m_shop.admin().auth());
    QCOMPARE(first.status, 202);
    QCOMPARE(first.json().value(QStringLiteral("state")).toString(), QStringLiteral("running"));
    // The same moment on this instance and on the other one: refused, whichever check
    // (the load running, its lock, or products already there) catches it.
    for (ShopFixture *shop : { &m_shop, &m_other }) {
        const auto again = shop->client().send("POST", QStringLiteral("/api/v1/admin/demo-shop"), QByteArray(),
                                               shop->admin().auth());
        QCOMPARE(again.status, 409);
        QVERIFY2(QStringList({ "DEMO_SHOP_RUNNING", "SHOP_NOT_EMPTY" }).contains(again.errorCode()), again.body);
    }
    // Progress moves and ends in done, with done == total. The deliveries and returns
    // after the last order take seconds: they are a step of their own, short of the
    // total (the bar sat at 100 % through them, seen under Xvfb).
    QJsonObject last;
    bool shippingSeenShortOfTotal = false;
    QVERIFY(QTest::qWaitFor(
            [&] {
                last = progress(m_shop);
                if (last.value(QStringLiteral("message")).toString() == QLatin1String("shipping"))
                    shippingSeenShortOfTotal = last.value(QStringLiteral("done")).toInt() < last.value(QStringLiteral("total")).toInt();
                return last.value(QStringLiteral("state")).toString() != QLatin1String("running");
            },
            180000));
    QVERIFY(shippingSeenShortOfTotal);
    QCOMPARE(last.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    QVERIFY(last.value(QStringLiteral("total")).toInt() > 240);
    QCOMPARE(last.value(QStringLiteral("done")).toInt(), last.value(QStringLiteral("total")).toInt());
    QVERIFY2(last.value(QStringLiteral("message")).toString().contains(QStringLiteral("240 products")),
             qPrintable(last.value(QStringLiteral("message")).toString()));
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM products")), 240);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM categories")), 48);
    QVERIFY(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM orders")) > 0);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE username LIKE 'demo-shopper-%'")), 12);
    // The lock went with the load: the other instance sees nothing running.
    QCOMPARE(progress(m_other).value(QStringLiteral("state")).toString(), QStringLiteral("idle"));
    QCOMPARE(m_shop.invariantViolations(), QString());
    // Shown at once on every instance, not after the cache's minute.
    for (ShopFixture *shop : { &m_shop, &m_other })
        QCOMPARE(shop->client().get(QStringLiteral("/api/v1/products?page=1&size=20"), shop->admin().auth()).json().value("total").toInteger(), 240);
}

void tst_DemoShop::ordersInEveryFulfilmentState()
{
    const auto count = [this](const char *where) {
        return m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM orders o WHERE ") + QLatin1String(where));
    };
    // The packing queue has today's orders, the oldest are delivered.
    for (const char *state : { "UNFULFILLED", "PACKED", "SHIPPED", "DELIVERED" })
        QVERIFY2(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE fulfilment_status = ?"), { QLatin1String(state) }) >= 1,
                 state);
    // Some were picked up in person: packed and handed over, never shipped.
    QVERIFY(count("ship_recipient IS NULL AND fulfilment_status = 'DELIVERED'") >= 1);
    QCOMPARE(count("ship_recipient IS NULL AND fulfilment_status = 'SHIPPED'"), 0);
    // A shipment has a carrier of API.md's list and a tracking number of its kind.
    QVERIFY(count("fulfilment_status IN ('SHIPPED', 'DELIVERED') AND carrier IS NOT NULL") >= 1);
    QCOMPARE(count("fulfilment_status IN ('SHIPPED', 'DELIVERED') AND ship_recipient IS NOT NULL AND "
                   "(carrier NOT IN ('CJ', 'EPOST', 'HANJIN', 'LOTTE', 'LOGEN') OR tracking_number NOT REGEXP '^[0-9]{11,13}$')"),
             0);
    // Each step after the one before it, none in the future.
    QCOMPARE(count("packed_at < paid_at OR shipped_at < packed_at OR delivered_at < COALESCE(shipped_at, packed_at) "
                   "OR GREATEST(paid_at, COALESCE(delivered_at, shipped_at, packed_at, paid_at)) > UTC_TIMESTAMP(3)"),
             0);
    // Returns: waiting for the admin, accepted (refunded) and rejected.
    const auto returns = [this](const char *status) {
        return m_shop.client()
                .get(QStringLiteral("/api/v1/admin/returns?status=%1&page=1&size=20").arg(QLatin1String(status)), m_shop.admin().auth())
                .json()
                .value(QStringLiteral("total"))
                .toInteger();
    };
    QVERIFY(returns("REQUESTED") >= 1);
    QVERIFY(returns("ACCEPTED") >= 1);
    QVERIFY(returns("REJECTED") >= 1);
    // The admin's packing queue says the same.
    const QJsonObject queue = m_shop.client()
                                      .get(QStringLiteral("/api/v1/admin/fulfilment?status=UNFULFILLED&page=1&size=5"), m_shop.admin().auth())
                                      .json();
    QVERIFY(queue.value(QStringLiteral("total")).toInteger() >= 1);
    QVERIFY(queue.value(QStringLiteral("counts")).toObject().value(QStringLiteral("PACKED")).toInteger() >= 1);
    QVERIFY(!queue.value(QStringLiteral("oldestWaitingPaidAt")).toString().isEmpty());
    QCOMPARE(m_shop.invariantViolations(), QString());
}

void tst_DemoShop::shoppersHaveKoreanAddresses()
{
    // Every demo shopper: an address book with exactly one default.
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM users u WHERE u.username LIKE 'demo-shopper-%' AND "
                                          "(SELECT COUNT(*) FROM addresses a WHERE a.user_id = u.id AND a.is_default = 1) = 1")),
             12);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM addresses WHERE postal_code NOT REGEXP '^[0-9]{5}$' "
                                          "OR phone NOT REGEXP '^010-[0-9]{4}-[0-9]{4}$'")),
             0);
    // As the API answers them: a road address with its 5-digit postal code.
    const qint64 shopper = m_shop.scalar(QStringLiteral("SELECT id FROM users WHERE username = 'demo-shopper-01'"));
    const QJsonArray book = m_shop.client()
                                    .get(QStringLiteral("/api/v1/users/%1/addresses").arg(shopper), m_shop.admin().auth())
                                    .json()
                                    .value(QStringLiteral("items"))
                                    .toArray();
    QVERIFY(!book.isEmpty());
    const QJsonObject home = book.first().toObject();
    QCOMPARE(home.value(QStringLiteral("postalCode")).toString(), QStringLiteral("06236"));
    QCOMPARE(home.value(QStringLiteral("address1")).toString(), QStringLiteral("서울특별시 강남구 테헤란로 152"));
    QVERIFY(home.value(QStringLiteral("isDefault")).toBool());
    // An order sent to it keeps its own copy.
    QVERIFY(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE user_id = ? AND ship_postal_code = '06236'"), { shopper }) >= 1);
}

void tst_DemoShop::historySpreadOverTheDays()
{
    // The stock ledger (opening stock, sales, returns) and the payments over the 14 days.
    QVERIFY2(m_shop.scalar(QStringLiteral("SELECT COUNT(DISTINCT DATE(created_at)) FROM stock_ledger")) >= 10,
             qPrintable(QString::number(m_shop.scalar(QStringLiteral("SELECT COUNT(DISTINCT DATE(created_at)) FROM stock_ledger")))));
    QVERIFY(m_shop.scalar(QStringLiteral("SELECT COUNT(DISTINCT DATE(paid_at)) FROM orders")) >= 10);
    QVERIFY(m_shop.scalar(QStringLiteral("SELECT COUNT(DISTINCT DATE(created_at)) FROM balance_ledger")) >= 10);
    // The opening stock was counted before the first order.
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_ledger WHERE reason = 'INITIAL' AND "
                                          "created_at > (SELECT MIN(paid_at) FROM orders)")),
             0);
    // What sold out in the first twelve days was restocked then (no admin's edit: no audit row).
    QVERIFY(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_ledger WHERE reason = 'ADJUSTMENT'")) >= 1);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_ledger WHERE reason = 'ADJUSTMENT' AND "
                                          "created_at > UTC_TIMESTAMP(3) - INTERVAL 2 DAY")),
             0);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'product.stock'")), 0);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_ledger WHERE created_at > UTC_TIMESTAMP(3)")), 0);
}

void tst_DemoShop::oneKoreanShop()
{
    // Category and sub-category names in Korean: none is Latin letters alone.
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM categories WHERE name REGEXP '^[A-Za-z &]+$'")), 0);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM categories WHERE name = '무선 이어폰' AND parent_id IS NOT NULL")), 1);
    // Product names are Korean, brand and model words as a Korean shop writes them.
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM products WHERE name REGEXP '^[A-Za-z0-9 -]+$'")), 0);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM products WHERE name = 'JBL 블루투스 스피커 Pro'")), 1);
    // Found by a Korean word.
    const QJsonObject found = m_shop.client()
                                      .get(QStringLiteral("/api/v1/products?q=%1&page=1&size=50")
                                                   .arg(QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("무선")))),
                                           m_shop.admin().auth())
                                      .json();
    QVERIFY(found.value(QStringLiteral("total")).toInteger() >= 5); // 240 products of 36 kinds
    for (const QJsonValue &p : found.value(QStringLiteral("items")).toArray())
        QVERIFY2(p.toObject().value(QStringLiteral("name")).toString().contains(QStringLiteral("무선 이어폰")),
                 qPrintable(p.toObject().value(QStringLiteral("name")).toString()));
}

void tst_DemoShop::theLoadIsAudited()
{
    // One row, by the admin who asked, with what was made; the demo's own moves are not an admin's.
    const QJsonArray rows = m_shop.client()
                                    .get(QStringLiteral("/api/v1/admin/audit?page=1&size=50"), m_shop.admin().auth())
                                    .json()
                                    .value(QStringLiteral("items"))
                                    .toArray();
    QJsonObject load;
    int loads = 0;
    for (const QJsonValue &r : rows) {
        if (r.toObject().value(QStringLiteral("action")).toString() == QLatin1String("shop.demo-load")) {
            load = r.toObject();
            ++loads;
        }
    }
    QCOMPARE(loads, 1);
    QCOMPARE(load.value(QStringLiteral("actor")).toObject().value(QStringLiteral("username")).toString(), m_shop.admin().username);
    QCOMPARE(load.value(QStringLiteral("entity")).toString(), QStringLiteral("shop"));
    QCOMPARE(load.value(QStringLiteral("after")).toObject().value(QStringLiteral("products")).toInt(), 240);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'order.fulfilment'")), 0);
}

void tst_DemoShop::couponsAsTheCommandLineMakesThem()
{
    // One loader for the app's offer and `seed --demo`: the same four coupons.
    const ShopFixture::User shopper = m_shop.newShopper();
    const QJsonArray coupons = m_shop.client().get(QStringLiteral("/api/v1/coupons"), shopper.auth()).json().value("items").toArray();
    QStringList names;
    for (const QJsonValue &c : coupons)
        names << c.toObject().value("name").toString();
    names.sort();
    QCOMPARE(names, (QStringList { QStringLiteral("5,000원 할인 쿠폰"), QStringLiteral("신규 가입 3,000원 할인"),
                                   QStringLiteral("주말 특가 15% 할인"), QStringLiteral("첫 구매 10% 할인") }));
}

void tst_DemoShop::topProductsAgreeWithPaidLines()
{
    // What the paid lines say, straight from MySQL: units per product over 30 days
    // (every demo order is within 14) less the returned ones, most first, ties by lower id.
    QList<QPair<qint64, qint64>> expected;
    {
        Database db(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(), QStringLiteral("top-check"));
        QVERIFY(db.open().ok());
        QSqlQuery q(db.handle());
        QVERIFY(q.exec(QStringLiteral("SELECT l.product_id, SUM(l.quantity - l.refunded_quantity) AS units FROM order_lines l "
                                      "JOIN orders o ON o.id = l.order_id WHERE o.status IN ('PAID', 'PARTIALLY_REFUNDED') "
                                      "GROUP BY l.product_id ORDER BY units DESC, l.product_id LIMIT 20")));
        while (q.next())
            expected.append({ q.value(0).toLongLong(), q.value(1).toLongLong() });
    }
    QCOMPARE(expected.size(), 20);
    for (ShopFixture *shop : { &m_shop, &m_other }) {
        const auto top = [shop] {
            QList<QPair<qint64, qint64>> items;
            const QJsonArray answer = shop->client()
                                              .get(QStringLiteral("/api/v1/products/top?days=30&limit=20"), shop->admin().auth())
                                              .json()
                                              .value("items")
                                              .toArray();
            for (const QJsonValue &item : answer)
                items.append({ item.toObject().value("productId").toInteger(), item.toObject().value("soldQuantity").toInteger() });
            return items;
        };
        // Within the 2 s an answer stays cached, on every instance.
        QTRY_COMPARE_WITH_TIMEOUT(top(), expected, 5000);
        // The shop's "Popular" sort ranks as top products do (last 3 days).
        QList<qint64> topThree;
        for (const QJsonValue &item :
             shop->client().get(QStringLiteral("/api/v1/products/top?days=3&limit=5"), shop->admin().auth()).json().value("items").toArray())
            topThree << item.toObject().value("productId").toInteger();
        QCOMPARE(topThree.size(), 5);
        QList<qint64> popular;
        for (const QJsonValue &item : shop->client()
                                              .get(QStringLiteral("/api/v1/products?sort=popular&page=1&size=5"), shop->admin().auth())
                                              .json()
                                              .value("items")
                                              .toArray())
            popular << item.toObject().value("id").toInteger();
        QCOMPARE(popular, topThree);
    }
}

void tst_DemoShop::everyDemoProductSellsWithAKey()
{
    // The app sends an Idempotency-Key with every order: each demo product, Korean and
    // English names and descriptions alike, is bought with one, and the same key gives
    // back the same bytes. The first order uses the Korean-named coupon; one is refunded
    // with a reason in Korean.
    const ShopFixture::User shopper = m_shop.newShopper();
    for (int i = 0; i < 6; ++i)
        QVERIFY(m_shop.charge(shopper, 10'000'000));
    qint64 couponId = 0;
    for (const QJsonValue &c : m_shop.client().get(QStringLiteral("/api/v1/coupons"), shopper.auth()).json().value("items").toArray())
        if (c.toObject().value("name").toString() == QStringLiteral("신규 가입 3,000원 할인"))
            couponId = c.toObject().value("id").toInteger();
    QVERIFY(couponId > 0);
    const auto issued = m_shop.client().post(QStringLiteral("/api/v1/coupons/%1/issue").arg(couponId), { { "userId", shopper.id } },
                                             shopper.auth());
    QCOMPARE(issued.status, 201);
    const qint64 userCouponId = issued.json().value("id").toInteger();

    QJsonArray products;
    for (int page = 1; page <= 3; ++page)
        for (const QJsonValue &p : m_shop.client()
                                           .get(QStringLiteral("/api/v1/products?page=%1&size=100").arg(page), shopper.auth())
                                           .json()
                                           .value("items")
                                           .toArray())
            products.append(p);
    QCOMPARE(products.size(), 240);
    int paid = 0;
    int hangul = 0;
    qint64 firstOrder = 0;
    qint64 firstProduct = 0;
    for (const QJsonValue &value : std::as_const(products)) {
        const QJsonObject product = value.toObject();
        const qint64 id = product.value("id").toInteger();
        QJsonObject order { { "userId", shopper.id },
                            { "items", QJsonArray { QJsonObject { { "productId", id }, { "quantity", 1 } } } } };
        if (paid == 0)
            order.insert("userCouponId", userCouponId);
        QHash<QByteArray, QByteArray> headers = shopper.auth();
        headers.insert("Idempotency-Key", "demo-order-" + QByteArray::number(id));
        const HttpClient::Reply first = m_shop.client().post(QStringLiteral("/api/v1/orders"), order, headers);
        if (product.value("stock").toInteger() == 0) {
            QCOMPARE(first.errorCode(), QStringLiteral("OUT_OF_STOCK"));
            continue;
        }
        QVERIFY2(first.status == 201, qPrintable(product.value("name").toString() + QLatin1Char(' ') + QString::fromUtf8(first.body)));
        QCOMPARE(first.json().value("items").toArray().first().toObject().value("name").toString(), product.value("name").toString());
        const HttpClient::Reply replay = m_shop.client().post(QStringLiteral("/api/v1/orders"), order, headers);
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.body, first.body);
        if (paid == 0) {
            QCOMPARE(first.json().value("discountAmount").toInteger(), 3000);
            firstOrder = first.json().value("id").toInteger();
            firstProduct = id;
        }
        ++paid;
        const QString name = product.value("name").toString();
        hangul += std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; });
    }
    QVERIFY2(paid >= 220, qPrintable(QString::number(paid)));
    QVERIFY2(hangul >= 50, qPrintable(QString::number(hangul)));

    const QString reason = QStringLiteral("고객 변심으로 환불 (포장 훼손 없음)");
    const auto refunded = m_shop.client().post(
            QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(firstOrder),
            { { "lines", QJsonArray { QJsonObject { { "productId", firstProduct }, { "quantity", 1 } } } }, { "restock", true }, { "reason", reason } },
            m_shop.admin().auth());
    QCOMPARE(refunded.status, 201);
    const QJsonObject after = m_shop.client().get(QStringLiteral("/api/v1/orders/%1").arg(firstOrder), shopper.auth()).json();
    QCOMPARE(after.value("refunds").toArray().first().toObject().value("reason").toString(), reason);
    QCOMPARE(m_shop.invariantViolations(), QString());
}

void tst_DemoShop::refusedOnceTheShopHasProducts()
{
    const qint64 before = m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM products"));
    QVERIFY(before > 0);
    for (ShopFixture *shop : { &m_shop, &m_other }) {
        const auto again = shop->client().send("POST", QStringLiteral("/api/v1/admin/demo-shop"), QByteArray(),
                                               shop->admin().auth());
        QCOMPARE(again.status, 409);
        QCOMPARE(again.errorCode(), QStringLiteral("SHOP_NOT_EMPTY"));
    }
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM products")), before);
}

QTEST_MAIN(tst_DemoShop)
#include "tst_demoshop.moc"

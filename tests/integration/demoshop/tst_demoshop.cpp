#include "ShopFixture.h"
#include "TestStack.h"

#include <QtTest/QTest>

// POST/GET /api/v1/admin/demo-shop (an extension of API.md for the app's offer on an
// empty shop): admins only, 202 and a background load with progress, refused while it
// runs and once the shop has products, and loaded once even when two server instances
// on one MySQL are asked at the same moment.
class tst_DemoShop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void onlyAdminsMayLoadIt_data();
    void onlyAdminsMayLoadIt();
    void loadsOnceAcrossInstances();
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
    // The empty shop's list, now in the catalogue cache (Redis) of both instances.
    for (ShopFixture *shop : { &m_shop, &m_other })
        QCOMPARE(shop->client().get(QStringLiteral("/api/v1/products?page=1&size=20"), shop->admin().auth()).json().value("total").toInteger(), 0);
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
    // Progress moves and ends in done, with done == total.
    QJsonObject last;
    QTRY_VERIFY_WITH_TIMEOUT((last = progress(m_shop)).value(QStringLiteral("state")).toString()
                                     != QLatin1String("running"),
                             180000);
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

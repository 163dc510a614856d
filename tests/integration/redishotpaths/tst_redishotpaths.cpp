#include "CouponGate.h"
#include "Database.h"
#include "ParallelRequests.h"
#include "RankingBoard.h"
#include "ReadThroughCache.h"
#include "RedisClient.h"
#include "RedisLock.h"
#include "ShopFixture.h"
#include "TestStack.h"

#include <QtCore/QJsonArray>
#include <QtTest/QTest>

#include <algorithm>

// Redis in the hot paths, against the real redis-server of the test stack: the
// catalogue cache and its stampede guard, the coupon gate (also after Redis lost its
// state or died), the live rankings against MySQL's aggregate, and the server going on
// without Redis and coming back to it without a restart.
class tst_RedisHotPaths : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void productCachedStockLive();
    void adminChangeInvalidates();
    void stampedeRebuildsOnce();
    void catalogueKeysBounded();
    void rebuildLockKeptFromOldHolder_data();
    void rebuildLockKeptFromOldHolder();
    void gateAnswersRushFromRedis();
    void gateRebuiltAfterFlush_data();
    void gateRebuiltAfterFlush();
    void gateLeavesWindowEdgesToMysql();
    void rankingsEqualMysql();
    void redisDownThenBack();

private:
    QList<HttpClient::Reply> claimAll(qint64 couponId, const QList<ShopFixture::User> &users);
    static int count(const QList<HttpClient::Reply> &replies, int status, const QString &code = QString());
    QList<ShopFixture::User> shoppers(int n);
    QJsonArray topItems();
    QList<QPair<qint64, qint64>> mysqlTop(int days, int limit);
    RedisClient::Reply redis(const QByteArrayList &command);
    QByteArray catalogueGeneration();
    // The Redis key of a cached catalogue answer (StockTemplate's format, version 2 in
    // the key) in the current generation.
    QByteArray catalogueKey(const QByteArray &name) { return "storefront:catalogue:v2:" + catalogueGeneration() + ':' + name; }
    const CacheMetrics &metrics() { return m_shop.server().cacheMetrics(); }

    ShopFixture m_shop;
    ShopFixture::User m_buyer;
};

void tst_RedisHotPaths::initTestCase()
{
    QVERIFY(TestStack::instance());
    QVERIFY(m_shop.start(8));
    m_buyer = m_shop.newShopper();
    QVERIFY(m_shop.charge(m_buyer, 10000000));
}

void tst_RedisHotPaths::cleanupTestCase()
{
    // Whatever the races above did, the shop's invariants hold (storefront-server check).
    const QString violations = m_shop.invariantViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations));
    m_shop.stop();
}

RedisClient::Reply tst_RedisHotPaths::redis(const QByteArrayList &command)
{
    // A fresh connection each time: the test restarts redis-server.
    RedisClient client(RedisEndpoint::fromUrl(TestStack::instance()->redis().url()).value(), 2000);
    return client.command(command);
}

QByteArray tst_RedisHotPaths::catalogueGeneration()
{
    const RedisClient::Reply generation = redis({ "GET", "storefront:catalogue:generation" });
    return generation.value.isValid() ? generation.value.toByteArray() : QByteArrayLiteral("0");
}

int tst_RedisHotPaths::count(const QList<HttpClient::Reply> &replies, int status, const QString &code)
{
    return int(std::count_if(replies.cbegin(), replies.cend(), [&](const HttpClient::Reply &r) {
        return r.status == status && (code.isEmpty() || r.errorCode() == code);
    }));
}

QList<ShopFixture::User> tst_RedisHotPaths::shoppers(int n)
{
    QList<ShopFixture::User> users;
    for (int i = 0; i < n; ++i)
        users << m_shop.newShopper();
    return users;
}

QList<HttpClient::Reply> tst_RedisHotPaths::claimAll(qint64 couponId, const QList<ShopFixture::User> &users)
{
    QList<ParallelRequests::Request> requests;
    for (const ShopFixture::User &u : users)
        requests << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/coupons/%1/issue").arg(couponId),
                                                QJsonDocument(QJsonObject { { "userId", u.id } }).toJson(), u.auth() };
    return ParallelRequests::run(m_shop.baseUrl(), requests);
}

void tst_RedisHotPaths::productCachedStockLive()
{
    const qint64 product = m_shop.createProduct(QStringLiteral("Cached kettle"), 1000, 50);
    const QString path = QStringLiteral("/api/v1/products/%1").arg(product);
    const quint64 hits = metrics().hits(CacheMetrics::Cache::Product);
    QCOMPARE(m_shop.client().get(path, m_buyer.auth()).json().value("stock").toInteger(), 50);
    QCOMPARE(m_shop.client().get(path, m_buyer.auth()).json().value("stock").toInteger(), 50);
    QVERIFY(metrics().hits(CacheMetrics::Cache::Product) > hits);
    QCOMPARE(redis({ "EXISTS", catalogueKey("product:" + QByteArray::number(product)) }).value.toLongLong(), 1);
    // Nothing under the key the release before read as plain JSON (a rolling upgrade
    // shares this Redis with its instances).
    QCOMPARE(redis({ "EXISTS", "storefront:catalogue:" + catalogueGeneration() + ":product:" + QByteArray::number(product) })
                     .value.toLongLong(),
             0);
    const QString pagePath = QStringLiteral("/api/v1/products?page=1&size=100");
    QVERIFY(m_shop.client().get(pagePath, m_buyer.auth()).status == 200);

    // A purchase changes no cache entry, yet the next read shows the stock it left.
    const QByteArray order = QJsonDocument(QJsonObject { { "userId", m_buyer.id },
                                                         { "items", QJsonArray { QJsonObject { { "productId", product },
                                                                                                { "quantity", 3 } } } } })
                                     .toJson();
    QCOMPARE(m_shop.client().send("POST", QStringLiteral("/api/v1/orders"), order, m_buyer.auth()).status, 201);
    const quint64 productHits = metrics().hits(CacheMetrics::Cache::Product);
    const quint64 pageHits = metrics().hits(CacheMetrics::Cache::Page);
    QCOMPARE(m_shop.client().get(path, m_buyer.auth()).json().value("stock").toInteger(), 47);
    const QJsonArray page = m_shop.client().get(pagePath, m_buyer.auth()).json().value("items").toArray();
    // Both answered from their stored bytes, the new stock written in.
    QCOMPARE(metrics().hits(CacheMetrics::Cache::Product) - productHits, quint64(1));
    QCOMPARE(metrics().hits(CacheMetrics::Cache::Page) - pageHits, quint64(1));
    const auto listed = std::find_if(page.begin(), page.end(), [&](const QJsonValue &v) { return v.toObject().value("id").toInteger() == product; });
    QVERIFY(listed != page.end());
    QCOMPARE(listed->toObject().value("stock").toInteger(), 47);
}

void tst_RedisHotPaths::adminChangeInvalidates()
{
    const qint64 product = m_shop.createProduct(QStringLiteral("Old name"), 2000, 5);
    const QString path = QStringLiteral("/api/v1/products/%1").arg(product);
    QCOMPARE(m_shop.client().get(path, m_buyer.auth()).json().value("name").toString(), QStringLiteral("Old name"));
    const qint64 totalBefore = m_shop.client().get(QStringLiteral("/api/v1/products?page=1&size=5"), m_buyer.auth())
                                       .json().value("total").toInteger();

    QCOMPARE(m_shop.client().send("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(product),
                                  QJsonDocument(QJsonObject { { "name", "New name" }, { "price", 2500 } }).toJson(),
                                  m_shop.admin().auth()).status,
             200);
    const QJsonObject after = m_shop.client().get(path, m_buyer.auth()).json();
    QCOMPARE(after.value("name").toString(), QStringLiteral("New name"));
    QCOMPARE(after.value("price").toInteger(), 2500);

    // A new product changes every page's total at once.
    QVERIFY(m_shop.createProduct(QStringLiteral("Newcomer"), 100, 1) > 0);
    QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/products?page=1&size=5"), m_buyer.auth()).json().value("total").toInteger(),
             totalBefore + 1);
}

void tst_RedisHotPaths::stampedeRebuildsOnce()
{
    const qint64 product = m_shop.createProduct(QStringLiteral("Hot item"), 500, 100);
    const QString path = QStringLiteral("/api/v1/products/%1").arg(product);
    QCOMPARE(m_shop.client().get(path, m_buyer.auth()).status, 200);
    // The hot key expires under load: 60 readers at once find it missing.
    QCOMPARE(redis({ "DEL", catalogueKey("product:" + QByteArray::number(product)) }).value.toLongLong(), 1);
    const quint64 rebuilds = metrics().rebuilds(CacheMetrics::Cache::Product);
    QList<ParallelRequests::Request> requests;
    for (int i = 0; i < 60; ++i)
        requests << ParallelRequests::Request { "GET", path, {}, m_buyer.auth() };
    const auto replies = ParallelRequests::run(m_shop.baseUrl(), requests);
    QCOMPARE(count(replies, 200), 60);
    QCOMPARE(metrics().rebuilds(CacheMetrics::Cache::Product) - rebuilds, quint64(1));
    for (const HttpClient::Reply &r : replies)
        QCOMPARE(r.json().value("stock").toInteger(), 100);
}

// Shoppers choose page × size freely: however many they ask for, each entry is a
// string with a TTL of its own, no key lists them, and an admin edit is one INCR of
// the generation that still hides every older entry.
void tst_RedisHotPaths::catalogueKeysBounded()
{
    const qint64 product = m_shop.createProduct(QStringLiteral("Paged lamp"), 700, 3);
    const QString path = QStringLiteral("/api/v1/products/%1").arg(product);
    QCOMPARE(m_shop.client().get(path, m_buyer.auth()).json().value("name").toString(), QStringLiteral("Paged lamp"));
    const QByteArray generation = catalogueGeneration();
    for (int size = 1; size <= 10; ++size)
        for (int page = 1; page <= 30; ++page)
            QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/products?page=%1&size=%2").arg(page).arg(size), m_buyer.auth()).status,
                     200);
    const QVariantList keys = redis({ "KEYS", "storefront:catalogue:*" }).value.toList();
    QVERIFY2(keys.size() >= 300, qPrintable(QString::number(keys.size())));
    for (const QVariant &key : keys) {
        if (key.toByteArray() == "storefront:catalogue:generation")
            continue;
        QCOMPARE(redis({ "TYPE", key.toByteArray() }).value.toByteArray(), QByteArrayLiteral("string"));
        QVERIFY2(redis({ "PTTL", key.toByteArray() }).value.toLongLong() > 0, key.toByteArray().constData());
    }
    QCOMPARE(redis({ "EXISTS", "storefront:catalogue:entries" }).value.toLongLong(), 0);

    QCOMPARE(m_shop.client().send("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(product),
                                  QJsonDocument(QJsonObject { { "name", "Renamed lamp" } }).toJson(), m_shop.admin().auth()).status,
             200);
    QCOMPARE(catalogueGeneration().toLongLong(), generation.toLongLong() + 1);
    QCOMPARE(m_shop.client().get(path, m_buyer.auth()).json().value("name").toString(), QStringLiteral("Renamed lamp"));
    const QJsonArray first = m_shop.client().get(QStringLiteral("/api/v1/products?page=1&size=1"), m_buyer.auth())
                                     .json().value("items").toArray();
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.first().toObject().value("name").toString(),
             m_shop.client().get(QStringLiteral("/api/v1/products/%1").arg(first.first().toObject().value("id").toInteger()),
                                 m_buyer.auth()).json().value("name").toString());
}

void tst_RedisHotPaths::rebuildLockKeptFromOldHolder_data()
{
    QTest::addColumn<QString>("rebuilder");
    QTest::addColumn<QByteArray>("lockKey");
    QTest::newRow("catalogue") << QStringLiteral("catalogue") << QByteArray(); // named by the generation
    QTest::newRow("coupon gate") << QStringLiteral("coupon gate") << QByteArrayLiteral("storefront:coupon:987654:rebuilding");
    QTest::newRow("rankings") << QStringLiteral("rankings") << QByteArrayLiteral("storefront:rank:rebuilding");
}

// A rebuilder that stalled past its lock's TTL must not delete the lock of whoever
// took it next: each rebuild lock is a RedisLock, released by compare-and-delete.
// The test plays the next holder by overwriting the lock while the first still runs.
void tst_RedisHotPaths::rebuildLockKeptFromOldHolder()
{
    QFETCH(QString, rebuilder);
    QFETCH(QByteArray, lockKey);
    RedisClient client(RedisEndpoint::fromUrl(TestStack::instance()->redis().url()).value(), 2000);
    CacheMetrics cacheMetrics;
    bool ranWhileHeld = false;
    const auto takeOver = [&] {
        // Held by the rebuilder now, with its own token.
        ranWhileHeld = client.command({ "GET", lockKey }).value.isValid();
        client.command({ "SET", lockKey, "next-holder", "PX", "60000" });
    };
    if (rebuilder == QLatin1String("catalogue")) {
        const QByteArray name = "test:lock:" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        lockKey = "storefront:rebuild:" + catalogueGeneration() + ':' + name;
        ReadThroughCache cache(client, cacheMetrics);
        const Result<QByteArray> loaded = cache.get(CacheMetrics::Cache::Page, name, [&]() -> Result<QByteArray> {
            takeOver();
            return QByteArrayLiteral("value");
        });
        QVERIFY(loaded);
    } else if (rebuilder == QLatin1String("coupon gate")) {
        CouponGate gate(client, cacheMetrics);
        std::unique_ptr<RedisLock> held = gate.lockRebuild(987654);
        QVERIFY(held);
        QVERIFY(!gate.lockRebuild(987654)); // one rebuilder at a time
        takeOver();
        held.reset();
    } else {
        RankingBoard::Shared shared { cacheMetrics };
        RankingBoard board(client, shared);
        QVERIFY(client.command({ "DEL", "storefront:rank:ready" }).ok); // forces a rebuild
        board.top(3, 5, [&](int) -> std::optional<QList<HourlySales>> {
            takeOver();
            return std::nullopt;
        });
    }
    QVERIFY(ranWhileHeld);
    QCOMPARE(client.command({ "GET", lockKey }).value.toByteArray(), QByteArrayLiteral("next-holder"));
    QVERIFY(client.command({ "DEL", lockKey }).ok);
}

void tst_RedisHotPaths::gateAnswersRushFromRedis()
{
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("FIXED"), 100, 30);
    const QList<ShopFixture::User> users = shoppers(200);
    const quint64 admitted = metrics().gateCount(CacheMetrics::GateAnswer::Admitted);
    const quint64 soldOut = metrics().gateCount(CacheMetrics::GateAnswer::SoldOut);
    const auto replies = claimAll(coupon, users);
    QCOMPARE(count(replies, 201), 30);
    QCOMPARE(count(replies, 409, QStringLiteral("COUPON_SOLD_OUT")), 170);
    // Redis let exactly the 30 through and answered the 170 alone.
    QCOMPARE(metrics().gateCount(CacheMetrics::GateAnswer::Admitted) - admitted, quint64(30));
    QCOMPARE(metrics().gateCount(CacheMetrics::GateAnswer::SoldOut) - soldOut, quint64(170));
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT issued FROM coupons WHERE id = ?"), { coupon }), 30);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM user_coupons WHERE coupon_id = ?"), { coupon }), 30);

    // Repeat clicks of a holder: answered by the gate, still one coupon.
    const QList<ShopFixture::User> holder { users.first(), users.first(), users.first() };
    const auto again = claimAll(coupon, holder);
    QCOMPARE(count(again, 201) + count(again, 409), 3);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM user_coupons WHERE coupon_id = ?"), { coupon }), 30);
}

void tst_RedisHotPaths::gateRebuiltAfterFlush_data()
{
    QTest::addColumn<bool>("restart");
    QTest::newRow("FLUSHALL") << false;
    QTest::newRow("redis-server restarted") << true;
}

void tst_RedisHotPaths::gateRebuiltAfterFlush()
{
    QFETCH(bool, restart);
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("FIXED"), 100, 40);
    const QList<ShopFixture::User> users = shoppers(100);
    QCOMPARE(count(claimAll(coupon, users.mid(0, 25)), 201), 25);

    // Redis loses the gate between two halves of the rush.
    const quint64 rebuilds = metrics().gateRebuilds();
    if (restart) {
        TestStack::instance()->redis().stop();
        QVERIFY(TestStack::instance()->redis().start(QDeadlineTimer(10000)).ok());
    } else {
        QVERIFY(redis({ "FLUSHALL" }).ok);
    }
    const auto second = claimAll(coupon, users);
    // 25 already hold one; 15 slots were left for the other 75.
    QCOMPARE(count(second, 201), 15);
    QCOMPARE(count(second, 409, QStringLiteral("COUPON_ALREADY_ISSUED")), 25);
    QCOMPARE(count(second, 409, QStringLiteral("COUPON_SOLD_OUT")), 60);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT issued FROM coupons WHERE id = ?"), { coupon }), 40);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM user_coupons WHERE coupon_id = ?"), { coupon }), 40);
    // Workers whose connection broke wait out a short backoff and meanwhile ask MySQL
    // alone; then the gate is rebuilt from MySQL and answers again.
    QTRY_VERIFY_WITH_TIMEOUT((claimAll(coupon, users.mid(0, 8)), metrics().gateRebuilds() > rebuilds), 10000);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM user_coupons WHERE coupon_id = ?"), { coupon }), 40);
}

QJsonArray tst_RedisHotPaths::topItems()
{
    return m_shop.client().get(QStringLiteral("/api/v1/products/top?days=3&limit=5"), m_buyer.auth()).json().value("items").toArray();
}

QList<QPair<qint64, qint64>> tst_RedisHotPaths::mysqlTop(int days, int limit)
{
    // The aggregate as MySQL has it, ranked the way API.md says.
    Database db(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(), QStringLiteral("rank-check"));
    const auto rows = db.run(QStringLiteral("SELECT product_id, SUM(units) s FROM product_sales_hourly "
                                            "WHERE bucket_start >= DATE_FORMAT(UTC_TIMESTAMP() - INTERVAL ? DAY, '%Y-%m-%d %H:00:00') "
                                            "GROUP BY product_id HAVING s > 0 ORDER BY s DESC, product_id ASC LIMIT ?"),
                             { days, limit });
    QList<QPair<qint64, qint64>> out;
    if (rows)
        while (rows.value()->next())
            out.append({ rows.value()->value(0).toLongLong(), rows.value()->value(1).toLongLong() });
    return out;
}

void tst_RedisHotPaths::gateLeavesWindowEdgesToMysql()
{
    // MySQL's clock decides a claim's window. This server's clock is emulated as
    // behind MySQL's by moving the window's start in the gate's copy: a second ahead
    // (within the margin) the gate lets the claim through and MySQL, for which the
    // window is open, issues it; a minute ahead the gate refuses it by itself.
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("FIXED"), 100, 10);
    QVERIFY(coupon > 0);
    const QList<ShopFixture::User> users = shoppers(3);
    const auto claim = [&](const ShopFixture::User &user) {
        return m_shop.client().post(QStringLiteral("/api/v1/coupons/%1/issue").arg(coupon), { { "userId", user.id } }, user.auth());
    };
    QCOMPARE(claim(users[0]).status, 201); // builds the gate's state
    const QByteArray gate = "storefront:coupon:" + QByteArray::number(coupon) + ":gate";
    const auto startIn = [&](qint64 ms) {
        return redis({ "HSET", gate, "from", QByteArray::number(QDateTime::currentMSecsSinceEpoch() + ms) }).ok;
    };
    QVERIFY(startIn(1000));
    const HttpClient::Reply nearEdge = claim(users[1]);
    QCOMPARE(nearEdge.status, 201);
    QVERIFY(startIn(60000));
    const quint64 refusedBefore = metrics().gateCount(CacheMetrics::GateAnswer::NotOpen);
    const HttpClient::Reply farOff = claim(users[2]);
    QCOMPARE(farOff.status, 409);
    QCOMPARE(farOff.errorCode(), QStringLiteral("COUPON_NOT_USABLE"));
    QCOMPARE(metrics().gateCount(CacheMetrics::GateAnswer::NotOpen), refusedBefore + 1);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT issued FROM coupons WHERE id = ?"), { coupon }), qint64(2));
}

void tst_RedisHotPaths::rankingsEqualMysql()
{
    QList<qint64> products;
    for (int i = 0; i < 7; ++i)
        products << m_shop.createProduct(QStringLiteral("Ranked %1").arg(i), 100, 1000);
    QList<qint64> orders;
    for (int i = 0; i < products.size(); ++i) {
        // Product i sold (i % 4) + 1 units per order, twice; ties across products on purpose.
        for (int n = 0; n < 2; ++n) {
            const QByteArray body = QJsonDocument(QJsonObject {
                                                          { "userId", m_buyer.id },
                                                          { "items", QJsonArray { QJsonObject { { "productId", products[i] },
                                                                                                 { "quantity", (i % 4) + 1 } } } } })
                                            .toJson();
            const HttpClient::Reply r = m_shop.client().send("POST", QStringLiteral("/api/v1/orders"), body, m_buyer.auth());
            QCOMPARE(r.status, 201);
            orders << r.json().value("id").toInteger();
        }
    }
    const auto asPairs = [](const QJsonArray &items) {
        QList<QPair<qint64, qint64>> out;
        for (const QJsonValue &v : items)
            out.append({ v.toObject().value("productId").toInteger(), v.toObject().value("soldQuantity").toInteger() });
        return out;
    };
    // The answer is cached for a few seconds, so wait for the one after the last order.
    QTRY_COMPARE_WITH_TIMEOUT(asPairs(topItems()), mysqlTop(3, 5), 5000);
    QCOMPARE(mysqlTop(3, 5).size(), 5);

    // Cancellations take units out of the same hour.
    for (int i = 1; i < orders.size(); i += 3)
        QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/orders/%1/cancel").arg(orders[i]), {}, m_buyer.auth()).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(asPairs(topItems()), mysqlTop(3, 5), 5000);

    // Redis loses the sets: they are rebuilt from MySQL and the answer is the same.
    const quint64 rebuilds = metrics().rebuilds(CacheMetrics::Cache::Ranking);
    QVERIFY(redis({ "FLUSHALL" }).ok);
    QCOMPARE(asPairs(topItems()), mysqlTop(3, 5));
    QCOMPARE(metrics().rebuilds(CacheMetrics::Cache::Ranking) - rebuilds, quint64(1));
}

void tst_RedisHotPaths::redisDownThenBack()
{
    const qint64 product = m_shop.createProduct(QStringLiteral("Without Redis"), 100, 10);
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("FIXED"), 100, 20);
    const QList<ShopFixture::User> users = shoppers(60);
    QCOMPARE(count(claimAll(coupon, users.mid(0, 10)), 201), 10);

    RedisInstance &redisServer = TestStack::instance()->redis();
    redisServer.kill();
    // Reads fall back to MySQL; /readyz tells; claims are still exact through MySQL alone.
    QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/products/%1").arg(product), m_buyer.auth()).status, 200);
    // Without Redis the shop still takes orders: 200 "degraded", so a load balancer
    // keeps the instance (API.md, Operations).
    const auto readiness = [&] { return m_shop.client().get(QStringLiteral("/readyz")); };
    QTRY_COMPARE_WITH_TIMEOUT(readiness().json().value("redis").toString(), QStringLiteral("down"), 5000);
    const HttpClient::Reply ready = readiness();
    QCOMPARE(ready.status, 200);
    QCOMPARE(ready.json().value("status").toString(), QStringLiteral("degraded"));
    const quint64 bypassed = metrics().gateBypasses();
    const auto during = claimAll(coupon, users.mid(10, 30));
    QCOMPARE(count(during, 201), 10);
    QCOMPARE(count(during, 409, QStringLiteral("COUPON_SOLD_OUT")), 20);
    QVERIFY(metrics().gateBypasses() > bypassed);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT issued FROM coupons WHERE id = ?"), { coupon }), 20);

    // Back without a restart of the server: the gate answers again.
    QVERIFY(redisServer.start(QDeadlineTimer(10000)).ok());
    QTRY_COMPARE_WITH_TIMEOUT(readiness().json().value("status").toString(), QStringLiteral("ready"), 10000);
    const quint64 soldOut = metrics().gateCount(CacheMetrics::GateAnswer::SoldOut);
    const auto after = claimAll(coupon, users.mid(40, 20));
    QCOMPARE(count(after, 409, QStringLiteral("COUPON_SOLD_OUT")), 20);
    QVERIFY(metrics().gateCount(CacheMetrics::GateAnswer::SoldOut) - soldOut > 0);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM user_coupons WHERE coupon_id = ?"), { coupon }), 20);
}

QTEST_GUILESS_MAIN(tst_RedisHotPaths)
#include "tst_redishotpaths.moc"

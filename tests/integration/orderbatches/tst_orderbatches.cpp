#include "ChargeBatcher.h"
#include "Database.h"
#include "OrderBatcher.h"
#include "OrderService.h"
#include "ShopFixture.h"
#include "TestStack.h"
#include "WalletService.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QSemaphore>
#include <QtTest/QTest>

#include <thread>

// Orders that meet on a hot product share one transaction (OrderBatcher, issue 28).
// A batch is made on purpose: with one transaction in flight per lane, a first order
// holds its product's lane until released,
// the orders under test queue behind it from threads of their own (each with its own
// connection, as workers have), then run as one batch led by the first of them. Each
// answer and the database are checked to the won.
class tst_OrderBatches : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void aloneRunsAtOnce();
    void lanesOverlapUpToTheirLimit();
    void refusalsInsideOneBatch();
    void batchThatDoesNotFitRunsSingly();
    void capSplitsTheQueue();
    void chargesShareABatch();

private:
    struct Placed {
        RequestValidation::OrderRequest request;
        QString key;
        QByteArray hash;
        std::optional<Result<IdempotentAnswer>> answer;
    };
    // Holds `lane` with a first order, queues `orders` behind it one after another (in
    // this order), releases the lane and waits for every answer.
    void placeQueued(OrderBatcher &batcher, qint64 lane, QList<Placed> &orders);
    static RequestValidation::OrderRequest order(qint64 userId, QList<QPair<qint64, qint64>> items);
    ShopFixture::User shopperWith(qint64 balance);

    ShopFixture m_shop;
};

void tst_OrderBatches::initTestCase()
{
    QVERIFY(m_shop.start(2));
}

void tst_OrderBatches::cleanupTestCase()
{
    const QString violations = m_shop.invariantViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations));
    m_shop.stop();
}

RequestValidation::OrderRequest tst_OrderBatches::order(qint64 userId, QList<QPair<qint64, qint64>> items)
{
    RequestValidation::OrderRequest request;
    request.userId = userId;
    request.items = std::move(items);
    return request;
}

ShopFixture::User tst_OrderBatches::shopperWith(qint64 balance)
{
    const ShopFixture::User user = m_shop.newShopper();
    if (balance > 0)
        m_shop.charge(user, balance);
    return user;
}

void tst_OrderBatches::placeQueued(OrderBatcher &batcher, qint64 lane, QList<Placed> &orders)
{
    const MysqlEndpoint endpoint = MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value();
    QSemaphore holding;
    QSemaphore release;
    OrderBatcher::Order holder { order(0, { { lane, 1 } }), {}, {}, std::nullopt };
    std::thread first([&] {
        batcher.place(holder, [&](const QList<OrderBatcher::Order *> &batch) {
            holding.release();
            release.acquire();
            for (OrderBatcher::Order *o : batch)
                o->answer = Failure { ErrorCode::Unavailable, QStringLiteral("held"), {} };
        });
    });
    // The lane is held before the first order under test comes.
    QVERIFY(holding.tryAcquire(1, 10000));
    std::vector<std::thread> threads;
    for (int i = 0; i < orders.size(); ++i) {
        threads.emplace_back([&, i] {
            Database database(endpoint, QStringLiteral("batch-%1").arg(i));
            database.open();
            OrderService service(database, {}, {}, nullptr, &batcher);
            Placed &placed = orders[i];
            placed.answer = service.place(placed.request, placed.key, placed.hash);
        });
        // One after another: the queue's order is the batch's order.
        QTRY_COMPARE_WITH_TIMEOUT(batcher.queued(lane), i + 1, 10000);
    }
    release.release();
    first.join();
    for (std::thread &t : threads)
        t.join();
}

void tst_OrderBatches::aloneRunsAtOnce()
{
    // An idle lane: the order runs on the caller's thread at once, in a batch of one.
    OrderBatcher batcher(8);
    OrderBatcher::Order alone { order(1, { { 424242, 1 } }), {}, {}, std::nullopt };
    std::thread::id ranOn;
    int size = 0;
    const Result<IdempotentAnswer> answer = batcher.place(alone, [&](const QList<OrderBatcher::Order *> &batch) {
        ranOn = std::this_thread::get_id();
        size = int(batch.size());
        batch.first()->answer = IdempotentAnswer { QJsonObject { { "id", 7 } }, false };
    });
    QVERIFY(answer.ok());
    QCOMPARE(answer->body.value("id").toInt(), 7);
    QCOMPARE(ranOn, std::this_thread::get_id());
    QCOMPARE(size, 1);
    QCOMPARE(batcher.queued(424242), 0);
}

void tst_OrderBatches::lanesOverlapUpToTheirLimit()
{
    // Two transactions in flight per lane: the second order runs at once beside the
    // first (nothing queued); the third waits for one of them.
    OrderBatcher batcher(8, 2);
    QSemaphore started;
    QSemaphore release;
    const auto holdingRunner = [&](const QList<OrderBatcher::Order *> &batch) {
        started.release();
        release.acquire();
        for (OrderBatcher::Order *o : batch)
            o->answer = IdempotentAnswer { QJsonObject { { "size", int(batch.size()) } }, false };
    };
    OrderBatcher::Order a { order(1, { { 555, 1 } }), {}, {}, std::nullopt };
    OrderBatcher::Order b { order(2, { { 555, 1 } }), {}, {}, std::nullopt };
    OrderBatcher::Order c { order(3, { { 555, 1 } }), {}, {}, std::nullopt };
    std::thread first([&] { batcher.place(a, holdingRunner); });
    std::thread second([&] { batcher.place(b, holdingRunner); });
    QVERIFY(started.tryAcquire(2, 10000));
    QCOMPARE(batcher.queued(555), 0);
    std::thread third([&] { batcher.place(c, holdingRunner); });
    QTRY_COMPARE_WITH_TIMEOUT(batcher.queued(555), 1, 10000);
    release.release(3);
    first.join();
    second.join();
    third.join();
    QCOMPARE(batcher.counts().batches, 3);
    QCOMPARE(c.answer->value().body.value("size").toInt(), 1);
}

void tst_OrderBatches::refusalsInsideOneBatch()
{
    const qint64 product = m_shop.createProduct(QStringLiteral("Batch green tea"), 1000, 100);
    const ShopFixture::User first = shopperWith(10000);
    const ShopFixture::User poor = shopperWith(500);
    const ShopFixture::User keyed = shopperWith(10000);
    QList<Placed> orders {
        { order(first.id, { { product, 1 } }), {}, "h-first", {} },
        { order(poor.id, { { product, 1 } }), {}, "h-poor", {} },
        { order(keyed.id, { { product, 2 } }), QStringLiteral("key-A"), "h-keyed", {} },
        { order(keyed.id, { { product, 2 } }), QStringLiteral("key-A"), "h-keyed", {} },    // the same request again
        { order(keyed.id, { { product, 5 } }), QStringLiteral("key-A"), "h-different", {} }, // the key for another
        { order(first.id, { { product, 1 }, { 987654321, 1 } }), {}, "h-missing", {} },     // a product that is not there
    };
    OrderBatcher batcher(32, 1);
    placeQueued(batcher, product, orders);

    QCOMPARE(batcher.counts().batches, 2); // the holder's, then the six together
    QCOMPARE(batcher.counts().largest, 6);
    QVERIFY(orders[0].answer->ok());
    QCOMPARE(orders[0].answer->value().body.value("paidAmount").toInteger(), 1000);
    QCOMPARE(orders[1].answer->failure().code, ErrorCode::InsufficientBalance);
    QVERIFY(orders[2].answer->ok());
    QCOMPARE(orders[2].answer->value().replayed, false);
    QCOMPARE(orders[2].answer->value().body.value("paidAmount").toInteger(), 2000);
    QVERIFY(orders[3].answer->ok());
    QCOMPARE(orders[3].answer->value().replayed, true);
    QCOMPARE(orders[3].answer->value().body, orders[2].answer->value().body);
    QCOMPARE(orders[4].answer->failure().code, ErrorCode::IdempotencyKeyReused);
    QCOMPARE(orders[5].answer->failure().code, ErrorCode::NotFound);

    // The database, to the won: two orders (1 + 2 units), nothing of the refused ones.
    QCOMPARE(m_shop.stockOf(product), 97);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM order_lines WHERE product_id = ?"), { product }), 2);
    QCOMPARE(m_shop.balanceOf(first), 9000);
    QCOMPARE(m_shop.balanceOf(poor), 500);
    QCOMPARE(m_shop.balanceOf(keyed), 8000);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE user_id IN (?, ?, ?)"), { first.id, poor.id, keyed.id }), 2);
    // Each ORDER ledger row says the stock its own order left: 99 after the first, 97.
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT MAX(stock_after) FROM stock_ledger WHERE product_id = ? AND reason = 'ORDER'"), { product }),
             99);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT MIN(stock_after) FROM stock_ledger WHERE product_id = ? AND reason = 'ORDER'"), { product }),
             97);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE event_type = 'ORDER_PAID' AND order_id IN "
                                          "(SELECT id FROM orders WHERE user_id IN (?, ?))"), { first.id, keyed.id }),
             2);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT SUM(units) FROM product_sales_hourly WHERE product_id = ?"), { product }), 3);
}

void tst_OrderBatches::batchThatDoesNotFitRunsSingly()
{
    // Four orders for two units left: the batch's one UPDATE cannot take four, so each
    // runs on its own; the first two in the queue are paid, the others told OUT_OF_STOCK.
    const qint64 product = m_shop.createProduct(QStringLiteral("Last two"), 3000, 2);
    QList<Placed> orders;
    QList<ShopFixture::User> buyers;
    for (int i = 0; i < 4; ++i) {
        buyers << shopperWith(10000);
        orders << Placed { order(buyers.last().id, { { product, 1 } }), {}, "h", {} };
    }
    OrderBatcher batcher(32, 1);
    placeQueued(batcher, product, orders);
    QVERIFY(orders[0].answer->ok());
    QVERIFY(orders[1].answer->ok());
    QCOMPARE(orders[2].answer->failure().code, ErrorCode::OutOfStock);
    QCOMPARE(orders[3].answer->failure().code, ErrorCode::OutOfStock);
    QCOMPARE(m_shop.stockOf(product), 0);
    QCOMPARE(m_shop.balanceOf(buyers[0]), 7000);
    QCOMPARE(m_shop.balanceOf(buyers[1]), 7000);
    QCOMPARE(m_shop.balanceOf(buyers[2]), 10000);
    QCOMPARE(m_shop.balanceOf(buyers[3]), 10000);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT MIN(stock_after) FROM stock_ledger WHERE product_id = ? AND reason = 'ORDER'"), { product }),
             0);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_ledger WHERE product_id = ? AND reason = 'ORDER'"), { product }), 2);
}

void tst_OrderBatches::capSplitsTheQueue()
{
    // Five queued with a cap of three: a batch of three, then one of two.
    const qint64 product = m_shop.createProduct(QStringLiteral("Capped"), 100, 1000);
    QList<Placed> orders;
    for (int i = 0; i < 5; ++i)
        orders << Placed { order(shopperWith(1000).id, { { product, 1 } }), {}, "h", {} };
    OrderBatcher batcher(3, 1);
    placeQueued(batcher, product, orders);
    for (const Placed &placed : std::as_const(orders))
        QVERIFY(placed.answer->ok());
    QCOMPARE(batcher.counts().batches, 3);
    QCOMPARE(batcher.counts().largest, 3);
    QCOMPARE(batcher.counts().items, 6);
    QCOMPARE(m_shop.stockOf(product), 995);
}

void tst_OrderBatches::chargesShareABatch()
{
    // Five charges queued behind a held charge lane run as one transaction: two paid,
    // one replayed by its key, one over the balance ceiling, one for nobody; each
    // answered on its own, the refused ones leaving nothing behind.
    const ShopFixture::User a = shopperWith(0);
    const ShopFixture::User b = shopperWith(0);
    const ShopFixture::User full = shopperWith(0);
    QList<ChargeBatcher::Charge> charges {
        { a.id, 1000, {}, "h-a", {} },
        { b.id, 2500, QStringLiteral("charge-key"), "h-b", {} },
        { b.id, 2500, QStringLiteral("charge-key"), "h-b", {} },
        { full.id, 1'000'000'001, {}, "h-full", {} }, // past the balance ceiling
        { 987654321, 1000, {}, "h-nobody", {} },
    };
    const MysqlEndpoint endpoint = MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value();
    ChargeBatcher batcher(32, 1);
    QSemaphore holding;
    QSemaphore release;
    ChargeBatcher::Charge holder { 0, 1, {}, {}, std::nullopt };
    std::thread first([&] {
        batcher.place(holder, [&](const QList<ChargeBatcher::Charge *> &batch) {
            holding.release();
            release.acquire();
            for (ChargeBatcher::Charge *c : batch)
                c->answer = Failure { ErrorCode::Unavailable, QStringLiteral("held"), {} };
        });
    });
    QVERIFY(holding.tryAcquire(1, 10000));
    std::vector<std::thread> threads;
    for (int i = 0; i < charges.size(); ++i) {
        threads.emplace_back([&, i] {
            Database database(endpoint, QStringLiteral("charge-%1").arg(i));
            database.open();
            WalletService wallet(database, nullptr, &batcher);
            ChargeBatcher::Charge &c = charges[i];
            c.answer = wallet.charge(c.userId, c.amount, c.key, c.requestHash);
        });
        QTRY_COMPARE_WITH_TIMEOUT(batcher.queued(0), i + 1, 10000);
    }
    release.release();
    first.join();
    for (std::thread &t : threads)
        t.join();

    QCOMPARE(batcher.counts().batches, 2);
    QCOMPARE(batcher.counts().largest, 5);
    QCOMPARE(charges[0].answer->value().body.value("balance").toInteger(), 1000);
    QCOMPARE(charges[1].answer->value().body.value("balance").toInteger(), 2500);
    QCOMPARE(charges[2].answer->value().replayed, true);
    QCOMPARE(charges[2].answer->value().body, charges[1].answer->value().body);
    QCOMPARE(charges[3].answer->failure().code, ErrorCode::InvalidAmount);
    QCOMPARE(charges[4].answer->failure().code, ErrorCode::NotFound);
    QCOMPARE(m_shop.balanceOf(a), 1000);
    QCOMPARE(m_shop.balanceOf(b), 2500);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM balance_ledger WHERE user_id IN (?, ?, ?) AND type = 'CHARGE'"),
                           { a.id, b.id, full.id }),
             2);
}

QTEST_GUILESS_MAIN(tst_OrderBatches)
#include "tst_orderbatches.moc"

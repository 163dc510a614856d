#include "DemoShopLoader.h"

#include "RankingBoard.h"

#include "AuthService.h"
#include "Database.h"
#include "ReadThroughCache.h"
#include "RedisClient.h"
#include "DemoShop.h"
#include "DemoShopRepository.h"
#include "UserRepository.h"

#include <QtCore/QLoggingCategory>
#include <QtCore/QThread>
#include <QtCore/QUuid>

Q_LOGGING_CATEGORY(lcDemoShop, "storefront.demoshop")

QJsonObject DemoShopLoader::Progress::toJson() const
{
    QJsonObject out { { QStringLiteral("state"), state }, { QStringLiteral("done"), done },
                      { QStringLiteral("total"), total } };
    if (!message.isEmpty())
        out.insert(QStringLiteral("message"), message);
    return out;
}

DemoShopLoader::DemoShopLoader(MysqlEndpoint endpoint, RedisEndpoint redis, CacheMetrics *metrics,
                               const TokenSigner &tokens, PasswordWork &passwords)
    : m_endpoint(std::move(endpoint)), m_redis(std::move(redis)), m_metrics(metrics), m_tokens(tokens),
      m_passwords(passwords)
{
}

DemoShopLoader::~DemoShopLoader()
{
    if (m_thread)
        m_thread->wait();
}

Result<DemoShopLoader::Progress> DemoShopLoader::start(Database &database, qint64 adminId)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_progress.state == QLatin1String("running"))
        return Failure { ErrorCode::DemoShopRunning, QStringLiteral("the demo shop is already being loaded"), {} };
    // Quick refusals before a thread is started; the thread checks again under the lock.
    DemoShopRepository shop(database);
    const Result<bool> held = shop.lockHeld();
    if (!held)
        return held.failure();
    if (held.value())
        return Failure { ErrorCode::DemoShopRunning,
                         QStringLiteral("another server instance is loading the demo shop"), {} };
    const Result<qint64> products = shop.productCount();
    if (!products)
        return products.failure();
    if (products.value() > 0)
        return shopNotEmpty(products.value());
    if (m_thread)
        m_thread->wait(); // the last load's thread has ended (its state is not running)
    m_progress = Progress { QStringLiteral("running"), 0, 0, QStringLiteral("starting") };
    m_decision = Decision::Pending;
    m_adminId = adminId;
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("demo-shop"));
    m_thread->start();
    // The answer waits for the thread's own check under the MySQL lock (a connection
    // and GET_LOCK: milliseconds), so it is never 202 for a load that will not run.
    m_decided.wait_for(lock, std::chrono::seconds(10), [this] { return m_decision != Decision::Pending; });
    const Decision decision = m_decision;
    const QString why = m_decisionText;
    if (decision == Decision::Started || decision == Decision::Pending)
        return m_progress;
    // Not this instance's load after all: back to idle, so GET shows another
    // instance's load or the shop as it is.
    lock.unlock();
    m_thread->wait();
    lock.lock();
    m_progress = Progress {};
    if (decision == Decision::Busy)
        return Failure { ErrorCode::DemoShopRunning, why, {} };
    if (decision == Decision::NotEmpty)
        return Failure { ErrorCode::ShopNotEmpty, why, {} };
    return Failure { ErrorCode::Unavailable, why, {}, true };
}

Result<DemoShopLoader::Progress> DemoShopLoader::progress(Database &database) const
{
    {
        std::lock_guard<std::mutex> guard(m_mutex);
        if (m_progress.state != QLatin1String("idle"))
            return m_progress;
    }
    // Nothing started here: another instance may be loading it.
    const Result<bool> held = DemoShopRepository(database).lockHeld();
    if (!held)
        return held.failure();
    if (held.value())
        return Progress { QStringLiteral("running"), 0, 0, QStringLiteral("loading on another server instance") };
    return Progress {};
}

void DemoShopLoader::report(const Progress &progress)
{
    std::lock_guard<std::mutex> guard(m_mutex);
    m_progress = progress;
}

void DemoShopLoader::decide(Decision decision, const QString &why)
{
    {
        std::lock_guard<std::mutex> guard(m_mutex);
        m_decision = decision;
        m_decisionText = why;
    }
    m_decided.notify_all();
}

Failure DemoShopLoader::shopNotEmpty(qint64 products)
{
    return Failure { ErrorCode::ShopNotEmpty,
                     QStringLiteral("the shop already has %1 products; the demo shop loads only into an empty shop")
                             .arg(products),
                     QJsonObject { { QStringLiteral("products"), products } } };
}

void DemoShopLoader::run()
{
    const auto fail = [this](const QString &why) {
        qCWarning(lcDemoShop).noquote() << "demo shop not loaded:" << why;
        report(Progress { QStringLiteral("failed"), 0, 0, why });
    };
    Database database(m_endpoint, QStringLiteral("demo-shop-%1").arg(++m_runs));
    if (Status opened = database.open(); !opened) {
        decide(Decision::Failed, opened.failure().message);
        fail(opened.failure().message);
        return;
    }
    DemoShopRepository shop(database);
    const Result<bool> locked = shop.takeLock();
    if (!locked) {
        decide(Decision::Failed, locked.failure().message);
        fail(locked.failure().message);
        return;
    }
    if (!locked.value()) {
        decide(Decision::Busy, QStringLiteral("another server instance is loading the demo shop"));
        return;
    }
    // Checked again under the lock: another instance may have loaded it since the
    // request's check.
    const Result<qint64> products = shop.productCount();
    if (!products || products.value() > 0) {
        shop.releaseLock();
        if (products)
            decide(Decision::NotEmpty, shopNotEmpty(products.value()).message);
        else
            decide(Decision::Failed, products.failure().message);
        return;
    }
    decide(Decision::Started);
    DemoShop::Plan plan;
    {
        std::lock_guard<std::mutex> guard(m_mutex);
        plan.adminId = m_adminId;
    }
    UserRepository users(database);
    AuthService auth(database, m_tokens, m_passwords);
    for (int i = 1; i <= kDemoShoppers; ++i) {
        const QString name = QStringLiteral("demo-shopper-%1").arg(i, 2, 10, QLatin1Char('0'));
        if (const auto existing = users.findByUsername(name)) {
            plan.shoppers << existing->principal.userId;
            continue;
        }
        // A password nobody knows: these accounts only place the demo's orders.
        const auto made = auth.registerShopper({ name, QUuid::createUuid().toString(QUuid::WithoutBraces) });
        if (made)
            plan.shoppers << made->userId;
    }
    report(Progress { QStringLiteral("running"), 0, 0, QStringLiteral("categories") });
    plan.progress = [this](int done, int total, const QString &step) {
        report(Progress { QStringLiteral("running"), done, total, step });
    };
    const Result<DemoShop::Report> made = DemoShop(database).run(plan);
    shop.releaseLock();
    // Every instance's cached product lists (an empty shop's "nothing") go at once,
    // not after their TTL; what failed half-way is shown as it is, too.
    if (m_metrics) {
        RedisClient redis(m_redis, 2000);
        if (redis.ping()) {
            ReadThroughCache(redis, *m_metrics).invalidateAll();
            // The demo's orders fed MySQL's sales aggregate, not the live rankings.
            RankingBoard::forget(redis);
        } else
            qCWarning(lcDemoShop) << "Redis does not answer: cached product lists show the demo shop within a minute";
    }
    if (!made) {
        fail(made.failure().message);
        return;
    }
    int total = 0;
    {
        std::lock_guard<std::mutex> guard(m_mutex);
        total = m_progress.total;
    }
    report(Progress { QStringLiteral("done"), total, total, DemoShop::describe(made.value()) });
    qCInfo(lcDemoShop) << "demo shop loaded:" << made->products << "products," << made->orders << "orders";
}

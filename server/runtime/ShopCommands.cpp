#include "ShopCommands.h"

#include "AuthService.h"
#include "BackupScheduler.h"
#include "BackupVerifier.h"
#include "Database.h"
#include "DemoShop.h"
#include "LocalStack.h"
#include "RankingBoard.h"
#include "RedisClient.h"
#include "StorefrontServer.h"

#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>

// The server's category (StorefrontServer.cpp): the commands log as it did before.
Q_DECLARE_LOGGING_CATEGORY(lcServer)

ShopCommands::ShopCommands(StorefrontServer &server) : m_server(server)
{
}

Result<MysqlEndpoint> ShopCommands::shopDatabase()
{
    // Beside a shop that serves from this stack folder: its MariaDB, not a second one.
    const ServerConfig &config = m_server.config();
    if (config.usesLocalStack() && !m_server.stack()) {
        if (const QString running = LocalStack::runningMysqlUrl(config.stackDir); !running.isEmpty())
            return MysqlEndpoint::fromUrl(running);
    }
    return m_server.stackDatabase();
}

Result<BackupService::Taken> ShopCommands::backup(const QString &toDir)
{
    const Result<MysqlEndpoint> endpoint = shopDatabase();
    if (!endpoint)
        return endpoint.failure();
    return BackupService(endpoint.value(), m_server.binaryLogDir()).backup(toDir);
}

Result<BackupManifest> ShopCommands::restore(const QString &fromDir, const BackupService::RestoreOptions &options)
{
    const Result<MysqlEndpoint> endpoint = shopDatabase();
    if (!endpoint)
        return endpoint.failure();
    Result<BackupManifest> restored = BackupService(endpoint.value(), m_server.binaryLogDir()).restore(fromDir, options);
    if (restored)
        BackupScheduler::recordRestored(endpoint.value(), fromDir, restored.value());
    return restored;
}

Result<QString> ShopCommands::verifyBackup(const QString &dir)
{
    return BackupVerifier::verify(dir);
}

Result<Principal> ShopCommands::createAdmin(const QString &username, const QString &password)
{
    const auto credentials = RequestValidation::credentials(
            QJsonObject { { QStringLiteral("username"), username }, { QStringLiteral("password"), password } }, true);
    if (!credentials)
        return credentials.failure();
    const Result<StorefrontServer::PreparedShop> shop = m_server.preparedShop();
    if (!shop)
        return shop.failure();
    Database database(shop->mysql, QStringLiteral("admin-create"));
    return AuthService(database, *shop->tokens, *shop->passwords, shop->tokenVersions).createAdmin(credentials.value());
}

Result<Seeder::Report> ShopCommands::seed(const Seeder::Plan &plan, bool demo, QString *demoReport)
{
    const Result<StorefrontServer::PreparedShop> shop = m_server.preparedShop();
    if (!shop)
        return shop.failure();
    Database database(shop->mysql, QStringLiteral("seeder"));
    if (!demo)
        return Seeder(database, *shop->tokens).run(plan);
    Seeder::Plan people = plan;
    people.products = 0; // the demo catalogue's, not numbered ones
    people.coupons = 0; // the demo shop's own, as the app's offer makes them
    Result<Seeder::Report> seeded = Seeder(database, *shop->tokens).run(people);
    if (!seeded)
        return seeded;
    DemoShop::Plan demoShop;
    demoShop.products = plan.products;
    demoShop.coupons = plan.coupons;
    // A few dozen shoppers place the demo's orders (a load run seeds thousands of users).
    for (qint64 id = seeded->firstUserId; id > 0 && id <= seeded->lastUserId && demoShop.shoppers.size() < 40; ++id)
        demoShop.shoppers << id;
    const Result<DemoShop::Report> made = DemoShop(database).run(demoShop);
    if (!made)
        return made.failure();
    Seeder::Report report = seeded.value();
    report.firstCouponId = made->firstCouponId;
    report.lastCouponId = made->lastCouponId;
    if (demoReport)
        *demoReport = DemoShop::describe(made.value());
    forgetRankings(shop->redisUrl);
    return report;
}

void ShopCommands::forgetRankings(const QString &redisUrl)
{
    // `seed --demo` may run beside a serving shop: its live rankings (Redis) missed
    // the demo's orders, so every instance rebuilds them from MySQL on its next ask.
    const Result<RedisEndpoint> endpoint = RedisEndpoint::fromUrl(redisUrl);
    if (!endpoint)
        return;
    RedisClient redis(endpoint.value(), 2000);
    if (!redis.ping() || !RankingBoard::forget(redis))
        qCWarning(lcServer) << "Redis does not answer: top products show the demo's sales within 10 minutes";
}

Result<QList<InvariantChecker::Violation>> ShopCommands::check()
{
    const Result<MysqlEndpoint> endpoint = m_server.stackDatabase();
    if (!endpoint)
        return endpoint.failure();
    Database database(endpoint.value(), QStringLiteral("invariants"));
    if (Status opened = database.open(); !opened)
        return opened.failure();
    return InvariantChecker(database).run();
}

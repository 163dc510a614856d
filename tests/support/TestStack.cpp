#include "TestStack.h"

#include "Database.h"
#include "RedisClient.h"

#include <QtCore/QCoreApplication>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

#include <memory>

namespace {
std::unique_ptr<LocalStack> g_stack;
}

LocalStack *TestStack::instance()
{
    if (g_stack && g_stack->isRunning())
        return g_stack.get();
    g_stack = std::make_unique<LocalStack>(LocalStack::Mode::Ephemeral);
    if (Status started = g_stack->start(); !started) {
        qWarning().noquote() << "local stack failed:" << started.failure().message;
        g_stack.reset();
        return nullptr;
    }
    qAddPostRoutine([] { g_stack.reset(); });
    return g_stack.get();
}

ServerConfig TestStack::serverConfig(int workers)
{
    ServerConfig config;
    LocalStack *stack = instance();
    config.listenPort = 0;
    config.workers = workers;
    // Leaving a consumer group takes the mock ~4 s: only the event tests run the
    // data platform in-process (they turn it on).
    config.dataPlatform = false;
    if (stack) {
        config.mysqlUrl = stack->mysql().url();
        config.redisUrl = stack->redis().url();
        config.kafkaBrokers = stack->kafka().bootstrapServers();
    }
    return config;
}

bool TestStack::truncateAll()
{
    LocalStack *stack = instance();
    if (!stack)
        return false;
    Database db(MysqlEndpoint::fromUrl(stack->mysql().url()).value(), QStringLiteral("truncate"));
    if (!db.open())
        return false;
    QSqlQuery q(db.handle());
    if (!q.exec(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                               "AND table_name <> 'schema_migrations'")))
        return false;
    QStringList tables;
    while (q.next())
        tables << q.value(0).toString();
    q.exec(QStringLiteral("SET FOREIGN_KEY_CHECKS = 0"));
    for (const QString &table : tables) {
        if (!q.exec(QStringLiteral("TRUNCATE TABLE `%1`").arg(table)))
            return false;
    }
    q.exec(QStringLiteral("SET FOREIGN_KEY_CHECKS = 1"));
    // Redis holds state derived from these tables (coupon gates, rankings, cache),
    // keyed by ids that TRUNCATE hands out again: it goes too.
    RedisClient redis(RedisEndpoint::fromUrl(stack->redis().url()).value(), 2000);
    return redis.command({ "FLUSHALL" }).ok;
}

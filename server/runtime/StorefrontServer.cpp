#include "StorefrontServer.h"

#include "Database.h"
#include "KafkaProbe.h"
#include "LocalStack.h"
#include "Migrator.h"
#include "OperationsRoutes.h"
#include "WorkerPool.h"

#include <QtCore/QLoggingCategory>

Q_LOGGING_CATEGORY(lcServer, "storefront.server")

StorefrontServer::StorefrontServer(ServerConfig config, QObject *parent) : QObject(parent), m_config(std::move(config))
{
}

StorefrontServer::~StorefrontServer()
{
    stop();
}

void StorefrontServer::addRoutes(HttpWorker::RouteInstaller installer)
{
    m_extraRoutes.push_back(std::move(installer));
}

Status StorefrontServer::startStack()
{
    if (!m_config.usesLocalStack()) {
        m_mysqlUrl = m_config.mysqlUrl;
        m_redisUrl = m_config.redisUrl;
        m_kafkaBrokers = m_config.kafkaBrokers;
        return Done {};
    }
    if (!m_stack) {
        m_stack = std::make_unique<LocalStack>(LocalStack::Mode::Persistent, m_config.stackDir);
        connect(m_stack.get(), &LocalStack::progress, this, &StorefrontServer::progress);
    }
    if (Status started = m_stack->start(); !started)
        return started;
    m_mysqlUrl = m_stack->mysql().url();
    m_redisUrl = m_stack->redis().url();
    m_kafkaBrokers = m_stack->kafka().bootstrapServers();
    return Done {};
}

Result<QStringList> StorefrontServer::migrate()
{
    const Result<MysqlEndpoint> endpoint = MysqlEndpoint::fromUrl(m_mysqlUrl);
    if (!endpoint)
        return endpoint.failure();
    Database database(endpoint.value(), QStringLiteral("migrations"));
    if (Status opened = database.open(); !opened)
        return opened.failure();
    return Migrator(database).migrate();
}

Result<QStringList> StorefrontServer::migrateOnly()
{
    if (Status s = startStack(); !s)
        return s.failure();
    return migrate();
}

Status StorefrontServer::start()
{
    if (m_pool)
        return Done {};
    if (Status s = startStack(); !s)
        return s;
    Q_EMIT progress(tr("Updating the database schema…"));
    const Result<QStringList> migrated = migrate();
    if (!migrated) {
        stop();
        return migrated.failure();
    }
    const Result<MysqlEndpoint> mysql = MysqlEndpoint::fromUrl(m_mysqlUrl);
    const Result<RedisEndpoint> redis = RedisEndpoint::fromUrl(m_redisUrl);
    if (!redis) {
        stop();
        return redis.failure();
    }
    m_kafka = std::make_unique<KafkaProbe>(m_kafkaBrokers);

    Q_EMIT progress(tr("Starting the HTTP server…"));
    WorkerPool::Options options;
    options.address = m_config.listenAddress;
    options.port = m_config.listenPort;
    options.workers = m_config.workers;
    options.policy = m_config.connections;
    options.mysql = mysql.value();
    options.redis = redis.value();
    options.metrics = &m_metrics;
    options.kafka = m_kafka.get();
    const auto extra = m_extraRoutes;
    options.installRoutes = [extra](Router &router, WorkerContext &context) {
        OperationsRoutes::install(router, context);
        for (const auto &install : extra)
            install(router, context);
    };
    auto pool = std::make_unique<WorkerPool>();
    if (Status listening = pool->start(options); !listening) {
        stop();
        return listening;
    }
    m_pool = std::move(pool);
    if (!m_collectorAdded) {
        m_collectorAdded = true;
        m_metrics.addCollector([this] {
            return QByteArray("# HELP http_open_connections Open client connections.\n"
                              "# TYPE http_open_connections gauge\nhttp_open_connections ")
                    + QByteArray::number(m_pool ? m_pool->openConnections() : 0) + '\n';
        });
    }
    qCInfo(lcServer).noquote() << "listening on" << baseUrl() << "with" << m_config.workers << "workers";
    return Done {};
}

void StorefrontServer::stop()
{
    if (m_pool) {
        qCInfo(lcServer) << "stopping: finishing requests in flight";
        m_pool->stop(m_config.shutdownGraceMs);
        m_pool.reset();
    }
    m_kafka.reset();
    if (m_stack)
        m_stack->stop();
}

quint16 StorefrontServer::port() const
{
    return m_pool ? m_pool->port() : 0;
}

QString StorefrontServer::baseUrl() const
{
    const QString host = m_config.listenAddress.protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[%1]").arg(m_config.listenAddress.toString())
            : m_config.listenAddress.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(port());
}

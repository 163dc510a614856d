#include "StorefrontServer.h"

#include "OwnerSetup.h"
#include "BackupScheduler.h"
#include "TlsContext.h"
#include "RedisVersion.h"

#include "DemoShopLoader.h"

#include "AuthGuard.h"
#include "AuthService.h"
#include "DataPlatformConsumer.h"
#include "DependencyMonitor.h"
#include "Database.h"
#include "KafkaProbe.h"
#include "LocalStack.h"
#include "Migrator.h"
#include "OperationsRoutes.h"
#include "Housekeeper.h"
#include "ShopSecrets.h"
#include "OutboxRelay.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"
#include "WorkerPool.h"

#include <QtCore/QFile>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRandomGenerator>
#include <QtCore/QStandardPaths>

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
        m_stack->mysql().setBinaryLog(m_config.binaryLog);
        connect(m_stack.get(), &LocalStack::progress, this, &StorefrontServer::progress);
    }
    if (Status started = m_stack->start(); !started)
        return started;
    m_mysqlUrl = m_stack->mysql().url();
    m_redisUrl = m_stack->redis().url();
    m_kafkaBrokers = m_stack->kafka().bootstrapServers();
    return Done {};
}

Result<QByteArray> StorefrontServer::tokenSecret() const
{
    if (!m_config.tokenSecret.isEmpty())
        return m_config.tokenSecret.toUtf8();
    // One secret for the whole shop, in its database: a token from any instance is
    // valid on all. A data folder from before keeps its secret (file token-secret), so
    // tokens issued then stay valid; otherwise a new random one. Never logged.
    QByteArray candidate;
    const QString dir = m_config.usesLocalStack()
            ? m_config.stackDir
            : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QFile legacy(dir + QStringLiteral("/token-secret"));
    if (legacy.open(QIODevice::ReadOnly))
        candidate = legacy.readAll().trimmed();
    if (candidate.size() < 32) {
        QByteArray random(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 8);
        candidate = random.toHex();
    }
    const Result<MysqlEndpoint> endpoint = MysqlEndpoint::fromUrl(m_mysqlUrl);
    if (!endpoint)
        return endpoint.failure();
    Database database(endpoint.value(), QStringLiteral("shop-secrets"));
    return ShopSecrets(database).getOrCreate(QStringLiteral("token-signing"), candidate);
}

Status StorefrontServer::prepareShop()
{
    const Result<QByteArray> secret = tokenSecret();
    if (!secret)
        return secret.failure();
    m_tokens = std::make_unique<TokenSigner>(secret.value(), m_config.tokenLifetimeSeconds);
    if (!m_passwords)
        m_passwords = std::make_unique<PasswordWork>(PasswordHasher(m_config.passwordIterations), m_passwordGate);
    if (m_config.adminPassword.isEmpty())
        return Done {};
    const Result<MysqlEndpoint> endpoint = MysqlEndpoint::fromUrl(m_mysqlUrl);
    if (!endpoint)
        return endpoint.failure();
    Database database(endpoint.value(), QStringLiteral("admin-setup"));
    AuthService auth(database, *m_tokens, *m_passwords, &m_tokenVersions);
    const Status admin = auth.ensureAdmin(m_config.adminPassword);
    // A shopper called `admin` (registered before that name was reserved) is left as
    // it is; the shop still opens, and the log says how to make a real administrator.
    if (!admin && admin.failure().code == ErrorCode::UsernameTaken) {
        qCCritical(lcServer).noquote() << admin.failure().message;
        return Done {};
    }
    return admin;
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

Result<MysqlEndpoint> StorefrontServer::stackDatabase()
{
    if (Status s = startStack(); !s)
        return s.failure();
    return MysqlEndpoint::fromUrl(m_mysqlUrl);
}

QString StorefrontServer::binaryLogDir() const
{
    return m_config.usesLocalStack() ? m_config.stackDir + QStringLiteral("/mysql") : QString();
}

Result<StorefrontServer::PreparedShop> StorefrontServer::preparedShop()
{
    const Result<QStringList> migrated = migrateOnly();
    if (!migrated)
        return migrated.failure();
    if (Status shop = prepareShop(); !shop)
        return shop.failure();
    const Result<MysqlEndpoint> endpoint = MysqlEndpoint::fromUrl(m_mysqlUrl);
    if (!endpoint)
        return endpoint.failure();
    return PreparedShop { endpoint.value(), m_redisUrl, m_tokens.get(), m_passwords.get(), &m_tokenVersions };
}

void StorefrontServer::startDataPlatform()
{
    if (m_consumer)
        return;
    DataPlatformConsumer::Options options;
    options.mysql = MysqlEndpoint::fromUrl(m_mysqlUrl).value();
    options.brokers = m_kafkaBrokers;
    options.topic = m_config.kafkaTopic;
    m_consumer = std::make_unique<DataPlatformConsumer>(options);
    m_consumer->start();
}

void StorefrontServer::stopDataPlatform()
{
    if (m_consumer)
        m_consumer->stop();
    m_consumer.reset();
}

Status StorefrontServer::startDataPlatformOnly()
{
    const Result<QStringList> migrated = migrateOnly();
    if (!migrated)
        return migrated.failure();
    startDataPlatform();
    return Done {};
}

void StorefrontServer::addCollectors()
{
    if (m_collectorAdded)
        return;
    m_collectorAdded = true;
    m_metrics.addCollector([this] {
        QByteArray out = "# HELP http_open_connections Open client connections.\n"
                         "# TYPE http_open_connections gauge\nhttp_open_connections "
                + QByteArray::number(m_pool ? m_pool->openConnections() : 0) + '\n';
        if (OutboxRelay *relay = m_relay.get()) {
            out += "# HELP outbox_pending Outbox events not yet published.\n# TYPE outbox_pending gauge\noutbox_pending "
                    + QByteArray::number(relay->pending()) + '\n';
            out += "# HELP outbox_failed Outbox events that gave up after the last attempt.\n"
                   "# TYPE outbox_failed gauge\noutbox_failed "
                    + QByteArray::number(relay->failedRows()) + '\n';
            out += "# HELP outbox_oldest_pending_seconds Age of the oldest unpublished event.\n"
                   "# TYPE outbox_oldest_pending_seconds gauge\noutbox_oldest_pending_seconds "
                    + QByteArray::number(relay->oldestPendingSeconds()) + '\n';
            out += "# HELP outbox_published_total Events the broker acknowledged.\n"
                   "# TYPE outbox_published_total counter\noutbox_published_total "
                    + QByteArray::number(relay->published()) + '\n';
            out += "# HELP outbox_delivery_failures_total Deliveries the broker did not acknowledge in time.\n"
                   "# TYPE outbox_delivery_failures_total counter\noutbox_delivery_failures_total "
                    + QByteArray::number(relay->failedDeliveries()) + '\n';
        }
        out += m_cacheMetrics.prometheus();
        if (OrderBatcher *batcher = m_orderBatcher.get())
            out += batcher->prometheus();
        if (ChargeBatcher *batcher = m_chargeBatcher.get())
            out += batcher->prometheus();
        if (BackupScheduler *backups = m_backups.get())
            out += backups->prometheus();
        if (DataPlatformConsumer *consumer = m_consumer.get()) {
            out += "# HELP data_platform_events_stored_total Events the data platform stored (new event ids).\n"
                   "# TYPE data_platform_events_stored_total counter\ndata_platform_events_stored_total "
                    + QByteArray::number(consumer->stored()) + '\n';
            out += "# HELP data_platform_duplicates_total Redelivered events ignored by event id.\n"
                   "# TYPE data_platform_duplicates_total counter\ndata_platform_duplicates_total "
                    + QByteArray::number(consumer->duplicates()) + '\n';
        }
        return out;
    });
}

Status StorefrontServer::start()
{
    if (m_pool)
        return Done {};
    // The certificate first: a wrong file is said before the stack takes its time.
    if (!m_config.tlsCertFile.isEmpty() || !m_config.tlsKeyFile.isEmpty()) {
        Result<std::shared_ptr<TlsContext>> tls = TlsContext::load(m_config.tlsCertFile, m_config.tlsKeyFile);
        if (!tls)
            return tls.failure();
        m_tls = tls.value();
        qCInfo(lcServer).noquote() << "HTTPS with the certificate" << m_tls->fingerprint() << "(SHA-256)";
    }
    if (Status s = startStack(); !s)
        return s;
    // An older Redis is refused before anything is migrated or served (RedisVersion).
    if (const Result<RedisEndpoint> redis = RedisEndpoint::fromUrl(m_redisUrl); redis) {
        if (Status version = RedisVersion::check(redis.value()); !version) {
            stop();
            return version;
        }
    }
    Q_EMIT progress(tr("Updating the database schema…"));
    const Result<QStringList> migrated = migrate();
    if (!migrated) {
        stop();
        return migrated.failure();
    }
    if (Status shop = prepareShop(); !shop) {
        stop();
        return shop;
    }
    const Result<MysqlEndpoint> mysql = MysqlEndpoint::fromUrl(m_mysqlUrl);
    const Result<RedisEndpoint> redis = RedisEndpoint::fromUrl(m_redisUrl);
    if (!redis) {
        stop();
        return redis.failure();
    }
    m_kafka = std::make_unique<KafkaProbe>(m_kafkaBrokers);
    DependencyMonitor::Options watched { mysql.value(), redis.value(), m_kafka.get() };
    m_dependencies = std::make_unique<DependencyMonitor>(watched);
    m_dependencies->start();
    m_dependencies->waitForFirstCheck(3000);

    Q_EMIT progress(tr("Starting the HTTP server…"));
    WorkerPool::Options options;
    options.address = m_config.listenAddress;
    options.port = m_config.listenPort;
    options.workers = m_config.workers;
    options.policy = m_config.connections;
    options.policy.tls = m_tls;
    // An admin's picture upload may send 8 MiB; the head gate asks this before the body.
    // The signature and claims only (no MySQL on the accepting thread): a revoked admin
    // token still gets its answer from AuthGuard, after its body.
    const TokenSigner *tokens = m_tokens.get();
    options.policy.adminToken = [tokens](const QByteArray &bearer) {
        const Result<Principal> who = tokens->verify(QString::fromLatin1(bearer), QDateTime::currentDateTimeUtc());
        return who.ok() && who->role == QLatin1String("ADMIN");
    };
    options.mysql = mysql.value();
    options.redis = redis.value();
    options.redis.keyPrefix = m_config.redisKeyPrefix;
    options.metrics = &m_metrics;
    options.dependencies = m_dependencies.get();
    OutboxRelay::Options relayOptions;
    relayOptions.mysql = mysql.value();
    relayOptions.brokers = m_kafkaBrokers;
    relayOptions.topic = m_config.kafkaTopic;
    m_relay = std::make_unique<OutboxRelay>(relayOptions);
    m_relay->start();
    Housekeeper::Options housekeeping;
    housekeeping.mysql = mysql.value();
    housekeeping.ages.outboxSeconds = qint64(m_config.outboxRetentionHours) * 3600;
    housekeeping.ages.idempotencySeconds = qint64(m_config.idempotencyRetentionHours) * 3600;
    m_housekeeper = std::make_unique<Housekeeper>(housekeeping);
    m_housekeeper->start();
    if (m_config.dataPlatform)
        startDataPlatform();

    const auto extra = m_extraRoutes;
    OutboxRelay *relay = m_relay.get();
    ShopRoutes::Shared shop { *m_tokens, nullptr, *m_passwords, [relay] { relay->notify(); } };
    shop.tokenVersions = &m_tokenVersions;
    shop.redisHotPaths = m_config.redisHotPaths;
    shop.concurrency = m_config.concurrency;
    shop.timeZone = m_config.timeZone;
    m_orderBatcher = std::make_unique<OrderBatcher>(m_config.orderBatch);
    shop.orderBatcher = m_orderBatcher.get();
    m_chargeBatcher = std::make_unique<ChargeBatcher>(m_config.chargeBatch);
    shop.chargeBatcher = m_chargeBatcher.get();
    shop.cacheMetrics = &m_cacheMetrics;
    shop.rankings = &m_rankings;
    shop.loginThrottle = &m_loginThrottle;
    m_demoShop = std::make_unique<DemoShopLoader>(mysql.value(), options.redis,
                                                  m_config.redisHotPaths ? &m_cacheMetrics : nullptr, *m_tokens,
                                                  *m_passwords);
    shop.demoShop = m_demoShop.get();
    BackupScheduler::Options backups { mysql.value(), m_config.backupDir, m_config.backupEveryHours, m_config.backupKeep,
                                       m_config.backupCheckMs, binaryLogDir() };
    m_backups = std::make_unique<BackupScheduler>(backups);
    if (m_backups->enabled())
        m_backups->start();
    shop.backups = m_backups.get();
    if (!m_config.ownerSecret.isEmpty()) {
        m_ownerSetup = std::make_unique<OwnerSetup>(m_config.ownerSecret);
        shop.ownerSetup = m_ownerSetup.get();
    }
    options.installRoutes = [extra, shop](Router &router, WorkerContext &context) {
        OperationsRoutes::install(router, context);
        ShopRoutes::install(router, context, shop);
        for (const auto &install : extra)
            install(router, context);
    };
    auto pool = std::make_unique<WorkerPool>();
    if (Status listening = pool->start(options); !listening) {
        stop();
        return listening;
    }
    m_pool = std::move(pool);
    addCollectors();
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
    if (m_demoShop) {
        m_demoShop.reset(); // a load under way finishes first: its lock and rows stay whole
    }
    m_backups.reset(); // likewise a backup under way, and its verification
    // No request commits any more: the relay sends what is left (bounded), then the
    // consumer leaves its group.
    if (m_relay)
        m_relay->stop();
    m_relay.reset();
    m_housekeeper.reset();
    m_dependencies.reset();
    stopDataPlatform();
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
    return QStringLiteral("%1://%2:%3").arg(QLatin1String(m_tls ? "https" : "http"), host).arg(port());
}

Status StorefrontServer::reloadTls()
{
    if (!m_tls)
        return Done {};
    if (Status reloaded = m_tls->reload(); !reloaded) {
        qCWarning(lcServer).noquote() << "the certificate was not reloaded; the old one stays:" << reloaded.failure().message;
        return reloaded;
    }
    qCInfo(lcServer).noquote() << "certificate reloaded:" << m_tls->fingerprint() << "(SHA-256); new connections use it";
    return Done {};
}

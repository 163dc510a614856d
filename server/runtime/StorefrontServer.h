#pragma once


#include "BackupService.h"
#include "CacheMetrics.h"
#include "HttpMetrics.h"
#include "HttpWorker.h"
#include "InvariantChecker.h"
#include "ChargeBatcher.h"
#include "LoginThrottle.h"
#include "MysqlEndpoint.h"
#include "OrderBatcher.h"
#include "PasswordWork.h"
#include "RankingBoard.h"
#include "Result.h"
#include "Seeder.h"
#include "ServerConfig.h"
#include "TokenVersions.h"

#include <QtCore/QObject>
#include <QtCore/QThread>

#include <memory>

class AuthGuard;
class BackupScheduler;
class DataPlatformConsumer;
class DemoShopLoader;
class OwnerSetup;
class TlsContext;
class DependencyMonitor;
class Housekeeper;
class OutboxRelay;
class KafkaProbe;
class TokenSigner;
class LocalStack;
class WorkerPool;

// The whole backend in one object: the local stack (when no external services are
// configured), migrations, and the HTTP workers. storefront-server, the desktop app's
// embedded server and the integration tests all run this; storefront-server's one-shot
// commands (ShopCommands) run on its stack and secrets.
class StorefrontServer : public QObject
{
    Q_OBJECT
public:
    explicit StorefrontServer(ServerConfig config, QObject *parent = nullptr);
    ~StorefrontServer() override;

    // Extra routes on every worker, besides the API's (tests add probes here).
    void addRoutes(HttpWorker::RouteInstaller installer);

    // Brings everything up in order; on failure, what was started is stopped again.
    // Blocking; emits progress() between steps.
    Status start();
    // Graceful: stop accepting, finish requests in flight, then stop the stack.
    void stop();

    // Only migrations (storefront-server migrate): the stack if any, then the schema.
    Result<QStringList> migrateOnly();
    // What the one-shot commands (ShopCommands) run on. The stack if any, started; the
    // shop's MySQL.
    Result<MysqlEndpoint> stackDatabase();
    // The commands that write (seed, admin create): the stack up, the schema migrated,
    // the shop's secrets in place. The pointers hold until the next preparedShop() or start().
    struct PreparedShop {
        MysqlEndpoint mysql;
        QString redisUrl;
        const TokenSigner *tokens = nullptr;
        PasswordWork *passwords = nullptr;
        TokenVersions *tokenVersions = nullptr;
    };
    Result<PreparedShop> preparedShop();
    // Where the local stack's MariaDB keeps its binary log; empty with an external MySQL.
    QString binaryLogDir() const;
    // storefront-server data-platform: the stack if any, the schema, then only the
    // consumer (no HTTP, no relay) until stop().
    Status startDataPlatformOnly();

    // The event pipeline's threads (null when not running), and control of the
    // consumer for fault tests (a data platform restarted mid-stream).
    OutboxRelay *relay() const { return m_relay.get(); }
    DataPlatformConsumer *dataPlatform() const { return m_consumer.get(); }
    void startDataPlatform();
    void stopDataPlatform();

    // SIGHUP: read --tls-cert and --tls-key again (a renewed certificate); on failure the
    // old pair stays and the reason is logged. Nothing to do without TLS.
    Status reloadTls();
    quint16 port() const;
    QString baseUrl() const;
    const ServerConfig &config() const { return m_config; }
    LocalStack *stack() const { return m_stack.get(); }
    HttpMetrics &metrics() { return m_metrics; }
    const CacheMetrics &cacheMetrics() const { return m_cacheMetrics; }
    // Scheduled and requested backups while serving (null before start()).
    BackupScheduler *backups() const { return m_backups.get(); }

Q_SIGNALS:
    void progress(const QString &step);

private:
    Status startStack();
    Result<QByteArray> tokenSecret() const;
    Status prepareShop();
    void addCollectors();
    Result<QStringList> migrate();

    ServerConfig m_config;
    std::unique_ptr<LocalStack> m_stack;
    QString m_mysqlUrl;
    QString m_redisUrl;
    QString m_kafkaBrokers;
    HttpMetrics m_metrics;
    CacheMetrics m_cacheMetrics;
    RankingBoard::Shared m_rankings { m_cacheMetrics };
    LoginThrottle m_loginThrottle { LoginThrottle::Limits {} };
    // PBKDF2 takes a core for its whole run: half the cores at most, so the rest of
    // the shop keeps answering during a flood of registrations or logins.
    WorkGate m_passwordGate { qMax(1, QThread::idealThreadCount() / 2), 1000 };
    std::unique_ptr<PasswordWork> m_passwords;
    std::unique_ptr<KafkaProbe> m_kafka;
    // Declared after the probe it uses, so it is destroyed first.
    std::unique_ptr<DependencyMonitor> m_dependencies;
    std::unique_ptr<TokenSigner> m_tokens;
    TokenVersions m_tokenVersions;
    // Before m_pool: destroyed after it, and stop() resets it after the workers end.
    std::unique_ptr<DemoShopLoader> m_demoShop;
    std::unique_ptr<OrderBatcher> m_orderBatcher;
    std::unique_ptr<ChargeBatcher> m_chargeBatcher;
    std::unique_ptr<BackupScheduler> m_backups;
    std::unique_ptr<OwnerSetup> m_ownerSetup;
    std::shared_ptr<TlsContext> m_tls; // null: plain HTTP
    std::unique_ptr<WorkerPool> m_pool;
    std::unique_ptr<OutboxRelay> m_relay;
    std::unique_ptr<Housekeeper> m_housekeeper;
    std::unique_ptr<DataPlatformConsumer> m_consumer;
    std::vector<HttpWorker::RouteInstaller> m_extraRoutes;
    bool m_collectorAdded = false;
};

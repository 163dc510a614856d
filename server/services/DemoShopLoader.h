#pragma once

#include "MysqlEndpoint.h"
#include "RedisEndpoint.h"
#include "Result.h"

#include <QtCore/QJsonObject>
#include <QtCore/QString>

#include <condition_variable>
#include <memory>
#include <mutex>

class CacheMetrics;
class Database;
class PasswordWork;
class QThread;
class TokenSigner;

// POST /api/v1/admin/demo-shop: the demo shop (DemoShop) loaded on a background thread
// of this process with its own MySQL connection, so no request worker waits for it;
// GET reads how far it has come. One per process, shared by the workers (thread-safe).
//
// Safe on several instances: the load holds the MySQL named lock
// `storefront.demo-shop` from start to end and checks, under it, that the shop still
// has no products; a start while any instance holds the lock, or while products exist,
// is refused (409 DEMO_SHOP_RUNNING / SHOP_NOT_EMPTY). start() answers only once the
// load's thread holds the lock and has found the shop empty, so two instances asked
// at the same moment cannot both say 202: the one that did not get the lock says 409.
class DemoShopLoader
{
public:
    struct Progress {
        QString state = QStringLiteral("idle"); // idle, running, done, failed
        int done = 0;
        int total = 0;
        QString message;
        QJsonObject toJson() const;
    };

    // `redis`/`metrics`: the catalogue cache, emptied when the load ends (the demo's
    // rows are written past CatalogueService); `metrics` null: no cache to empty.
    DemoShopLoader(MysqlEndpoint endpoint, RedisEndpoint redis, CacheMetrics *metrics, const TokenSigner &tokens,
                   PasswordWork &passwords);
    // Waits for a load still running (a server stopping mid-load finishes it first).
    ~DemoShopLoader();

    // `database` is the calling worker's connection (for the checks before starting);
    // `adminId` who asked (the audit log's row for the load).
    Result<Progress> start(Database &database, qint64 adminId);
    Result<Progress> progress(Database &database) const;

    // Shoppers who place the demo's orders: demo-shopper-01.. with unknown passwords.
    static constexpr int kDemoShoppers = 12;

private:
    // What the load's thread found before it began, for start() to answer with.
    enum class Decision { Pending, Started, Busy, NotEmpty, Failed };
    void run();
    void report(const Progress &progress);
    void decide(Decision decision, const QString &why = {});
    static Failure shopNotEmpty(qint64 products);

    MysqlEndpoint m_endpoint;
    RedisEndpoint m_redis;
    CacheMetrics *m_metrics;
    const TokenSigner &m_tokens;
    PasswordWork &m_passwords;
    mutable std::mutex m_mutex;
    Progress m_progress;
    std::condition_variable m_decided;
    Decision m_decision = Decision::Pending;
    QString m_decisionText;
    qint64 m_adminId = 0; // of the load running or last run
    std::unique_ptr<QThread> m_thread;
    int m_runs = 0;
};

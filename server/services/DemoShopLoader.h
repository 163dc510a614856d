#pragma once

#include "MysqlEndpoint.h"
#include "Result.h"

#include <QtCore/QJsonObject>
#include <QtCore/QString>

#include <memory>
#include <mutex>

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
// is refused (409 DEMO_SHOP_RUNNING / SHOP_NOT_EMPTY).
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

    DemoShopLoader(MysqlEndpoint endpoint, const TokenSigner &tokens, PasswordWork &passwords);
    // Waits for a load still running (a server stopping mid-load finishes it first).
    ~DemoShopLoader();

    // `database` is the calling worker's connection (for the checks before starting).
    Result<Progress> start(Database &database);
    Result<Progress> progress(Database &database) const;

    // Shoppers who place the demo's orders: demo-shopper-01.. with unknown passwords.
    static constexpr int kDemoShoppers = 12;

private:
    void run();
    void report(const Progress &progress);

    MysqlEndpoint m_endpoint;
    const TokenSigner &m_tokens;
    PasswordWork &m_passwords;
    mutable std::mutex m_mutex;
    Progress m_progress;
    std::unique_ptr<QThread> m_thread;
    int m_runs = 0;
};

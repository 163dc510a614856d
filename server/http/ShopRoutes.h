#pragma once

#include "CacheMetrics.h"
#include "ConcurrencyStrategy.h"
#include "RankingBoard.h"

#include <QtCore/QByteArray>

#include <functional>
#include <memory>

class AuthGuard;
class BackupScheduler;
class ChargeBatcher;
class DemoShopLoader;
class OrderBatcher;
class OwnerSetup;
class LoginThrottle;
class PasswordWork;
class StockMirror;
struct WorkerContext;
class Router;
class TokenSigner;
class TokenVersions;

// Every /api/v1 route of API.md. Each capability's routes live in their own file;
// handlers only map HTTP to a service call and the result back (STYLE.md).
namespace ShopRoutes {
struct Shared {
    const TokenSigner &tokens;
    // Set per worker by install(): it checks token versions on the worker's connection.
    const AuthGuard *guard = nullptr;
    // Every PBKDF2 run, shared by all workers (AuthService).
    PasswordWork &passwords;
    // After a commit that wrote an outbox event (wakes the relay). Thread-safe.
    std::function<void()> eventCommitted;
    // Redis in the hot paths (catalogue cache, coupon gate, rankings); off: MySQL alone.
    bool redisHotPaths = true;
    ConcurrencyStrategy concurrency = ConcurrencyStrategy::DbLock;
    // The shop's time zone (--time-zone, an IANA id): the CSV reports' times are in it.
    QByteArray timeZone = QByteArrayLiteral("Asia/Seoul");
    CacheMetrics *cacheMetrics = nullptr;
    RankingBoard::Shared *rankings = nullptr;
    // Failed-login limits: kept in Redis for every instance (LoginLimiter), this
    // process's copy while Redis is down; null: no limit.
    LoginThrottle *loginThrottle = nullptr;
    // The accounts' token versions, cached for every worker (AuthGuard).
    TokenVersions *tokenVersions = nullptr;
    // Loads the demo shop in the background (POST /admin/demo-shop); null: not offered.
    DemoShopLoader *demoShop = nullptr;
    // Scheduled and requested backups (GET/POST /admin/backups); null: no such routes.
    BackupScheduler *backups = nullptr;
    // The desktop app's one-time secret for its first owner (POST /auth/owner); null on
    // a standalone server, which refuses every claim.
    OwnerSetup *ownerSetup = nullptr;
    // Set per worker by install() with Redis in the hot paths: the catalogue's live
    // stock, told of every stock change this worker's connection commits.
    StockMirror *stockMirror = nullptr;
    // Orders that meet on a hot product, gathered into shared transactions; null: none.
    OrderBatcher *orderBatcher = nullptr;
    // Charges gathered into shared transactions; null: one transaction each.
    ChargeBatcher *chargeBatcher = nullptr;
};
void install(Router &router, WorkerContext &worker, const Shared &shared);

// `service` as the shared pointer the route handlers capture, keeping alive the
// per-worker collaborators it points at (a cache, a gate, locks) for as long as it lives.
template<typename Service, typename... Collaborators>
std::shared_ptr<Service> withCollaborators(std::unique_ptr<Service> service, std::shared_ptr<Collaborators>... collaborators)
{
    return std::shared_ptr<Service>(service.release(), [collaborators...](Service *s) { delete s; });
}

void installAuth(Router &router, WorkerContext &worker, const Shared &shared);
void installWallet(Router &router, WorkerContext &worker, const Shared &shared);
void installCatalogue(Router &router, WorkerContext &worker, const Shared &shared);
void installCategories(Router &router, WorkerContext &worker, const Shared &shared);
void installImages(Router &router, WorkerContext &worker, const Shared &shared);
void installCoupons(Router &router, WorkerContext &worker, const Shared &shared);
void installOrders(Router &router, WorkerContext &worker, const Shared &shared);
void installAdmin(Router &router, WorkerContext &worker, const Shared &shared);
void installAdminOrders(Router &router, WorkerContext &worker, const Shared &shared);
void installStock(Router &router, WorkerContext &worker, const Shared &shared);
void installCustomers(Router &router, WorkerContext &worker, const Shared &shared);
void installAudit(Router &router, WorkerContext &worker, const Shared &shared);
void installReports(Router &router, WorkerContext &worker, const Shared &shared);
void installDemoShop(Router &router, WorkerContext &worker, const Shared &shared);
void installBackups(Router &router, WorkerContext &worker, const Shared &shared);
void installAddresses(Router &router, WorkerContext &worker, const Shared &shared);
void installFulfilment(Router &router, WorkerContext &worker, const Shared &shared);
void installReturns(Router &router, WorkerContext &worker, const Shared &shared);
}

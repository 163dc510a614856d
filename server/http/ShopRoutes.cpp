#include "ShopRoutes.h"

#include "AuthGuard.h"
#include "Database.h"
#include "ReadThroughCache.h"
#include "Router.h"
#include "StockMirror.h"
#include "WorkerContext.h"

void ShopRoutes::install(Router &router, WorkerContext &worker, const Shared &shared)
{
    // This worker's guard: token versions are looked up on its own connection. The
    // router keeps it alive as long as the handlers that point at it.
    auto guard = std::make_shared<AuthGuard>(shared.tokens, shared.tokenVersions, &worker.database);
    router.keepAlive(guard);
    Shared mine = shared;
    mine.guard = guard.get();
    if (shared.redisHotPaths) {
        auto mirror = std::make_shared<StockMirror>(worker.redis, *shared.cacheMetrics);
        router.keepAlive(mirror);
        // Lists filtered by stock are cached by the products they hold: a change that
        // takes a product to 0 or back moves them on (one more INCR, only then).
        auto catalogue = std::make_shared<ReadThroughCache>(worker.redis, *shared.cacheMetrics);
        router.keepAlive(catalogue);
        worker.database.setStockChanged([mirror, catalogue](const QList<qint64> &productIds, bool inStockChanged) {
            mirror->changed(productIds);
            if (inStockChanged)
                catalogue->inStockChanged();
        });
        mine.stockMirror = mirror.get();
    }
    installAuth(router, worker, mine);
    installWallet(router, worker, mine);
    installCatalogue(router, worker, mine);
    installCategories(router, worker, mine);
    installImages(router, worker, mine);
    installCoupons(router, worker, mine);
    installOrders(router, worker, mine);
    installAdmin(router, worker, mine);
    installAdminOrders(router, worker, mine);
    installStock(router, worker, mine);
    installCustomers(router, worker, mine);
    installAudit(router, worker, mine);
    installReports(router, worker, mine);
    installDemoShop(router, worker, mine);
    installBackups(router, worker, mine);
    installAddresses(router, worker, mine);
    installFulfilment(router, worker, mine);
    installReturns(router, worker, mine);
}

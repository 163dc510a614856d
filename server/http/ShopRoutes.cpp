#include "ShopRoutes.h"
#include "WorkerContext.h"

void ShopRoutes::install(Router &router, WorkerContext &worker, const Shared &shared)
{
    installAuth(router, worker, shared);
    installWallet(router, worker, shared);
    installCatalogue(router, worker, shared);
    installCoupons(router, worker, shared);
    installOrders(router, worker, shared);
    installAdmin(router, worker, shared);
}

#include "ShopRoutes.h"

void ShopRoutes::install(Router &router, Database &database, const Shared &shared)
{
    installAuth(router, database, shared);
    installWallet(router, database, shared);
    installCatalogue(router, database, shared);
    installCoupons(router, database, shared);
    installOrders(router, database, shared);
    installAdmin(router, database, shared);
}

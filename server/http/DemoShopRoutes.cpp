#include "AuthGuard.h"
#include "DemoShopLoader.h"
#include "Responses.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

// An extension of API.md for the desktop app's "load the demo shop" offer (the app
// speaks only HTTP): POST starts DemoShop on a background thread (202), GET polls it.
void ShopRoutes::installDemoShop(Router &router, WorkerContext &worker, const Shared &shared)
{
    DemoShopLoader *loader = shared.demoShop;
    if (!loader)
        return;
    const AuthGuard &guard = *shared.guard;
    Database &database = worker.database;
    using Method = Router::Method;

    router.add(Method::Post, QStringLiteral("/api/v1/admin/demo-shop"),
               guard.adminOnly([loader, &database](const RequestContext &, const Principal &principal) {
                   const auto started = loader->start(database, principal.userId);
                   if (!started)
                       return Responses::failure(started.failure());
                   return Responses::json(started->toJson(), Responses::Status::Accepted);
               }));

    router.add(Method::Get, QStringLiteral("/api/v1/admin/demo-shop"),
               guard.adminOnly([loader, &database](const RequestContext &, const Principal &) {
                   const auto progress = loader->progress(database);
                   if (!progress)
                       return Responses::failure(progress.failure());
                   return Responses::json(progress->toJson());
               }));
}

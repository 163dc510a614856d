#include "AuthGuard.h"
#include "CatalogueRequests.h"
#include "CategoryService.h"
#include "JsonBody.h"
#include "Responses.h"
#include "RouteInput.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

#include <memory>

void ShopRoutes::installCategories(Router &router, WorkerContext &worker, const Shared &shared)
{
    std::shared_ptr<ReadThroughCache> cache;
    if (shared.redisHotPaths)
        cache = std::make_shared<ReadThroughCache>(worker.redis, *shared.cacheMetrics);
    auto categories = withCollaborators(std::make_unique<CategoryService>(worker.database, cache.get()), cache);
    const AuthGuard &guard = *shared.guard;
    using Method = Router::Method;

    router.add(Method::Get, QStringLiteral("/api/v1/categories"),
               guard.signedIn([categories](const RequestContext &, const Principal &) {
                   const auto all = categories->list();
                   if (!all)
                       return Responses::failure(all.failure());
                   QJsonArray items;
                   for (const CategoryService::Category &c : all.value())
                       items.append(c.toJson());
                   return Responses::json({ { QStringLiteral("items"), items } });
               }));

    router.add(Method::Post, QStringLiteral("/api/v1/admin/categories"),
               guard.adminOnly([categories](const RequestContext &context, const Principal &principal) {
                   const Result<QJsonObject> body = JsonBody::object(context.request);
                   if (!body)
                       return Responses::failure(body.failure());
                   const auto draft = CatalogueRequests::category(body.value(), true);
                   if (!draft)
                       return Responses::failure(draft.failure());
                   const auto created = categories->create(draft.value(), principal.userId);
                   if (!created)
                       return Responses::failure(created.failure());
                   return Responses::json(created->toJson(), Responses::Status::Created);
               }));

    router.add(Method::Patch, QStringLiteral("/api/v1/admin/categories/{categoryId}"),
               guard.adminOnly([categories](const RequestContext &context, const Principal &principal) {
                   const Result<RouteInput::Target> target = RouteInput::idAndBody(context, QStringLiteral("categoryId"));
                   if (!target)
                       return Responses::failure(target.failure());
                   const auto draft = CatalogueRequests::category(target->body, false);
                   if (!draft)
                       return Responses::failure(draft.failure());
                   const auto updated = categories->update(target->id, draft.value(), principal.userId);
                   if (!updated)
                       return Responses::failure(updated.failure());
                   return Responses::json(updated->toJson());
               }));

    router.add(Method::Delete, QStringLiteral("/api/v1/admin/categories/{categoryId}"),
               guard.adminOnly([categories](const RequestContext &context, const Principal &principal) {
                   const Result<qint64> id = RouteInput::pathId(context, QStringLiteral("categoryId"));
                   if (!id)
                       return Responses::failure(id.failure());
                   const Status removed = categories->remove(id.value(), principal.userId);
                   if (!removed)
                       return Responses::failure(removed.failure());
                   return QHttpServerResponse(Responses::Status::NoContent);
               }));
}

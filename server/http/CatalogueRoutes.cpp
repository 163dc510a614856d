#include "AuthGuard.h"
#include "CatalogueRequests.h"
#include "JsonBody.h"
#include "CatalogueService.h"
#include "Responses.h"
#include "RouteInput.h"
#include "SalesRepository.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

#include "IsoTime.h"

#include <memory>

namespace {
// The catalogue's answers come as the bytes they are sent as (CatalogueService keeps
// them so), in what Responses::json would send: compact JSON.
QHttpServerResponse jsonBytes(const QByteArray &body)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"), body);
}
}

void ShopRoutes::installCatalogue(Router &router, WorkerContext &worker, const Shared &shared)
{
    Database &database = worker.database;
    std::shared_ptr<ReadThroughCache> cache;
    std::shared_ptr<RankingBoard> rankings;
    if (shared.redisHotPaths) {
        cache = std::make_shared<ReadThroughCache>(worker.redis, *shared.cacheMetrics);
        rankings = std::make_shared<RankingBoard>(worker.redis, *shared.rankings);
    }
    auto catalogue = withCollaborators(
            std::make_unique<CatalogueService>(database, cache.get(), rankings.get(), shared.stockMirror), cache, rankings);
    const AuthGuard &guard = *shared.guard;
    using Method = Router::Method;

    router.add(Method::Get, QStringLiteral("/api/v1/products"),
               guard.signedIn([catalogue](const RequestContext &context, const Principal &) {
                   const auto query = CatalogueRequests::productQuery(context.request.query());
                   if (!query)
                       return Responses::failure(query.failure());
                   const RequestValidation::PageRequest page = query->page;
                   const auto found = catalogue->list(query.value(), [page](const QJsonArray &items, qint64 total) {
                       return RouteInput::page(items, page, total);
                   });
                   if (!found)
                       return Responses::failure(found.failure());
                   return jsonBytes(found.value());
               }));

    router.add(Method::Get, QStringLiteral("/api/v1/products/top"),
               guard.signedIn([catalogue](const RequestContext &context, const Principal &) {
                   const QUrlQuery query = context.request.query();
                   const Result<int> days = RequestValidation::boundedInt(query, QStringLiteral("days"), 1, 30, 3);
                   if (!days)
                       return Responses::failure(days.failure());
                   const Result<int> limit = RequestValidation::boundedInt(query, QStringLiteral("limit"), 1, 20, 5);
                   if (!limit)
                       return Responses::failure(limit.failure());
                   const QDateTime to = QDateTime::currentDateTimeUtc();
                   const auto items = catalogue->topItems(days.value(), limit.value());
                   if (!items)
                       return Responses::failure(items.failure());
                   // {"from","items","to"}: QJsonObject's key order, around the items'
                   // bytes (the times are ISO text that needs no escaping).
                   return jsonBytes("{\"from\":\"" + IsoTime::format(to.addDays(-days.value())).toLatin1() + "\",\"items\":"
                                    + items.value() + ",\"to\":\"" + IsoTime::format(to).toLatin1() + "\"}");
               }));

    router.add(Method::Get, QStringLiteral("/api/v1/products/{productId}"),
               guard.signedIn([catalogue](const RequestContext &context, const Principal &) {
                   const Result<qint64> id = RouteInput::pathId(context, QStringLiteral("productId"));
                   if (!id)
                       return Responses::failure(id.failure());
                   const Result<QByteArray> product = catalogue->productAnswer(id.value());
                   if (!product)
                       return Responses::failure(product.failure());
                   return jsonBytes(product.value());
               }));

    router.add(Method::Post, QStringLiteral("/api/v1/admin/products"),
               guard.adminOnly([catalogue](const RequestContext &context, const Principal &principal) {
                   const Result<QJsonObject> body = JsonBody::object(context.request);
                   if (!body)
                       return Responses::failure(body.failure());
                   const auto draft = RequestValidation::product(body.value(), true);
                   if (!draft)
                       return Responses::failure(draft.failure());
                   const Result<Product> created = catalogue->create(draft.value(), principal.userId);
                   if (!created)
                       return Responses::failure(created.failure());
                   return Responses::json(created->toJson(), Responses::Status::Created);
               }));

    router.add(Method::Patch, QStringLiteral("/api/v1/admin/products/{productId}"),
               guard.adminOnly([catalogue](const RequestContext &context, const Principal &principal) {
                   const Result<RouteInput::Target> target = RouteInput::idAndBody(context, QStringLiteral("productId"));
                   if (!target)
                       return Responses::failure(target.failure());
                   const auto draft = RequestValidation::product(target->body, false);
                   if (!draft)
                       return Responses::failure(draft.failure());
                   const Result<Product> updated = catalogue->update(target->id, draft.value(), principal.userId);
                   if (!updated)
                       return Responses::failure(updated.failure());
                   return Responses::json(updated->toJson());
               }));
}

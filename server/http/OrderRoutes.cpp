#include "AuthGuard.h"
#include "JsonBody.h"
#include "OrderService.h"
#include "Responses.h"
#include "RouteInput.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

#include <memory>
#include <variant>

namespace {
// The order named in the path, if this caller may see it; otherwise the answer to give
// (400 bad id, 404, 403).
std::variant<Order, QHttpServerResponse> ownedOrder(OrderService &orders, const RequestContext &context,
                                                    const Principal &principal)
{
    const Result<qint64> id = RouteInput::pathId(context, QStringLiteral("orderId"));
    if (!id)
        return Responses::failure(id.failure());
    Result<Order> order = orders.get(id.value());
    if (!order)
        return Responses::failure(order.failure());
    if (auto denied = AuthGuard::ownerOrAdmin(principal, order->userId))
        return std::move(*denied);
    return std::move(order.value());
}
}

void ShopRoutes::installOrders(Router &router, WorkerContext &worker, const Shared &shared)
{
    Database &database = worker.database;
    auto locks = std::make_shared<OperationLocks>(shared.concurrency, worker.redis, *shared.cacheMetrics);
    std::shared_ptr<RankingBoard> rankings;
    if (shared.redisHotPaths)
        rankings = std::make_shared<RankingBoard>(worker.redis, *shared.rankings);
    OrderService::SalesRecorded recorded;
    if (rankings)
        recorded = [rankings](const QList<OrderLine> &lines, const QDateTime &paidAt, int sign) {
            rankings->record(lines, paidAt, sign);
        };
    auto orders = withCollaborators(std::make_unique<OrderService>(database, shared.eventCommitted, recorded, locks.get(), shared.orderBatcher), locks);
    const AuthGuard &guard = *shared.guard;
    using Method = Router::Method;

    router.add(Method::Post, QStringLiteral("/api/v1/orders"),
               guard.signedIn([orders](const RequestContext &context, const Principal &principal) {
                   const Result<QJsonObject> body = JsonBody::object(context.request);
                   if (!body)
                       return Responses::failure(body.failure());
                   const auto request = RequestValidation::order(body.value());
                   if (!request)
                       return Responses::failure(request.failure());
                   if (auto denied = AuthGuard::ownerOrAdmin(principal, request->userId))
                       return std::move(*denied);
                   const Result<QString> key = RouteInput::idempotencyKey(context.request);
                   if (!key)
                       return Responses::failure(key.failure());
                   const Result<IdempotentAnswer> placed =
                           orders->place(request.value(), key.value(), RouteInput::requestHash(context.request));
                   if (!placed)
                       return Responses::failure(placed.failure());
                   return Responses::json(placed->body, Responses::Status::Created);
               }));

    router.add(Method::Get, QStringLiteral("/api/v1/orders/{orderId}"),
               guard.signedIn([orders](const RequestContext &context, const Principal &principal) {
                   auto order = ownedOrder(*orders, context, principal);
                   if (auto *refused = std::get_if<QHttpServerResponse>(&order))
                       return std::move(*refused);
                   return Responses::json(std::get<Order>(order).toJson());
               }));

    router.add(Method::Get, QStringLiteral("/api/v1/users/{userId}/orders"),
               guard.forUser([orders](const RequestContext &context, const Principal &, qint64 userId) {
                   const auto page = RequestValidation::page(context.request.query());
                   if (!page)
                       return Responses::failure(page.failure());
                   const auto found = orders->forUser(userId, page.value());
                   if (!found)
                       return Responses::failure(found.failure());
                   QJsonArray items;
                   for (const Order &o : found->first)
                       items.append(o.toJson());
                   return Responses::json(RouteInput::page(items, page.value(), found->second));
               }));

    router.add(Method::Post, QStringLiteral("/api/v1/orders/{orderId}/cancel"),
               guard.signedIn([orders](const RequestContext &context, const Principal &principal) {
                   auto order = ownedOrder(*orders, context, principal);
                   if (auto *refused = std::get_if<QHttpServerResponse>(&order))
                       return std::move(*refused);
                   const qint64 adminId = principal.isAdmin() ? principal.userId : 0;
                   const Result<Order> cancelled = orders->cancel(std::get<Order>(order).id, adminId);
                   if (!cancelled)
                       return Responses::failure(cancelled.failure());
                   return Responses::json(cancelled->toJson());
               }));
}

#include "AdminRequests.h"
#include "AuthGuard.h"
#include "JsonBody.h"
#include "OrderService.h"
#include "RefundService.h"
#include "Responses.h"
#include "RouteInput.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

#include <memory>

// The admin's side of orders (API.md, Running the shop): every order, refunds by line.
void ShopRoutes::installAdminOrders(Router &router, WorkerContext &worker, const Shared &shared)
{
    std::shared_ptr<RankingBoard> rankings;
    if (shared.redisHotPaths)
        rankings = std::make_shared<RankingBoard>(worker.redis, *shared.rankings);
    RefundService::SalesRecorded recorded;
    if (rankings)
        recorded = [rankings](const QList<OrderLine> &lines, const QDateTime &paidAt, int sign) {
            rankings->record(lines, paidAt, sign);
        };
    auto refunds = std::make_shared<RefundService>(worker.database, shared.eventCommitted, recorded);
    // Only reads here; placing and cancelling are OrderRoutes'.
    auto orders = std::make_shared<OrderService>(worker.database, std::function<void()>());
    const AuthGuard &guard = *shared.guard;
    using Method = Router::Method;

    router.add(Method::Get, QStringLiteral("/api/v1/admin/orders"),
               guard.adminOnly([orders](const RequestContext &context, const Principal &) {
                   const auto query = AdminRequests::orders(context.request.query());
                   if (!query)
                       return Responses::failure(query.failure());
                   OrderRepository::Filter filter { query->status, query->userId, {}, {}, query->query, query->fulfilment };
                   if (query->from.isValid())
                       filter.paidFrom = QDateTime(query->from, QTime(0, 0), Qt::UTC);
                   if (query->to.isValid())
                       filter.paidBefore = QDateTime(query->to.addDays(1), QTime(0, 0), Qt::UTC);
                   const auto found = orders->search(filter, query->page);
                   if (!found)
                       return Responses::failure(found.failure());
                   QJsonArray items;
                   for (const Order &o : found->first)
                       items.append(o.toJson());
                   return Responses::json(RouteInput::page(items, query->page, found->second));
               }));

    router.add(Method::Post, QStringLiteral("/api/v1/admin/orders/{orderId}/refunds"),
               guard.adminOnly([refunds](const RequestContext &context, const Principal &principal) {
                   const Result<RouteInput::Target> target = RouteInput::idAndBody(context, QStringLiteral("orderId"));
                   if (!target)
                       return Responses::failure(target.failure());
                   const auto request = AdminRequests::refund(target->body);
                   if (!request)
                       return Responses::failure(request.failure());
                   const Result<Order> refunded = refunds->refund(target->id, request.value(), principal.userId);
                   if (!refunded)
                       return Responses::failure(refunded.failure());
                   return Responses::json(refunded->toJson(), Responses::Status::Created);
               }));
}

#include "AuthGuard.h"
#include "FulfilmentService.h"
#include "IsoTime.h"
#include "JsonBody.h"
#include "Responses.h"
#include "RouteInput.h"
#include "ShippingRequests.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

#include <memory>

// The admin's packing queue and the moves forward (API.md, Shipping: fulfilment).
void ShopRoutes::installFulfilment(Router &router, WorkerContext &worker, const Shared &shared)
{
    auto fulfilment = std::make_shared<FulfilmentService>(worker.database, shared.eventCommitted);
    const AuthGuard &guard = *shared.guard;
    using Method = Router::Method;

    router.add(Method::Get, QStringLiteral("/api/v1/admin/fulfilment"),
               guard.adminOnly([fulfilment](const RequestContext &context, const Principal &) {
                   const auto query = ShippingRequests::fulfilmentQueue(context.request.query());
                   if (!query)
                       return Responses::failure(query.failure());
                   const auto found = fulfilment->queue(query->status, query->page);
                   if (!found)
                       return Responses::failure(found.failure());
                   QJsonArray items;
                   for (const Order &o : found->orders)
                       items.append(o.toJson());
                   QJsonObject answer = RouteInput::page(items, query->page, found->total);
                   // Beyond API.md: what the queue's tabs and the dashboard show.
                   QJsonObject counts;
                   for (auto it = found->counts.cbegin(); it != found->counts.cend(); ++it)
                       counts.insert(it.key(), it.value());
                   answer.insert(QStringLiteral("counts"), counts);
                   answer.insert(QStringLiteral("oldestWaitingPaidAt"), found->oldestWaiting.isValid()
                                         ? QJsonValue(IsoTime::format(found->oldestWaiting))
                                         : QJsonValue(QJsonValue::Null));
                   return Responses::json(answer);
               }));

    router.add(Method::Post, QStringLiteral("/api/v1/admin/orders/{orderId}/fulfilment"),
               guard.adminOnly([fulfilment](const RequestContext &context, const Principal &principal) {
                   const Result<RouteInput::Target> target = RouteInput::idAndBody(context, QStringLiteral("orderId"));
                   if (!target)
                       return Responses::failure(target.failure());
                   const auto move = ShippingRequests::fulfilmentMove(target->body);
                   if (!move)
                       return Responses::failure(move.failure());
                   const Result<Order> moved = fulfilment->advance(target->id, move.value(), principal.userId);
                   if (!moved)
                       return Responses::failure(moved.failure());
                   return Responses::json(moved->toJson());
               }));
}

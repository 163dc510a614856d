#include "AuthGuard.h"
#include "JsonBody.h"
#include "Responses.h"
#include "ReturnService.h"
#include "RouteInput.h"
#include "ShippingRequests.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

#include <memory>

namespace {
QJsonObject page(const Result<QPair<QList<ProductReturn>, qint64>> &found, const RequestValidation::PageRequest &page)
{
    QJsonArray items;
    for (const ProductReturn &r : found->first)
        items.append(r.toJson());
    return RouteInput::page(items, page, found->second);
}
}

// Returns (API.md, Shipping): the owner asks, an admin decides once.
void ShopRoutes::installReturns(Router &router, WorkerContext &worker, const Shared &shared)
{
    std::shared_ptr<RankingBoard> rankings;
    if (shared.redisHotPaths)
        rankings = std::make_shared<RankingBoard>(worker.redis, *shared.rankings);
    RefundService::SalesRecorded recorded;
    if (rankings)
        recorded = [rankings](const QList<OrderLine> &lines, const QDateTime &paidAt, int sign) {
            rankings->record(lines, paidAt, sign);
        };
    auto returns = std::make_shared<ReturnService>(worker.database, shared.eventCommitted, recorded);
    const AuthGuard &guard = *shared.guard;
    using Method = Router::Method;

    router.add(Method::Post, QStringLiteral("/api/v1/orders/{orderId}/returns"),
               guard.signedIn([returns](const RequestContext &context, const Principal &principal) {
                   const Result<RouteInput::Target> target = RouteInput::idAndBody(context, QStringLiteral("orderId"));
                   if (!target)
                       return Responses::failure(target.failure());
                   const auto ask = ShippingRequests::returnAsk(target->body);
                   if (!ask)
                       return Responses::failure(ask.failure());
                   const Result<ProductReturn> asked = returns->ask(target->id, principal.userId, ask.value());
                   if (!asked)
                       return Responses::failure(asked.failure());
                   return Responses::json(asked->toJson(), Responses::Status::Created);
               }));

    router.add(Method::Get, QStringLiteral("/api/v1/users/{userId}/returns"),
               guard.forUser([returns](const RequestContext &context, const Principal &, qint64 userId) {
                   const auto requested = RequestValidation::page(context.request.query());
                   if (!requested)
                       return Responses::failure(requested.failure());
                   const auto found = returns->forUser(userId, requested.value());
                   if (!found)
                       return Responses::failure(found.failure());
                   return Responses::json(page(found, requested.value()));
               }));

    router.add(Method::Get, QStringLiteral("/api/v1/admin/returns"),
               guard.adminOnly([returns](const RequestContext &context, const Principal &) {
                   const auto query = ShippingRequests::returns(context.request.query());
                   if (!query)
                       return Responses::failure(query.failure());
                   const auto found = returns->list(query->status, query->page);
                   if (!found)
                       return Responses::failure(found.failure());
                   return Responses::json(page(found, query->page));
               }));

    router.add(Method::Post, QStringLiteral("/api/v1/admin/returns/{returnId}"),
               guard.adminOnly([returns](const RequestContext &context, const Principal &principal) {
                   const Result<RouteInput::Target> target = RouteInput::idAndBody(context, QStringLiteral("returnId"));
                   if (!target)
                       return Responses::failure(target.failure());
                   const auto decision = ShippingRequests::returnDecision(target->body);
                   if (!decision)
                       return Responses::failure(decision.failure());
                   const Result<ProductReturn> decided = returns->decide(target->id, decision.value(), principal.userId);
                   if (!decided)
                       return Responses::failure(decided.failure());
                   return Responses::json(decided->toJson());
               }));
}

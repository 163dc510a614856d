#include "AdminRequests.h"
#include "AuthGuard.h"
#include "CustomerService.h"
#include "JsonBody.h"
#include "Responses.h"
#include "RouteInput.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

#include <memory>

// Customers for an admin (API.md, Running the shop).
void ShopRoutes::installCustomers(Router &router, WorkerContext &worker, const Shared &shared)
{
    auto customers = std::make_shared<CustomerService>(worker.database, shared.tokenVersions);
    const AuthGuard &guard = *shared.guard;
    using Method = Router::Method;

    router.add(Method::Get, QStringLiteral("/api/v1/admin/users"),
               guard.adminOnly([customers](const RequestContext &context, const Principal &) {
                   const auto query = AdminRequests::users(context.request.query());
                   if (!query)
                       return Responses::failure(query.failure());
                   const auto found = customers->list(query.value());
                   if (!found)
                       return Responses::failure(found.failure());
                   QJsonArray items;
                   for (const CustomerRepository::Customer &c : found->first)
                       items.append(c.toJson());
                   return Responses::json(RouteInput::page(items, query->page, found->second));
               }));

    router.add(Method::Get, QStringLiteral("/api/v1/admin/users/{userId}"),
               guard.adminOnly([customers](const RequestContext &context, const Principal &) {
                   const Result<qint64> id = RouteInput::pathId(context, QStringLiteral("userId"));
                   if (!id)
                       return Responses::failure(id.failure());
                   const Result<QJsonObject> detail = customers->detail(id.value());
                   if (!detail)
                       return Responses::failure(detail.failure());
                   return Responses::json(detail.value());
               }));

    router.add(Method::Patch, QStringLiteral("/api/v1/admin/users/{userId}"),
               guard.adminOnly([customers](const RequestContext &context, const Principal &principal) {
                   const Result<RouteInput::Target> target = RouteInput::idAndBody(context, QStringLiteral("userId"));
                   if (!target)
                       return Responses::failure(target.failure());
                   const Result<bool> disabled = AdminRequests::userPatch(target->body);
                   if (!disabled)
                       return Responses::failure(disabled.failure());
                   const auto changed = customers->setDisabled(target->id, disabled.value(), principal.userId);
                   if (!changed)
                       return Responses::failure(changed.failure());
                   return Responses::json(changed->toJson());
               }));
}

#include "AdminRequests.h"
#include "AuthGuard.h"
#include "CatalogueService.h"
#include "JsonBody.h"
#include "Responses.h"
#include "RouteInput.h"
#include "ShopRoutes.h"
#include "StockService.h"
#include "WorkerContext.h"

#include "IsoTime.h"

#include <memory>

namespace {
QJsonObject entryJson(const StockLedgerRepository::Entry &e)
{
    QJsonObject json { { QStringLiteral("id"), e.id },
                       { QStringLiteral("delta"), e.delta },
                       { QStringLiteral("stockAfter"), e.stockAfter },
                       { QStringLiteral("reason"), e.reason },
                       { QStringLiteral("createdAt"), IsoTime::format(e.createdAt) } };
    if (e.orderId > 0)
        json.insert(QStringLiteral("orderId"), e.orderId);
    if (!e.note.isEmpty())
        json.insert(QStringLiteral("note"), e.note);
    if (e.actorId > 0)
        json.insert(QStringLiteral("actor"), QJsonObject { { QStringLiteral("id"), e.actorId },
                                                           { QStringLiteral("username"), e.actorName } });
    return json;
}
}

// The stock ledger's routes (API.md, Running the shop: Stock).
void ShopRoutes::installStock(Router &router, WorkerContext &worker, const Shared &shared)
{
    auto stock = std::make_shared<StockService>(worker.database);
    // The answer is the product as GET shows it, read from MySQL (stock is never cached).
    auto catalogue = std::make_shared<CatalogueService>(worker.database);
    const AuthGuard &guard = *shared.guard;
    using Method = Router::Method;

    router.add(Method::Post, QStringLiteral("/api/v1/admin/products/{productId}/stock"),
               guard.adminOnly([stock, catalogue](const RequestContext &context, const Principal &principal) {
                   const Result<RouteInput::Target> target = RouteInput::idAndBody(context, QStringLiteral("productId"));
                   if (!target)
                       return Responses::failure(target.failure());
                   const auto change = AdminRequests::stockChange(target->body);
                   if (!change)
                       return Responses::failure(change.failure());
                   const Result<qint64> adjusted = stock->adjust(target->id, change.value(), principal.userId);
                   if (!adjusted)
                       return Responses::failure(adjusted.failure());
                   const Result<Product> product = catalogue->get(target->id);
                   if (!product)
                       return Responses::failure(product.failure());
                   return Responses::json(product->toJson());
               }));

    router.add(Method::Get, QStringLiteral("/api/v1/admin/products/{productId}/stock/history"),
               guard.adminOnly([stock](const RequestContext &context, const Principal &) {
                   const Result<qint64> id = RouteInput::pathId(context, QStringLiteral("productId"));
                   if (!id)
                       return Responses::failure(id.failure());
                   const auto page = RequestValidation::page(context.request.query());
                   if (!page)
                       return Responses::failure(page.failure());
                   const auto found = stock->history(id.value(), page.value());
                   if (!found)
                       return Responses::failure(found.failure());
                   QJsonArray items;
                   for (const StockLedgerRepository::Entry &e : found->first)
                       items.append(entryJson(e));
                   return Responses::json(RouteInput::page(items, page.value(), found->second));
               }));
}

#include "AdminRequests.h"
#include "AuditRepository.h"
#include "AuthGuard.h"
#include "Responses.h"
#include "RouteInput.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

#include "IsoTime.h"

#include <memory>

namespace {
QJsonObject entryJson(const AuditRepository::Entry &e)
{
    QJsonObject json { { QStringLiteral("id"), e.id },
                       { QStringLiteral("actor"), QJsonObject { { QStringLiteral("id"), e.actorId },
                                                                { QStringLiteral("username"), e.actorName } } },
                       { QStringLiteral("action"), e.action },
                       { QStringLiteral("entity"), e.entity },
                       { QStringLiteral("entityId"), e.entityId },
                       { QStringLiteral("at"), IsoTime::format(e.at) } };
    if (!e.before.isEmpty())
        json.insert(QStringLiteral("before"), e.before);
    if (!e.after.isEmpty())
        json.insert(QStringLiteral("after"), e.after);
    return json;
}
}

// The audit log, newest first (API.md, Running the shop). Read-only: the entries are
// written by each admin write's own transaction.
void ShopRoutes::installAudit(Router &router, WorkerContext &worker, const Shared &shared)
{
    auto audit = std::make_shared<AuditRepository>(worker.database);
    const AuthGuard &guard = *shared.guard;

    router.add(Router::Method::Get, QStringLiteral("/api/v1/admin/audit"),
               guard.adminOnly([audit](const RequestContext &context, const Principal &) {
                   const auto query = AdminRequests::audit(context.request.query());
                   if (!query)
                       return Responses::failure(query.failure());
                   const auto found = audit->list(query->entity, query->page.size, query->page.offset());
                   if (!found)
                       return Responses::failure(found.failure());
                   QJsonArray items;
                   for (const AuditRepository::Entry &e : found->first)
                       items.append(entryJson(e));
                   return Responses::json(RouteInput::page(items, query->page, found->second));
               }));
}

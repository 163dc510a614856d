#include "AuthGuard.h"
#include "RequestValidation.h"
#include "Responses.h"
#include "ShopRoutes.h"
#include "ShopStatsService.h"
#include "WorkerContext.h"

#include "IsoTime.h"

#include <memory>

void ShopRoutes::installAdmin(Router &router, WorkerContext &worker, const Shared &shared)
{
    auto stats = std::make_shared<ShopStatsService>(worker.database);
    const AuthGuard &guard = *shared.guard;
    using Method = Router::Method;

    router.add(Method::Get, QStringLiteral("/api/v1/admin/stats/sales"),
               guard.adminOnly([stats](const RequestContext &context, const Principal &) {
                   const Result<int> days =
                           RequestValidation::boundedInt(context.request.query(), QStringLiteral("days"), 1, 366, 7);
                   if (!days)
                       return Responses::failure(days.failure());
                   const Result<QJsonArray> daily = stats->salesPerDay(days.value());
                   if (!daily)
                       return Responses::failure(daily.failure());
                   return Responses::json({ { QStringLiteral("days"), daily.value() } });
               }));

    router.add(Method::Get, QStringLiteral("/api/v1/admin/outbox"),
               guard.adminOnly([stats](const RequestContext &, const Principal &) {
                   const auto outbox = stats->outbox();
                   if (!outbox)
                       return Responses::failure(outbox.failure());
                   return Responses::json({ { QStringLiteral("pending"), outbox->pending },
                                            { QStringLiteral("published"), outbox->published },
                                            { QStringLiteral("failed"), outbox->failed },
                                            { QStringLiteral("oldestPendingSeconds"), outbox->oldestPendingSeconds } });
               }));
    router.add(Method::Get, QStringLiteral("/api/v1/admin/data-platform"),
               guard.adminOnly([stats](const RequestContext &, const Principal &) {
                   const auto platform = stats->dataPlatform();
                   if (!platform)
                       return Responses::failure(platform.failure());
                   const QDateTime last = platform->lastEventAt;
                   return Responses::json({ { QStringLiteral("received"), platform->received },
                                            { QStringLiteral("lastEventAt"), last.isValid() ? QJsonValue(IsoTime::format(last)) : QJsonValue() },
                                            { QStringLiteral("lag"), platform->lag } });
               }));
}

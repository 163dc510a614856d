#include "AuthGuard.h"
#include "Database.h"
#include "RequestValidation.h"
#include "Responses.h"
#include "SalesRepository.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

#include "IsoTime.h"
#include "SqlTime.h"

#include <memory>

namespace {
// The event pipeline's state as the database sees it (API.md, Operations).
QHttpServerResponse outboxStats(Database &database)
{
    const auto rows = database.run(QStringLiteral(
            "SELECT SUM(status = 'PENDING'), SUM(status = 'PUBLISHED'), SUM(status = 'FAILED'), "
            "COALESCE(TIMESTAMPDIFF(SECOND, MIN(CASE WHEN status = 'PENDING' THEN created_at END), NOW(3)), 0) FROM outbox"));
    if (!rows)
        return Responses::failure(rows.failure());
    QSqlQuery *q = rows.value();
    q->next();
    return Responses::json({ { QStringLiteral("pending"), q->value(0).toLongLong() },
                             { QStringLiteral("published"), q->value(1).toLongLong() },
                             { QStringLiteral("failed"), q->value(2).toLongLong() },
                             { QStringLiteral("oldestPendingSeconds"), q->value(3).toLongLong() } });
}

QHttpServerResponse dataPlatformStats(Database &database)
{
    const auto rows = database.run(QStringLiteral(
            "SELECT (SELECT COUNT(*) FROM data_platform_events), (SELECT MAX(received_at) FROM data_platform_events), "
            "(SELECT COUNT(*) FROM outbox o WHERE o.status = 'PUBLISHED' AND NOT EXISTS "
            "(SELECT 1 FROM data_platform_events d WHERE d.event_id = o.event_id))"));
    if (!rows)
        return Responses::failure(rows.failure());
    QSqlQuery *q = rows.value();
    q->next();
    const QDateTime last = SqlTime::utc(q->value(1));
    return Responses::json({ { QStringLiteral("received"), q->value(0).toLongLong() },
                             { QStringLiteral("lastEventAt"), last.isValid() ? QJsonValue(IsoTime::format(last)) : QJsonValue() },
                             { QStringLiteral("lag"), q->value(2).toLongLong() } });
}
}

void ShopRoutes::installAdmin(Router &router, WorkerContext &worker, const Shared &shared)
{
    Database &database = worker.database;
    auto sales = std::make_shared<SalesRepository>(database);
    const AuthGuard &guard = shared.guard;
    using Method = Router::Method;

    router.add(Method::Get, QStringLiteral("/api/v1/admin/stats/sales"),
               guard.adminOnly([sales](const RequestContext &context, const Principal &) {
                   const Result<int> days =
                           RequestValidation::boundedInt(context.request.query(), QStringLiteral("days"), 1, 366, 7);
                   if (!days)
                       return Responses::failure(days.failure());
                   const Result<QJsonArray> daily = sales->daily(days.value());
                   if (!daily)
                       return Responses::failure(daily.failure());
                   return Responses::json({ { QStringLiteral("days"), daily.value() } });
               }));

    router.add(Method::Get, QStringLiteral("/api/v1/admin/outbox"),
               guard.adminOnly([db = &database](const RequestContext &, const Principal &) { return outboxStats(*db); }));
    router.add(Method::Get, QStringLiteral("/api/v1/admin/data-platform"),
               guard.adminOnly([db = &database](const RequestContext &, const Principal &) { return dataPlatformStats(*db); }));
}

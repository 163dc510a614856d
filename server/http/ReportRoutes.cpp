#include "AdminRequests.h"
#include "AuthGuard.h"
#include "ReportService.h"
#include "Responses.h"
#include "ShippingRequests.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

#include <memory>

// The CSV reports (API.md, Reports): the range is checked here, before any byte is
// sent, so a bad one is a JSON 400; the body is then streamed (StreamedBody).
void ShopRoutes::installReports(Router &router, WorkerContext &worker, const Shared &shared)
{
    // The configured zone was checked at start-up; a system without time zone data
    // (no tzdata) still writes its reports, in UTC, and names that.
    const QTimeZone zone(shared.timeZone);
    auto reports = std::make_shared<ReportService>(worker.database, zone.isValid() ? zone : QTimeZone::utc());
    const AuthGuard &guard = *shared.guard;
    using Method = Router::Method;

    router.add(Method::Get, QStringLiteral("/api/v1/admin/reports/sales.csv"),
               guard.adminOnly([reports](const RequestContext &context, const Principal &) {
                   const auto range = AdminRequests::reportRange(context.request.query(), true);
                   if (!range)
                       return Responses::failure(range.failure());
                   *context.streamed = reports->salesCsv(range.value());
                   return QHttpServerResponse(Responses::Status::Ok);
               }));

    router.add(Method::Get, QStringLiteral("/api/v1/admin/reports/orders.csv"),
               guard.adminOnly([reports](const RequestContext &context, const Principal &) {
                   const auto range = AdminRequests::reportRange(context.request.query(), false);
                   if (!range)
                       return Responses::failure(range.failure());
                   *context.streamed = reports->ordersCsv(range.value());
                   return QHttpServerResponse(Responses::Status::Ok);
               }));

    router.add(Method::Get, QStringLiteral("/api/v1/admin/reports/shipments.csv"),
               guard.adminOnly([reports](const RequestContext &context, const Principal &) {
                   const auto status = ShippingRequests::shipmentsStatus(context.request.query());
                   if (!status)
                       return Responses::failure(status.failure());
                   *context.streamed = reports->shipmentsCsv(status.value());
                   return QHttpServerResponse(Responses::Status::Ok);
               }));
}

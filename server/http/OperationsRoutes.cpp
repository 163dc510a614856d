#include "OperationsRoutes.h"

#include "DependencyMonitor.h"
#include "HttpMetrics.h"
#include "Responses.h"
#include "Router.h"
#include "WorkerContext.h"

#include <QtCore/QFile>

namespace {
QByteArray openApiDocument()
{
    QFile file(QStringLiteral(":/storefront/openapi.json"));
    file.open(QIODevice::ReadOnly);
    return file.readAll();
}
}

void OperationsRoutes::install(Router &router, WorkerContext &context)
{
    using Method = Router::Method;
    router.add(Method::Get, QStringLiteral("/healthz"), [](const RequestContext &) {
        return Responses::json({ { QStringLiteral("status"), QStringLiteral("ok") } });
    });

    // API.md: 200 while orders can be taken safely (MySQL up); Redis or Kafka down is
    // "degraded" (the shop goes on without them), 503 "unavailable" only without MySQL,
    // so a load balancer never pulls every instance for a cache or a broker.
    router.add(Method::Get, QStringLiteral("/readyz"), [&context](const RequestContext &) {
        const auto state = [](bool up) { return up ? QStringLiteral("up") : QStringLiteral("down"); };
        const DependencyMonitor::State up = context.dependencies ? context.dependencies->state() : DependencyMonitor::State {};
        const QString status = !up.mysql ? QStringLiteral("unavailable")
                : (up.redis && up.kafka)  ? QStringLiteral("ready")
                                          : QStringLiteral("degraded");
        const QJsonObject body { { QStringLiteral("status"), status },
                                 { QStringLiteral("mysql"), state(up.mysql) },
                                 { QStringLiteral("redis"), state(up.redis) },
                                 { QStringLiteral("kafka"), state(up.kafka) } };
        return Responses::json(body, up.mysql ? Responses::Status::Ok : Responses::Status::ServiceUnavailable);
    });

    // The same state as gauges: Prometheus alerts on a dependency down without anyone
    // polling /readyz.
    router.add(Method::Get, QStringLiteral("/metrics"), [&context](const RequestContext &) {
        const DependencyMonitor::State up = context.dependencies ? context.dependencies->state() : DependencyMonitor::State {};
        const auto gauge = [](const char *name, bool value) {
            return QByteArrayLiteral("storefront_dependency_up{dependency=\"") + name + "\"} " + (value ? '1' : '0') + '\n';
        };
        const QByteArray readiness = "# HELP storefront_dependency_up 1 when the dependency answers the /readyz probe.\n"
                                     "# TYPE storefront_dependency_up gauge\n"
                + gauge("mysql", up.mysql) + gauge("redis", up.redis) + gauge("kafka", up.kafka);
        return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                                   context.metrics.prometheusText() + readiness);
    });

    const QByteArray openApi = openApiDocument();
    router.add(Method::Get, QStringLiteral("/openapi.json"), [openApi](const RequestContext &) {
        return QHttpServerResponse(QByteArrayLiteral("application/json"), openApi);
    });
}

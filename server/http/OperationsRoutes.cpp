#include "OperationsRoutes.h"

#include "Database.h"
#include "HttpMetrics.h"
#include "KafkaProbe.h"
#include "RedisClient.h"
#include "Responses.h"
#include "Router.h"
#include "WorkerContext.h"

#include <QtCore/QFile>

namespace {
constexpr int kKafkaProbeMs = 500;

struct Dependencies {
    bool mysql = false;
    bool redis = false;
    bool kafka = false;
    bool all() const { return mysql && redis && kafka; }
};

Dependencies probe(WorkerContext &context)
{
    return { context.database.ping(), context.redis.ping(), context.kafka && context.kafka->reachable(kKafkaProbeMs) };
}

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

    router.add(Method::Get, QStringLiteral("/readyz"), [&context](const RequestContext &) {
        const auto state = [](bool up) { return up ? QStringLiteral("up") : QStringLiteral("down"); };
        const Dependencies up = probe(context);
        const QJsonObject body { { QStringLiteral("mysql"), state(up.mysql) },
                                 { QStringLiteral("redis"), state(up.redis) },
                                 { QStringLiteral("kafka"), state(up.kafka) } };
        return Responses::json(body, up.all() ? Responses::Status::Ok : Responses::Status::ServiceUnavailable);
    });

    // The /readyz probes again, as gauges: Prometheus alerts on a dependency down
    // without anyone polling /readyz (a scrape every 15 s costs three pings).
    router.add(Method::Get, QStringLiteral("/metrics"), [&context](const RequestContext &) {
        const Dependencies up = probe(context);
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

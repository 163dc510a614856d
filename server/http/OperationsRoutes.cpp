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
        const bool mysql = context.database.ping();
        const bool redis = context.redis.ping();
        const bool kafka = context.kafka && context.kafka->reachable(kKafkaProbeMs);
        const QJsonObject body { { QStringLiteral("mysql"), state(mysql) },
                                 { QStringLiteral("redis"), state(redis) },
                                 { QStringLiteral("kafka"), state(kafka) } };
        return Responses::json(body,
                               mysql && redis && kafka ? Responses::Status::Ok : Responses::Status::ServiceUnavailable);
    });

    router.add(Method::Get, QStringLiteral("/metrics"), [&context](const RequestContext &) {
        return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                                   context.metrics.prometheusText());
    });

    const QByteArray openApi = openApiDocument();
    router.add(Method::Get, QStringLiteral("/openapi.json"), [openApi](const RequestContext &) {
        return QHttpServerResponse(QByteArrayLiteral("application/json"), openApi);
    });
}

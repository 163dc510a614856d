#pragma once

#include "RequestContext.h"
#include "RequestValidation.h"

#include <QtCore/QJsonArray>
#include <QtHttpServer/QHttpServerRequest>

// Small pieces every route file uses to read a request and shape an answer.
namespace RouteInput {
Result<qint64> pathId(const RequestContext &context, const QString &name);
// What a POST/PATCH on /things/{id} acts on: the id in the path (404 when it cannot be
// one) and the JSON object body (400 when it is not one), checked in that order.
struct Target {
    qint64 id = 0;
    QJsonObject body;
};
Result<Target> idAndBody(const RequestContext &context, const QString &name);
// SHA-256 over method, path and body: what an Idempotency-Key was first used for.
QByteArray requestHash(const QHttpServerRequest &request);
Result<QString> idempotencyKey(const QHttpServerRequest &request);
QJsonObject page(const QJsonArray &items, const RequestValidation::PageRequest &page, qint64 total);
}

#include "RouteInput.h"

#include "JsonBody.h"

#include <QtCore/QCryptographicHash>

Result<qint64> RouteInput::pathId(const RequestContext &context, const QString &name)
{
    const Result<qint64> id = RequestValidation::id(context.parameter(name), name);
    if (!id)
        // /orders/abc names nothing that can exist.
        return Failure { ErrorCode::NotFound, QStringLiteral("no such resource: %1").arg(context.request.url().path()),
                         QJsonObject { { QStringLiteral("field"), name } } };
    return id;
}

Result<RouteInput::Target> RouteInput::idAndBody(const RequestContext &context, const QString &name)
{
    const Result<qint64> id = pathId(context, name);
    if (!id)
        return id.failure();
    const Result<QJsonObject> body = JsonBody::object(context.request);
    if (!body)
        return body.failure();
    return Target { id.value(), body.value() };
}

QByteArray RouteInput::requestHash(const QHttpServerRequest &request)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray::number(int(request.method())));
    hash.addData(request.url().path().toUtf8());
    hash.addData(request.body());
    return hash.result().toHex();
}

Result<QString> RouteInput::idempotencyKey(const QHttpServerRequest &request)
{
    return RequestValidation::idempotencyKey(request.value("idempotency-key"));
}

QJsonObject RouteInput::page(const QJsonArray &items, const RequestValidation::PageRequest &page, qint64 total)
{
    return { { QStringLiteral("items"), items },
             { QStringLiteral("page"), page.page },
             { QStringLiteral("size"), page.size },
             { QStringLiteral("total"), total } };
}

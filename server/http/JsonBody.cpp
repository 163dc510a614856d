#include "JsonBody.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonParseError>
#include <QtHttpServer/QHttpServerRequest>

Result<QJsonObject> JsonBody::object(const QHttpServerRequest &request)
{
    return parse(request.value("content-type"), request.body());
}

Result<QJsonObject> JsonBody::parse(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray type = contentType.toLower();
    if (!type.isEmpty() && !type.startsWith("application/json"))
        return Failure { ErrorCode::InvalidJson, QStringLiteral("the body must be application/json"), {} };
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Failure { ErrorCode::InvalidJson,
                         QStringLiteral("the body is not valid JSON: %1 at offset %2")
                                 .arg(error.errorString())
                                 .arg(error.offset),
                         {} };
    if (!document.isObject())
        return Failure { ErrorCode::InvalidJson, QStringLiteral("the body must be a JSON object"), {} };
    return document.object();
}

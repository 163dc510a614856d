#include "JsonBody.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonParseError>
#include <QtHttpServer/QHttpServerRequest>

Result<QJsonObject> JsonBody::object(const QHttpServerRequest &request)
{
    const QByteArray type = request.value("content-type").toLower();
    if (!type.isEmpty() && !type.startsWith("application/json"))
        return Failure { ErrorCode::InvalidJson, QStringLiteral("the body must be application/json"), {} };
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &error);
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

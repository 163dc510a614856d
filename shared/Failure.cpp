#include "Failure.h"

QJsonObject Failure::toJson() const
{
    QJsonObject error { { QStringLiteral("code"), ErrorCodes::name(code) },
                        { QStringLiteral("message"), message } };
    if (!details.isEmpty())
        error.insert(QStringLiteral("details"), details);
    return QJsonObject { { QStringLiteral("error"), error } };
}

Failure Failure::fromJson(const QJsonObject &body)
{
    const QJsonObject error = body.value(QStringLiteral("error")).toObject();
    return Failure { ErrorCodes::fromName(error.value(QStringLiteral("code")).toString()),
                     error.value(QStringLiteral("message")).toString(),
                     error.value(QStringLiteral("details")).toObject() };
}

Failure Failure::validation(const QString &field, const QString &message)
{
    return Failure { ErrorCode::ValidationFailed, message, QJsonObject { { QStringLiteral("field"), field } } };
}

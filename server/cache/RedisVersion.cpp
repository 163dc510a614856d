#include "RedisVersion.h"

#include "RedisClient.h"

#include <QtCore/QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcRedis)

QVersionNumber RedisVersion::fromInfo(const QByteArray &info)
{
    const QByteArray field = QByteArrayLiteral("redis_version:");
    for (const QByteArray &line : info.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.startsWith(field))
            return QVersionNumber::fromString(QString::fromLatin1(trimmed.mid(field.size())));
    }
    return QVersionNumber();
}

Status RedisVersion::check(const RedisEndpoint &endpoint, int timeoutMs)
{
    RedisClient redis(endpoint, timeoutMs);
    const RedisClient::Reply info = redis.command({ "INFO", "server" });
    const QString where = QStringLiteral("%1:%2").arg(endpoint.host).arg(endpoint.port);
    if (!info.ok) {
        qCWarning(lcRedis).noquote() << "Redis at" << where << "does not answer: its version is not checked"
                                     << (info.error.isEmpty() ? QString() : QString::fromUtf8(info.error));
        return Done {};
    }
    const QVersionNumber version = fromInfo(info.value.toByteArray());
    if (!version.isNull() && version >= minimum())
        return Done {};
    const QString found = version.isNull() ? QStringLiteral("a Redis that does not say its version")
                                           : QStringLiteral("Redis %1").arg(version.toString());
    return Failure { ErrorCode::Unavailable,
                     QStringLiteral("%1 at %2 is too old: Storefront needs Redis %3 or newer")
                             .arg(found, where, minimum().toString()),
                     {} };
}

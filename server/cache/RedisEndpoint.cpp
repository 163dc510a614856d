#include "RedisEndpoint.h"

#include <QtCore/QUrl>

Result<RedisEndpoint> RedisEndpoint::fromUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("redis") || url.host().isEmpty())
        return Failure::validation(QStringLiteral("redis"), QStringLiteral("expected redis://host:port[/db]"));
    RedisEndpoint e;
    e.host = url.host() == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : url.host();
    e.port = url.port(6379);
    e.password = url.password();
    bool ok = true;
    const QString db = url.path().mid(1);
    if (!db.isEmpty())
        e.database = db.toInt(&ok);
    if (!ok || e.database < 0)
        return Failure::validation(QStringLiteral("redis"), QStringLiteral("the database must be a number"));
    return e;
}

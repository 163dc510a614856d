#include "MysqlEndpoint.h"

#include <QtCore/QUrl>

Result<MysqlEndpoint> MysqlEndpoint::fromUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("mysql") || url.host().isEmpty())
        return Failure::validation(QStringLiteral("mysql"),
                                   QStringLiteral("expected mysql://user:password@host:port/database"));
    MysqlEndpoint e;
    // "localhost" makes the client library use its default unix socket and ignore the
    // port (DESIGN.md, platform): go over TCP to the loopback address instead.
    e.host = url.host() == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : url.host();
    e.port = url.port(3306);
    e.user = url.userName();
    e.password = url.password();
    const QString db = url.path().mid(1);
    if (!db.isEmpty())
        e.database = db;
    return e;
}

QString MysqlEndpoint::redacted() const
{
    return QStringLiteral("mysql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

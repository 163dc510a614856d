#pragma once

#include "Result.h"

#include <QtCore/QString>

// Where Redis is: redis://[:password@]host:port[/db].
struct RedisEndpoint {
    QString host = QStringLiteral("127.0.0.1");
    int port = 6379;
    QString password;
    int database = 0;
    // Every key this server writes starts with it, so several shops (or tests) can
    // share one Redis. Not part of the URL: --redis-prefix.
    QByteArray keyPrefix = QByteArrayLiteral("storefront:");

    static Result<RedisEndpoint> fromUrl(const QString &url);
};

#pragma once

#include "Result.h"

#include <QtCore/QString>

// Where Redis is: redis://[:password@]host:port[/db].
struct RedisEndpoint {
    QString host = QStringLiteral("127.0.0.1");
    int port = 6379;
    QString password;
    int database = 0;

    static Result<RedisEndpoint> fromUrl(const QString &url);
};

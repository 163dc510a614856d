#pragma once

#include "Result.h"

#include <QtCore/QString>

// Where the MySQL database is: parsed from mysql://user:password@host:port/database.
struct MysqlEndpoint {
    QString host = QStringLiteral("127.0.0.1");
    int port = 3306;
    QString user;
    QString password;
    QString database = QStringLiteral("storefront");

    static Result<MysqlEndpoint> fromUrl(const QString &url);
    // The URL without its password: safe to log.
    QString redacted() const;
};

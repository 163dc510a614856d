#pragma once

#include "MysqlEndpoint.h"

#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>

// One MySQL connection, used by one thread only (QSqlDatabase connections are not
// thread-safe). Every HTTP worker owns one.
class Database
{
public:
    explicit Database(MysqlEndpoint endpoint, QString connectionName);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens the connection (or reopens a broken one). Timeouts are short so a dead
    // server turns into a quick 503, not a hung worker.
    Status open();
    QSqlDatabase handle() const;
    // A round trip, reopening once if the connection was lost.
    bool ping();

    const MysqlEndpoint &endpoint() const { return m_endpoint; }

    static Failure failure(const QSqlError &error, const QString &what);
    // Client errors 2002/2003/2006/2013: the server is gone, not the statement wrong.
    static bool isConnectionLost(const QSqlError &error);

private:
    MysqlEndpoint m_endpoint;
    QString m_name;
};

#include "Database.h"

#include <QtCore/QLoggingCategory>
#include <QtSql/QSqlQuery>

Q_LOGGING_CATEGORY(lcDatabase, "storefront.storage")

Database::Database(MysqlEndpoint endpoint, QString connectionName)
    : m_endpoint(std::move(endpoint)), m_name(std::move(connectionName))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), m_name);
    db.setHostName(m_endpoint.host);
    db.setPort(m_endpoint.port);
    db.setUserName(m_endpoint.user);
    db.setPassword(m_endpoint.password);
    db.setDatabaseName(m_endpoint.database);
    db.setConnectOptions(QStringLiteral(
            "MYSQL_OPT_CONNECT_TIMEOUT=2;MYSQL_OPT_READ_TIMEOUT=10;MYSQL_OPT_WRITE_TIMEOUT=10;CLIENT_FOUND_ROWS"));
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase Database::handle() const
{
    return QSqlDatabase::database(m_name, false);
}

Status Database::open()
{
    QSqlDatabase db = handle();
    if (db.isOpen())
        db.close();
    if (!db.open())
        return failure(db.lastError(), QStringLiteral("cannot connect to %1").arg(m_endpoint.redacted()));
    QSqlQuery setup(db);
    setup.exec(QStringLiteral("SET time_zone = '+00:00', SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED"));
    return Done {};
}

bool Database::ping()
{
    QSqlDatabase db = handle();
    if (db.isOpen()) {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT 1")))
            return true;
        if (!isConnectionLost(q.lastError()))
            return false;
    }
    return open().ok();
}

Failure Database::failure(const QSqlError &error, const QString &what)
{
    // The driver's text goes to the log, never to a client (API.md: no internals).
    qCWarning(lcDatabase).noquote() << what << ":" << error.nativeErrorCode() << error.text();
    return Failure { ErrorCode::Unavailable, QStringLiteral("the database is unavailable"), {} };
}

bool Database::isConnectionLost(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("2002") || code == QLatin1String("2003") || code == QLatin1String("2006")
            || code == QLatin1String("2013") || (error.type() == QSqlError::ConnectionError && code.isEmpty());
}

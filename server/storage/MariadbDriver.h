#pragma once

#include <QtSql/QSqlDriver>

#include <mysql.h>

// A QSqlDriver on MariaDB Connector/C, for Database. It exists for one reason: Qt
// 6.4's QMYSQL sends COM_STMT_RESET before every execution of a prepared statement,
// so each statement costs two round trips; MariadbResult sends only the execute.
// On the hot paths (an order is about a dozen statements, several while a hot stock
// row is locked) that halves the time spent waiting on the network.
//
// It speaks only what Database uses: positional prepared statements, plain queries,
// transactions, last insert id, affected rows (matched rows with CLIENT_FOUND_ROWS).
// Connect options are QMYSQL's spelling, so the two stay interchangeable:
// MYSQL_OPT_CONNECT_TIMEOUT, MYSQL_OPT_READ_TIMEOUT, MYSQL_OPT_WRITE_TIMEOUT (seconds)
// and CLIENT_FOUND_ROWS. Text is utf8mb4; DATETIME values are wall-clock time
// without a zone, as QMYSQL gives them.
class MariadbDriver : public QSqlDriver
{
    Q_OBJECT
public:
    explicit MariadbDriver(QObject *parent = nullptr);
    ~MariadbDriver() override;

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString &database, const QString &user, const QString &password, const QString &host, int port,
              const QString &options) override;
    void close() override;
    QSqlResult *createResult() const override;
    QVariant handle() const override;
    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;
    QString escapeIdentifier(const QString &identifier, IdentifierType type) const override;

    MYSQL *connection() const { return m_mysql; }

private:
    bool run(const char *sql, const QString &what);

    MYSQL *m_mysql = nullptr;
};

#pragma once

#include "MysqlEndpoint.h"

#include <QtCore/QHash>
#include <QtCore/QVariantList>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <functional>
#include <memory>

// One MySQL connection, used by one thread only (QSqlDatabase connections are not
// thread-safe). Every HTTP worker owns one.
//
// Statements go through run(): prepared once per connection and kept, so each later
// execution is one round trip (a fresh QSqlQuery::prepare() costs a second one).
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
    // A round trip, reopening if the connection was lost.
    bool ping();

    // Executes `sql` with positional `?` bindings. The query stays valid until the
    // same SQL runs again on this connection.
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &bindings = {});

    // Runs `work` between START TRANSACTION and COMMIT. A failure rolls back; a
    // retryable one (deadlock victim, lock wait timeout) runs the whole of `work`
    // again, up to `attempts` times, before the caller sees anything.
    template<typename T>
    Result<T> transaction(const std::function<Result<T>()> &work, int attempts = 5);

    const MysqlEndpoint &endpoint() const { return m_endpoint; }

    // Logs the driver's error, returns UNAVAILABLE (retryable for deadlocks and lock
    // timeouts) and marks the connection broken when the server is gone.
    Failure failure(const QSqlError &error, const QString &what);
    // The driver's error behind the last failure, to tell a duplicate key from the rest.
    QSqlError lastError() const { return m_lastError; }
    static bool isConnectionLost(const QSqlError &error);
    static bool isDuplicateKey(const QSqlError &error);
    static bool isForeignKeyViolation(const QSqlError &error);

private:
    Status ensureOpen();
    Status begin();
    Status commit();
    void rollback();

    MysqlEndpoint m_endpoint;
    QString m_name;
    bool m_broken = true;
    bool m_outageReported = false; // a lost connection was logged; quiet until reconnected
    QSqlError m_lastError;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
};

template<typename T>
Result<T> Database::transaction(const std::function<Result<T>()> &work, int attempts)
{
    for (int attempt = 1;; ++attempt) {
        if (Status started = begin(); !started)
            return started.failure();
        Result<T> result = work();
        if (result.ok()) {
            Status committed = commit();
            if (committed.ok())
                return result;
            if (!committed.failure().retryable || attempt >= attempts)
                return committed.failure();
            continue;
        }
        rollback();
        if (!result.failure().retryable || attempt >= attempts)
            return result;
    }
}

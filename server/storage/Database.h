#pragma once

#include "MysqlEndpoint.h"

#include <QtCore/QCache>
#include <QtCore/QVariantList>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

#include <functional>
#include <memory>
#include <utility>

// A statement run by Database::run(): the prepared query and its result set. It stays
// readable while this handle lives, even if the connection's statement cache drops the
// text meanwhile (the cache and the handle share it).
class Statement
{
public:
    Statement() = default;
    explicit Statement(std::shared_ptr<QSqlQuery> query) : m_query(std::move(query)) { }
    QSqlQuery *operator->() const { return m_query.get(); }
    operator QSqlQuery *() const { return m_query.get(); }

private:
    std::shared_ptr<QSqlQuery> m_query;
};

// One MySQL connection, used by one thread only (QSqlDatabase connections are not
// thread-safe). Every HTTP worker owns one.
//
// Statements go through run(): each SQL text is prepared once per connection and kept
// in a bounded cache (least recently used out), so a later execution skips the
// prepare round trip. The connection's driver is MariadbDriver, not Qt's QMYSQL,
// which sends a statement reset before every execute: an execution is one round
// trip (COM_STMT_EXECUTE), not two. MariaDB holds one
// server-side statement per cached text, counted against the server-wide
// max_prepared_stmt_count: SQL text must never depend on data (SqlBatch) and the cache
// is bounded, so a connection holds at most kStatementCacheSize of them.
class Database
{
public:
    static constexpr int kStatementCacheSize = 96;

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

    // Executes `sql` with positional `?` bindings. The result stays readable until the
    // same SQL runs again on this connection. A statement that failed (other than by a
    // constraint violation) is dropped from the cache, its server-side handle closed,
    // and prepared afresh next time.
    Result<Statement> run(const QString &sql, const QVariantList &bindings = {});

    // Runs `work` between START TRANSACTION and COMMIT. A failure rolls back; a
    // retryable one (deadlock victim, lock wait timeout) runs the whole of `work`
    // again, up to `attempts` times, before the caller sees anything.
    //
    // Services own transactions; repositories only run statements. A transaction
    // begun inside another would make MySQL commit the outer one silently, so nesting
    // is refused: an assertion in debug builds, an INTERNAL failure (nothing run) in
    // release builds.
    template<typename T>
    Result<T> transaction(const std::function<Result<T>()> &work, int attempts = 5);
    bool inTransaction() const { return m_inTransaction; }
    // A savepoint inside the running transaction, and the way back to it: orders that
    // share one transaction (OrderService's batches) each set it as they start (one
    // name, so each replaces the last), so a refusal undoes that order's statements
    // and nothing else.
    Status savepoint();
    Status rollbackToSavepoint();

    // Who is told which products' stock changed (the Redis stock mirror and the
    // catalogue cache; may be empty). Told after the COMMIT of the transaction that
    // changed it, before the transaction() call returns (so before the answer goes
    // out); a rolled-back attempt tells nothing. `inStockChanged`: at least one of them
    // went from 0 to more or from more to 0, so which products are in stock changed
    // (lists filtered by stock are then out of date, not only the stock they show).
    using StockChanged = std::function<void(const QList<qint64> &productIds, bool inStockChanged)>;
    void setStockChanged(StockChanged observer) { m_stockChanged = std::move(observer); }
    // Called by the statements that change stock (StockLedgerRepository::record, which
    // every stock change writes): held until COMMIT, or told at once outside a transaction.
    void stockChanged(const QList<qint64> &productIds, bool inStockChanged);

    // Server-side statements this connection holds (its cache's size), for tests.
    int cachedStatements() const { return int(m_statements.size()); }

    const MysqlEndpoint &endpoint() const { return m_endpoint; }

    // Logs the driver's error, returns UNAVAILABLE (retryable for deadlocks and lock
    // timeouts) and marks the connection broken when the server is gone.
    Failure failure(const QSqlError &error, const QString &what);
    // The driver's error behind the last failure, to tell a duplicate key from the rest.
    QSqlError lastError() const { return m_lastError; }
    static bool isConnectionLost(const QSqlError &error);
    static bool isDuplicateKey(const QSqlError &error);
    static bool isForeignKeyViolation(const QSqlError &error);
    // A value a column cannot hold (charset, length, range): INTERNAL, never UNAVAILABLE.
    static bool isDataRefused(const QSqlError &error);
    // A DELETE refused because another row still refers to this one (1451).
    static bool isRowReferenced(const QSqlError &error);

private:
    Status ensureOpen();
    Status begin();
    Status commit();
    void rollback();

    MysqlEndpoint m_endpoint;
    QString m_name;
    bool m_broken = true;
    bool m_outageReported = false; // a lost connection was logged; quiet until reconnected
    bool m_inTransaction = false;
    QSqlError m_lastError;
    StockChanged m_stockChanged;
    QList<qint64> m_stockChangedInTransaction;
    bool m_inStockChangedInTransaction = false;
    // QCache evicts the least recently used text past its capacity; an entry's
    // destruction closes the server-side statement (unless a Statement still reads it).
    QCache<QString, std::shared_ptr<QSqlQuery>> m_statements { kStatementCacheSize };
};

// Refuses a nested transaction; see Database::transaction().
Failure nestedTransactionFailure();

template<typename T>
Result<T> Database::transaction(const std::function<Result<T>()> &work, int attempts)
{
    Q_ASSERT_X(!m_inTransaction, "Database::transaction", "a transaction may not begin inside another");
    if (m_inTransaction)
        return nestedTransactionFailure();
    for (int attempt = 1;; ++attempt) {
        if (Status started = begin(); !started)
            return started.failure();
        m_inTransaction = true;
        m_stockChangedInTransaction.clear();
        m_inStockChangedInTransaction = false;
        Result<T> result = work();
        m_inTransaction = false;
        if (result.ok()) {
            Status committed = commit();
            if (committed.ok()) {
                if (!m_stockChangedInTransaction.isEmpty() && m_stockChanged)
                    m_stockChanged(std::exchange(m_stockChangedInTransaction, {}),
                                   std::exchange(m_inStockChangedInTransaction, false));
                return result;
            }
            if (!committed.failure().retryable || attempt >= attempts)
                return committed.failure();
            continue;
        }
        rollback();
        if (!result.failure().retryable || attempt >= attempts)
            return result;
    }
}

#include "Database.h"

#include "MariadbDriver.h"

#include <QtCore/QLoggingCategory>

#include <atomic>

Q_LOGGING_CATEGORY(lcDatabase, "storefront.storage")

namespace {
QString code(const QSqlError &error)
{
    return error.nativeErrorCode();
}
}

Database::Database(MysqlEndpoint endpoint, QString connectionName)
    : m_endpoint(std::move(endpoint))
{
    // Qt keeps connections in one process-wide registry by name: two servers in one
    // process (tests, the app) must not replace each other's.
    static std::atomic<quint64> serial { 0 };
    m_name = QStringLiteral("%1#%2").arg(connectionName).arg(++serial);
    // Our own driver on Connector/C: one round trip per execution (MariadbDriver.h).
    QSqlDatabase db = QSqlDatabase::addDatabase(new MariadbDriver, m_name);
    db.setHostName(m_endpoint.host);
    db.setPort(m_endpoint.port);
    db.setUserName(m_endpoint.user);
    db.setPassword(m_endpoint.password);
    db.setDatabaseName(m_endpoint.database);
    // Reads and writes time out well before a client gives up; CLIENT_FOUND_ROWS makes
    // "rows affected" mean rows matched, which is what conditional updates test.
    db.setConnectOptions(QStringLiteral(
            "MYSQL_OPT_CONNECT_TIMEOUT=2;MYSQL_OPT_READ_TIMEOUT=10;MYSQL_OPT_WRITE_TIMEOUT=10;CLIENT_FOUND_ROWS"));
}

Database::~Database()
{
    m_statements.clear();
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
    m_statements.clear();
    QSqlDatabase db = handle();
    if (db.isOpen())
        db.close();
    if (!db.open())
        return failure(db.lastError(), QStringLiteral("cannot connect to %1").arg(m_endpoint.redacted()));
    QSqlQuery setup(db);
    // UTC everywhere; READ COMMITTED so conditional updates see the latest committed
    // row and gap locks stay out of the way; lock waits end long before a client does.
    // SET SESSION TRANSACTION ISOLATION LEVEL is spelled the same on MariaDB and
    // MySQL 8 (MySQL 8 has no tx_isolation variable).
    // Strict, whatever the server's own sql_mode: a value a column cannot hold is an
    // error (Database::isDataRefused), never a silent clamp or cut that would leave,
    // say, a stock different from what its ledger row says. MariaDB's defaults plus
    // STRICT_ALL_TABLES (strict for non-transactional tables too), spelled out so an
    // external server configured without them gets them.
    if (!setup.exec(QStringLiteral("SET time_zone = '+00:00', SESSION innodb_lock_wait_timeout = 5, SESSION sql_mode = "
                                   "'STRICT_TRANS_TABLES,STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,"
                                   "NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION'"))
        || !setup.exec(QStringLiteral("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")))
        return failure(setup.lastError(), QStringLiteral("cannot set up the session"));
    m_broken = false;
    if (m_outageReported) {
        qCInfo(lcDatabase).noquote() << "connected again to" << m_endpoint.redacted();
        m_outageReported = false;
    }
    return Done {};
}

Status Database::ensureOpen()
{
    return m_broken ? open() : Status(Done {});
}

bool Database::ping()
{
    if (!m_broken) {
        QSqlQuery q(handle());
        if (q.exec(QStringLiteral("SELECT 1")))
            return true;
        failure(q.lastError(), QStringLiteral("ping"));
    }
    return open().ok();
}

Result<Statement> Database::run(const QString &sql, const QVariantList &bindings)
{
    if (Status opened = ensureOpen(); !opened)
        return opened.failure();
    std::shared_ptr<QSqlQuery> query;
    if (std::shared_ptr<QSqlQuery> *cached = m_statements.object(sql)) {
        query = *cached;
    } else {
        query = std::make_shared<QSqlQuery>(handle());
        if (!query->prepare(sql))
            return failure(query->lastError(), QStringLiteral("prepare failed"));
        // Evicts the least recently used text past the capacity.
        m_statements.insert(sql, new std::shared_ptr<QSqlQuery>(query));
    }
    query->finish();
    for (int i = 0; i < bindings.size(); ++i)
        query->bindValue(i, bindings[i]);
    if (!query->exec()) {
        const QSqlError error = query->lastError();
        // A constraint violation is an answer (a duplicate Idempotency-Key, a username
        // taken): the statement is fine and stays. After any other error the handle may
        // be unusable: it is closed and prepared afresh next time.
        if (!isDuplicateKey(error) && !isForeignKeyViolation(error) && !isRowReferenced(error))
            m_statements.remove(sql);
        return failure(error, QStringLiteral("statement failed"));
    }
    return Statement(query);
}

Status Database::savepoint()
{
    // Plain text, not run(): the statement cache is for statements with bindings.
    QSqlQuery query(handle());
    if (!query.exec(QStringLiteral("SAVEPOINT order_start")))
        return failure(query.lastError(), QStringLiteral("savepoint failed"));
    return Done {};
}

Status Database::rollbackToSavepoint()
{
    QSqlQuery query(handle());
    if (!query.exec(QStringLiteral("ROLLBACK TO SAVEPOINT order_start")))
        return failure(query.lastError(), QStringLiteral("rollback to a savepoint failed"));
    return Done {};
}

Status Database::begin()
{
    if (Status opened = ensureOpen(); !opened)
        return opened;
    QSqlDatabase db = handle();
    if (!db.transaction())
        return failure(db.lastError(), QStringLiteral("cannot start a transaction"));
    return Done {};
}

Status Database::commit()
{
    QSqlDatabase db = handle();
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        Failure f = failure(error, QStringLiteral("commit failed"));
        // A lost connection during COMMIT leaves the outcome unknown: never retry it.
        if (isConnectionLost(error))
            f.retryable = false;
        rollback();
        return f;
    }
    return Done {};
}

void Database::rollback()
{
    if (m_broken)
        return;
    QSqlDatabase db = handle();
    if (!db.rollback())
        failure(db.lastError(), QStringLiteral("rollback failed"));
}

Failure Database::failure(const QSqlError &error, const QString &what)
{
    m_lastError = error;
    const QString native = code(error);
    Failure f { ErrorCode::Unavailable, QStringLiteral("the database is unavailable, try again"), {} };
    // 1213: deadlock victim; 1205: lock wait timeout. The transaction is rolled back
    // (1213) or should be; running it again is safe.
    f.retryable = native == QLatin1String("1213") || native == QLatin1String("1205");
    // Constraint violations are answers for the caller to map, not outages to log.
    if (isDuplicateKey(error) || isForeignKeyViolation(error) || isRowReferenced(error))
        return f;
    // A value a column refused (a character set it cannot hold, too long, out of
    // range): the database is up and trying again gives the same answer. Our
    // validation should have caught it, so it is an error of ours, said as what it is.
    if (isDataRefused(error)) {
        qCCritical(lcDatabase).noquote() << what << ": a column refused a value:" << native << error.databaseText();
        return Failure { ErrorCode::Internal, QStringLiteral("the shop could not store this request's data; nothing was changed"), {} };
    }
    const bool lost = isConnectionLost(error);
    if (lost) {
        m_broken = true;
        m_statements.clear();
    }
    if (f.retryable)
        qCInfo(lcDatabase).noquote() << what << ": retryable" << native << error.databaseText();
    else if (lost && m_outageReported)
        // The same outage, said once already: every request of a 5 s outage would
        // otherwise add a warning line (over a thousand in the fault test).
        qCDebug(lcDatabase).noquote() << what << ":" << native << error.text();
    else
        qCWarning(lcDatabase).noquote() << what << ":" << native << error.text();
    m_outageReported = m_outageReported || lost;
    return f;
}

Failure nestedTransactionFailure()
{
    qCCritical(lcDatabase) << "refused a transaction begun inside another (it would commit the outer one)";
    return Failure { ErrorCode::Internal, QStringLiteral("internal error"), {} };
}

bool Database::isConnectionLost(const QSqlError &error)
{
    const QString native = code(error);
    return native == QLatin1String("2002") || native == QLatin1String("2003") || native == QLatin1String("2006")
            || native == QLatin1String("2013") || native == QLatin1String("2055")
            || (error.type() == QSqlError::ConnectionError && native.isEmpty());
}

bool Database::isDuplicateKey(const QSqlError &error)
{
    return code(error) == QLatin1String("1062");
}

bool Database::isDataRefused(const QSqlError &error)
{
    // 1366 incorrect string value (character set), 1406 data too long, 1264 out of
    // range, 1292 incorrect date/number, 1265 data truncated, 1048 NULL in NOT NULL,
    // 1367 illegal value, 3140 invalid JSON text.
    static const QStringList codes { QStringLiteral("1366"), QStringLiteral("1406"), QStringLiteral("1264"),
                                     QStringLiteral("1292"), QStringLiteral("1265"), QStringLiteral("1048"),
                                     QStringLiteral("1367"), QStringLiteral("3140") };
    return codes.contains(code(error));
}

bool Database::isForeignKeyViolation(const QSqlError &error)
{
    return code(error) == QLatin1String("1452");
}

bool Database::isRowReferenced(const QSqlError &error)
{
    return code(error) == QLatin1String("1451");
}

void Database::stockChanged(const QList<qint64> &productIds, bool inStockChanged)
{
    if (!m_stockChanged)
        return;
    if (m_inTransaction) {
        m_stockChangedInTransaction += productIds;
        m_inStockChangedInTransaction = m_inStockChangedInTransaction || inStockChanged;
    } else {
        m_stockChanged(productIds, inStockChanged);
    }
}

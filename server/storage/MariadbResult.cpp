#include "MariadbResult.h"

#include "MariadbDriver.h"

#include <QtSql/QSqlError>
#include <QtSql/QSqlField>
#include <QtSql/QSqlRecord>

namespace {
// Fetch buffer for a text or bytes column before any row said how long it is; a
// longer value grows it (mysql_stmt_fetch_column) and the next rows use the larger one.
constexpr unsigned long kInitialCapacity = 256;
}

MariadbResult::MariadbResult(const MariadbDriver *driver) : QSqlResult(driver), m_driver(driver) { }

MariadbResult::~MariadbResult()
{
    closeStatement();
}

QVariant MariadbResult::handle() const
{
    return m_statement ? QVariant::fromValue(static_cast<void *>(m_statement))
                       : QVariant::fromValue(static_cast<void *>(m_textResult));
}

MYSQL *MariadbResult::connection() const
{
    return m_driver->connection();
}

void MariadbResult::freeResult()
{
    if (m_statement && m_hasResult)
        mysql_stmt_free_result(m_statement);
    if (m_textResult) {
        mysql_free_result(m_textResult);
        m_textResult = nullptr;
    }
    m_textRow = nullptr;
    m_textLengths = nullptr;
    m_hasResult = false;
    m_rowCount = 0;
    m_current = -1;
    m_affected = -1;
    m_insertId = 0;
}

void MariadbResult::closeStatement()
{
    freeResult();
    if (m_statement) {
        // Safe after the connection closed: Connector/C detaches a connection's
        // statements when it closes, and closing a detached one only frees it.
        mysql_stmt_close(m_statement);
        m_statement = nullptr;
    }
    m_columns.clear();
    m_slots.clear();
    m_resultBinds.clear();
}

bool MariadbResult::statementFailed(const QString &what)
{
    setLastError(QSqlError(what, QString::fromUtf8(mysql_stmt_error(m_statement)), QSqlError::StatementError,
                           QString::number(mysql_stmt_errno(m_statement))));
    return false;
}

bool MariadbResult::connectionFailed(const QString &what)
{
    MYSQL *mysql = connection();
    if (!mysql) {
        setLastError(QSqlError(what, QStringLiteral("not connected"), QSqlError::ConnectionError));
        return false;
    }
    setLastError(QSqlError(what, QString::fromUtf8(mysql_error(mysql)), QSqlError::StatementError,
                           QString::number(mysql_errno(mysql))));
    return false;
}

void MariadbResult::readColumns(MYSQL_RES *meta)
{
    m_columns.clear();
    if (!meta)
        return;
    const unsigned int n = mysql_num_fields(meta);
    const MYSQL_FIELD *fields = mysql_fetch_fields(meta);
    for (unsigned int i = 0; i < n; ++i)
        m_columns.append(MariadbValues::columnOf(fields[i]));
}

bool MariadbResult::prepare(const QString &query)
{
    closeStatement();
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    MYSQL *mysql = connection();
    if (!mysql)
        return connectionFailed(QStringLiteral("Unable to prepare statement"));
    m_statement = mysql_stmt_init(mysql);
    if (!m_statement)
        return connectionFailed(QStringLiteral("Unable to prepare statement"));
    const QByteArray text = query.toUtf8();
    if (mysql_stmt_prepare(m_statement, text.constData(), static_cast<unsigned long>(text.size())) != 0) {
        statementFailed(QStringLiteral("Unable to prepare statement"));
        mysql_stmt_close(m_statement);
        m_statement = nullptr;
        return false;
    }
    describeResult();
    return true;
}

void MariadbResult::describeResult()
{
    MYSQL_RES *meta = mysql_stmt_result_metadata(m_statement);
    readColumns(meta);
    if (meta)
        mysql_free_result(meta);
    m_slots.assign(size_t(m_columns.size()), MariadbValues::Slot {});
    m_resultBinds.assign(size_t(m_columns.size()), MYSQL_BIND {});
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        MariadbValues::bindSlot(m_resultBinds[size_t(i)], m_slots[size_t(i)], m_columns[i], kInitialCapacity);
    setSelect(!m_columns.isEmpty());
}

bool MariadbResult::bindResults()
{
    if (mysql_stmt_bind_result(m_statement, m_resultBinds.data()) != 0)
        return statementFailed(QStringLiteral("Unable to bind result"));
    return true;
}

bool MariadbResult::exec()
{
    if (!m_statement)
        return connectionFailed(QStringLiteral("Unable to execute statement"));
    freeResult();
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    const QList<QVariant> &values = boundValues();
    if (values.size() != qsizetype(mysql_stmt_param_count(m_statement))) {
        setLastError(QSqlError(QStringLiteral("Unable to execute statement"),
                               QStringLiteral("%1 values bound for %2 parameters")
                                       .arg(values.size())
                                       .arg(mysql_stmt_param_count(m_statement)),
                               QSqlError::StatementError));
        return false;
    }
    MariadbValues::Parameters parameters(values);
    if (!values.isEmpty() && mysql_stmt_bind_param(m_statement, parameters.binds()) != 0)
        return statementFailed(QStringLiteral("Unable to bind value"));
    if (mysql_stmt_execute(m_statement) != 0)
        return statementFailed(QStringLiteral("Unable to execute statement"));
    // MariaDB describes an INSERT … RETURNING's rows only once it has run (its prepare
    // answers no columns): described now, or the rows would stay unread on the wire and
    // the connection's next command fail out of sync (2014).
    if (m_columns.isEmpty() && mysql_stmt_field_count(m_statement) > 0)
        describeResult();
    if (!m_columns.isEmpty()) {
        if (!bindResults())
            return false;
        if (mysql_stmt_store_result(m_statement) != 0)
            return statementFailed(QStringLiteral("Unable to store statement results"));
        m_hasResult = true;
        m_rowCount = qint64(mysql_stmt_num_rows(m_statement));
        m_affected = m_rowCount;
    } else {
        m_affected = qint64(mysql_stmt_affected_rows(m_statement));
        m_insertId = mysql_stmt_insert_id(m_statement);
    }
    setActive(true);
    return true;
}

bool MariadbResult::reset(const QString &query)
{
    closeStatement();
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    MYSQL *mysql = connection();
    if (!mysql)
        return connectionFailed(QStringLiteral("Unable to execute query"));
    const QByteArray text = query.toUtf8();
    if (mysql_real_query(mysql, text.constData(), static_cast<unsigned long>(text.size())) != 0)
        return connectionFailed(QStringLiteral("Unable to execute query"));
    m_textResult = mysql_store_result(mysql);
    if (!m_textResult && mysql_field_count(mysql) > 0)
        return connectionFailed(QStringLiteral("Unable to store result"));
    if (m_textResult) {
        readColumns(m_textResult);
        m_rowCount = qint64(mysql_num_rows(m_textResult));
        m_affected = m_rowCount;
    } else {
        m_affected = qint64(mysql_affected_rows(mysql));
        m_insertId = mysql_insert_id(mysql);
    }
    setSelect(m_textResult != nullptr);
    setActive(true);
    return true;
}

bool MariadbResult::fetchRow(qint64 row)
{
    if (row < 0 || row >= m_rowCount)
        return false;
    if (row == m_current)
        return true;
    if (m_textResult) {
        if (row != m_current + 1)
            mysql_data_seek(m_textResult, static_cast<unsigned long long>(row));
        m_textRow = mysql_fetch_row(m_textResult);
        m_textLengths = mysql_fetch_lengths(m_textResult);
        if (!m_textRow)
            return false;
        m_current = row;
        return true;
    }
    if (!m_hasResult)
        return false;
    if (row != m_current + 1)
        mysql_stmt_data_seek(m_statement, static_cast<unsigned long long>(row));
    const int fetched = mysql_stmt_fetch(m_statement);
    if (fetched == 1 || fetched == MYSQL_NO_DATA) {
        if (fetched == 1)
            statementFailed(QStringLiteral("Unable to fetch data"));
        return false;
    }
    if (fetched == MYSQL_DATA_TRUNCATED) {
        bool rebind = false;
        for (size_t i = 0; i < m_slots.size(); ++i) {
            MariadbValues::Slot &slot = m_slots[i];
            if (slot.isNull || !MariadbValues::isVariableLength(m_columns[qsizetype(i)])
                || slot.length <= m_resultBinds[i].buffer_length)
                continue;
            MariadbValues::bindSlot(m_resultBinds[i], slot, m_columns[qsizetype(i)], slot.length);
            if (mysql_stmt_fetch_column(m_statement, &m_resultBinds[i], unsigned(i), 0) != 0)
                return statementFailed(QStringLiteral("Unable to fetch data"));
            rebind = true;
        }
        if (rebind && !bindResults())
            return false;
    }
    m_current = row;
    return true;
}

bool MariadbResult::fetch(int i)
{
    if (!fetchRow(i))
        return false;
    setAt(i);
    return true;
}

bool MariadbResult::fetchFirst()
{
    return fetch(0);
}

bool MariadbResult::fetchLast()
{
    return m_rowCount > 0 && fetch(int(m_rowCount - 1));
}

QVariant MariadbResult::data(int i)
{
    if (i < 0 || i >= m_columns.size() || m_current < 0)
        return QVariant();
    const MariadbValues::Column &column = m_columns[i];
    if (m_textResult)
        return MariadbValues::valueOfText(m_textRow[i], m_textLengths[i], column);
    return MariadbValues::valueOf(m_slots[size_t(i)], column);
}

bool MariadbResult::isNull(int i)
{
    if (i < 0 || i >= m_columns.size() || m_current < 0)
        return true;
    if (m_textResult)
        return m_textRow[i] == nullptr;
    return m_slots[size_t(i)].isNull != 0;
}

int MariadbResult::size()
{
    return isSelect() ? int(m_rowCount) : -1;
}

int MariadbResult::numRowsAffected()
{
    return int(m_affected);
}

QVariant MariadbResult::lastInsertId() const
{
    return m_insertId ? QVariant(qlonglong(m_insertId)) : QVariant();
}

QSqlRecord MariadbResult::record() const
{
    QSqlRecord r;
    for (const MariadbValues::Column &c : m_columns)
        r.append(QSqlField(QString::fromUtf8(c.name), MariadbValues::metaTypeOf(c)));
    return r;
}

void MariadbResult::detachFromResultSet()
{
    freeResult();
}

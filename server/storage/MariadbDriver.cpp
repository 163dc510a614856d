#include "MariadbDriver.h"

#include "MariadbResult.h"

#include <QtSql/QSqlError>

#include <mutex>

namespace {
QSqlError errorOf(MYSQL *mysql, const QString &what, QSqlError::ErrorType type)
{
    return QSqlError(what, QString::fromUtf8(mysql_error(mysql)), type, QString::number(mysql_errno(mysql)));
}
}

MariadbDriver::MariadbDriver(QObject *parent) : QSqlDriver(parent)
{
    // mysql_init() initialises the library on first use, which is not thread-safe;
    // HTTP workers open their connections in parallel.
    static std::once_flag initialised;
    std::call_once(initialised, [] { mysql_library_init(0, nullptr, nullptr); });
}

MariadbDriver::~MariadbDriver()
{
    close();
}

bool MariadbDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case QuerySize:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case PositionalPlaceholders:
    case LastInsertId:
    case LowPrecisionNumbers:
    case FinishQuery:
        return true;
    default:
        return false;
    }
}

bool MariadbDriver::open(const QString &database, const QString &user, const QString &password, const QString &host,
                         int port, const QString &options)
{
    if (isOpen())
        close();
    m_mysql = mysql_init(nullptr);
    if (!m_mysql) {
        setLastError(QSqlError(QStringLiteral("Unable to connect"), QStringLiteral("out of memory"),
                               QSqlError::ConnectionError));
        setOpenError(true);
        return false;
    }
    unsigned long flags = 0;
    for (const QString &option : options.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString name = option.section(QLatin1Char('='), 0, 0).trimmed();
        const unsigned int seconds = option.section(QLatin1Char('='), 1).trimmed().toUInt();
        if (name == QLatin1String("MYSQL_OPT_CONNECT_TIMEOUT"))
            mysql_options(m_mysql, MYSQL_OPT_CONNECT_TIMEOUT, &seconds);
        else if (name == QLatin1String("MYSQL_OPT_READ_TIMEOUT"))
            mysql_options(m_mysql, MYSQL_OPT_READ_TIMEOUT, &seconds);
        else if (name == QLatin1String("MYSQL_OPT_WRITE_TIMEOUT"))
            mysql_options(m_mysql, MYSQL_OPT_WRITE_TIMEOUT, &seconds);
        else if (name == QLatin1String("CLIENT_FOUND_ROWS"))
            flags |= CLIENT_FOUND_ROWS;
    }
    mysql_options(m_mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    const QByteArray h = host.toUtf8();
    const QByteArray u = user.toUtf8();
    const QByteArray p = password.toUtf8();
    const QByteArray d = database.toUtf8();
    if (!mysql_real_connect(m_mysql, h.isEmpty() ? nullptr : h.constData(), u.constData(), p.constData(),
                            d.isEmpty() ? nullptr : d.constData(), port > 0 ? unsigned(port) : 0, nullptr, flags)) {
        setLastError(errorOf(m_mysql, QStringLiteral("Unable to connect"), QSqlError::ConnectionError));
        mysql_close(m_mysql);
        m_mysql = nullptr;
        setOpenError(true);
        return false;
    }
    setOpen(true);
    setOpenError(false);
    return true;
}

void MariadbDriver::close()
{
    if (m_mysql) {
        mysql_close(m_mysql);
        m_mysql = nullptr;
    }
    setOpen(false);
    setOpenError(false);
}

QSqlResult *MariadbDriver::createResult() const
{
    return new MariadbResult(this);
}

QVariant MariadbDriver::handle() const
{
    return QVariant::fromValue(static_cast<void *>(m_mysql));
}

bool MariadbDriver::run(const char *sql, const QString &what)
{
    if (!m_mysql) {
        setLastError(QSqlError(what, QStringLiteral("not connected"), QSqlError::ConnectionError));
        return false;
    }
    if (mysql_real_query(m_mysql, sql, static_cast<unsigned long>(qstrlen(sql))) != 0) {
        setLastError(errorOf(m_mysql, what, QSqlError::TransactionError));
        return false;
    }
    return true;
}

bool MariadbDriver::beginTransaction()
{
    return run("START TRANSACTION", QStringLiteral("Unable to begin transaction"));
}

bool MariadbDriver::commitTransaction()
{
    return run("COMMIT", QStringLiteral("Unable to commit transaction"));
}

bool MariadbDriver::rollbackTransaction()
{
    return run("ROLLBACK", QStringLiteral("Unable to rollback transaction"));
}

QString MariadbDriver::escapeIdentifier(const QString &identifier, IdentifierType) const
{
    QString out = identifier;
    if (!out.startsWith(QLatin1Char('`')))
        out = QLatin1Char('`') + out.replace(QLatin1Char('`'), QLatin1String("``")) + QLatin1Char('`');
    return out;
}

#include "CustomerRepository.h"

#include "Database.h"
#include "IsoTime.h"
#include "SqlTime.h"

namespace {
// The order count is a range of ix_orders_user per user on the page, never a scan.
const QString kColumns = QStringLiteral(
        "u.id, u.username, u.role, COALESCE(b.balance, 0), (SELECT COUNT(*) FROM orders o WHERE o.user_id = u.id), "
        "u.disabled_at IS NOT NULL, u.created_at FROM users u LEFT JOIN balances b ON b.user_id = u.id");

CustomerRepository::Customer fromRow(QSqlQuery *q)
{
    return CustomerRepository::Customer { q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                                          q->value(3).toLongLong(), q->value(4).toLongLong(), q->value(5).toBool(),
                                          SqlTime::utc(q->value(6)) };
}

// LIKE's own characters in a username ('_' is allowed in one) match themselves.
QVariant prefixPattern(const QString &prefix)
{
    if (prefix.isEmpty())
        return QVariant(QMetaType(QMetaType::QString));
    QString escaped = prefix;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return escaped + QLatin1Char('%');
}
}

QJsonObject CustomerRepository::Customer::toJson() const
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("username"), username },
             { QStringLiteral("role"), role },
             { QStringLiteral("balance"), balance },
             { QStringLiteral("orderCount"), orderCount },
             { QStringLiteral("disabled"), disabled },
             { QStringLiteral("createdAt"), IsoTime::format(createdAt) } };
}

Result<QPair<QList<CustomerRepository::Customer>, qint64>> CustomerRepository::list(const QString &usernamePrefix, int limit,
                                                                                      int offset)
{
    const QVariant pattern = prefixPattern(usernamePrefix);
    const auto count = m_database.run(QStringLiteral("SELECT COUNT(*) FROM users WHERE (? IS NULL OR username LIKE ?)"),
                                      { pattern, pattern });
    if (!count)
        return count.failure();
    count.value()->next();
    const qint64 total = count.value()->value(0).toLongLong();
    const auto rows = m_database.run(
            QStringLiteral("SELECT %1 WHERE (? IS NULL OR u.username LIKE ?) ORDER BY u.id LIMIT ? OFFSET ?").arg(kColumns),
            { pattern, pattern, limit, offset });
    if (!rows)
        return rows.failure();
    QList<Customer> out;
    while (rows.value()->next())
        out.append(fromRow(rows.value()));
    return qMakePair(out, total);
}

Result<CustomerRepository::Customer> CustomerRepository::get(qint64 userId)
{
    const auto row = m_database.run(QStringLiteral("SELECT %1 WHERE u.id = ?").arg(kColumns), { userId });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return Failure { ErrorCode::NotFound, QStringLiteral("no user %1").arg(userId), {} };
    return fromRow(row.value());
}

Status CustomerRepository::setDisabled(qint64 userId, bool disabled)
{
    const auto updated = m_database.run(
            // token_version first: MySQL assigns left to right, so it still sees the old disabled_at.
            QStringLiteral("UPDATE users SET token_version = token_version + IF(? AND disabled_at IS NULL, 1, 0), "
                           "disabled_at = IF(?, COALESCE(disabled_at, NOW(3)), NULL), token_changed_at = NOW(3) WHERE id = ?"),
            { disabled, disabled, userId });
    if (!updated)
        return updated.failure();
    return Done {};
}

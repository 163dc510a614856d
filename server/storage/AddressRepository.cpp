#include "AddressRepository.h"

#include "Database.h"
#include "SqlTime.h"

namespace {
const QString kColumns = QStringLiteral("id, label, recipient, phone, postal_code, address1, address2, is_default, created_at");

// Empty text is bound as '' (the columns are NOT NULL): a null QString would bind NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

Address addressFromRow(QSqlQuery *q)
{
    Address a;
    a.id = q->value(0).toLongLong();
    a.label = q->value(1).toString();
    a.recipient = q->value(2).toString();
    a.phone = q->value(3).toString();
    a.postalCode = q->value(4).toString();
    a.address1 = q->value(5).toString();
    a.address2 = q->value(6).toString();
    a.isDefault = q->value(7).toBool();
    a.createdAt = SqlTime::utc(q->value(8));
    return a;
}
}

Status AddressRepository::lockOwner(qint64 userId)
{
    const auto row = m_database.run(QStringLiteral("SELECT id FROM users WHERE id = ? FOR UPDATE"), { userId });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return Failure { ErrorCode::NotFound, QStringLiteral("no user %1").arg(userId), {} };
    return Done {};
}

Result<QList<Address>> AddressRepository::forUser(qint64 userId)
{
    const auto rows = m_database.run(QStringLiteral("SELECT %1 FROM addresses WHERE user_id = ? ORDER BY id").arg(kColumns),
                                     { userId });
    if (!rows)
        return rows.failure();
    QList<Address> out;
    while (rows.value()->next())
        out.append(addressFromRow(rows.value()));
    return out;
}

Result<Address> AddressRepository::get(qint64 userId, qint64 addressId)
{
    const auto row = m_database.run(QStringLiteral("SELECT %1 FROM addresses WHERE id = ? AND user_id = ?").arg(kColumns),
                                    { addressId, userId });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return Failure { ErrorCode::NotFound, QStringLiteral("user %1 has no address %2").arg(userId).arg(addressId), {} };
    return addressFromRow(row.value());
}

Result<int> AddressRepository::count(qint64 userId)
{
    const auto row = m_database.run(QStringLiteral("SELECT COUNT(*) FROM addresses WHERE user_id = ?"), { userId });
    if (!row)
        return row.failure();
    row.value()->next();
    return row.value()->value(0).toInt();
}

Result<qint64> AddressRepository::insert(qint64 userId, const Address &address)
{
    const auto inserted = m_database.run(
            QStringLiteral("INSERT INTO addresses (user_id, label, recipient, phone, postal_code, address1, address2, is_default, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            { userId, text(address.label), text(address.recipient), text(address.phone), text(address.postalCode),
              text(address.address1), text(address.address2), address.isDefault ? 1 : 0, SqlTime::param(address.createdAt) });
    if (!inserted)
        return inserted.failure();
    return inserted.value()->lastInsertId().toLongLong();
}

Status AddressRepository::update(const Address &address)
{
    const auto updated = m_database.run(
            QStringLiteral("UPDATE addresses SET label = ?, recipient = ?, phone = ?, postal_code = ?, address1 = ?, address2 = ? "
                           "WHERE id = ?"),
            { text(address.label), text(address.recipient), text(address.phone), text(address.postalCode),
              text(address.address1), text(address.address2), address.id });
    if (!updated)
        return updated.failure();
    return Done {};
}

Status AddressRepository::makeDefault(qint64 userId, qint64 addressId)
{
    const auto updated = m_database.run(QStringLiteral("UPDATE addresses SET is_default = (id = ?) WHERE user_id = ?"),
                                        { addressId, userId });
    if (!updated)
        return updated.failure();
    return Done {};
}

Status AddressRepository::remove(qint64 addressId)
{
    const auto deleted = m_database.run(QStringLiteral("DELETE FROM addresses WHERE id = ?"), { addressId });
    if (!deleted)
        return deleted.failure();
    return Done {};
}

Status AddressRepository::keepADefault(qint64 userId)
{
    const auto defaults = m_database.run(QStringLiteral("SELECT COUNT(*) FROM addresses WHERE user_id = ? AND is_default = 1"),
                                         { userId });
    if (!defaults)
        return defaults.failure();
    defaults.value()->next();
    if (defaults.value()->value(0).toInt() > 0)
        return Done {};
    const auto updated = m_database.run(
            QStringLiteral("UPDATE addresses SET is_default = 1 WHERE user_id = ? ORDER BY id LIMIT 1"), { userId });
    if (!updated)
        return updated.failure();
    return Done {};
}

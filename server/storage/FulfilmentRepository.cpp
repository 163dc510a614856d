#include "FulfilmentRepository.h"

#include "Database.h"
#include "SqlTime.h"

Result<bool> FulfilmentRepository::advance(qint64 orderId, const QString &from, const QString &to, const QString &carrier,
                                           const QString &trackingNumber, const QDateTime &at)
{
    const QVariant when = SqlTime::param(at);
    const auto updated = m_database.run(
            QStringLiteral("UPDATE orders SET fulfilment_status = ?, packed_at = IF(? = 'PACKED', ?, packed_at), "
                           "shipped_at = IF(? = 'SHIPPED', ?, shipped_at), delivered_at = IF(? = 'DELIVERED', ?, delivered_at), "
                           "carrier = IF(? = 'SHIPPED', ?, carrier), tracking_number = IF(? = 'SHIPPED', ?, tracking_number) "
                           "WHERE id = ? AND fulfilment_status = ? AND status IN ('PAID', 'PARTIALLY_REFUNDED')"),
            { to, to, when, to, when, to, when, to, carrier, to, trackingNumber, orderId, from });
    if (!updated)
        return updated.failure();
    return updated.value()->numRowsAffected() == 1;
}

Result<QPair<QList<qint64>, qint64>> FulfilmentRepository::queue(const QString &status, int limit, int offset)
{
    const QVariant state = status.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(status);
    const auto count = m_database.run(QStringLiteral("SELECT COUNT(*) FROM orders WHERE status IN ('PAID', 'PARTIALLY_REFUNDED') "
                                                     "AND (? IS NULL OR fulfilment_status = ?)"),
                                      { state, state });
    if (!count)
        return count.failure();
    count.value()->next();
    const qint64 total = count.value()->value(0).toLongLong();
    const auto rows = m_database.run(QStringLiteral("SELECT id FROM orders WHERE status IN ('PAID', 'PARTIALLY_REFUNDED') "
                                                    "AND (? IS NULL OR fulfilment_status = ?) ORDER BY paid_at, id LIMIT ? OFFSET ?"),
                                     { state, state, limit, offset });
    if (!rows)
        return rows.failure();
    QList<qint64> ids;
    while (rows.value()->next())
        ids << rows.value()->value(0).toLongLong();
    return qMakePair(ids, total);
}

Result<QMap<QString, qint64>> FulfilmentRepository::counts()
{
    const auto rows = m_database.run(QStringLiteral("SELECT fulfilment_status, COUNT(*) FROM orders "
                                                    "WHERE fulfilment_status IN ('UNFULFILLED', 'PACKED', 'SHIPPED') "
                                                    "AND status IN ('PAID', 'PARTIALLY_REFUNDED') GROUP BY fulfilment_status"));
    if (!rows)
        return rows.failure();
    QMap<QString, qint64> out { { QStringLiteral("UNFULFILLED"), 0 }, { QStringLiteral("PACKED"), 0 }, { QStringLiteral("SHIPPED"), 0 } };
    while (rows.value()->next())
        out.insert(rows.value()->value(0).toString(), rows.value()->value(1).toLongLong());
    return out;
}

Result<QDateTime> FulfilmentRepository::oldestWaiting()
{
    const auto row = m_database.run(QStringLiteral("SELECT MIN(paid_at) FROM orders WHERE fulfilment_status IN ('UNFULFILLED', 'PACKED') "
                                                   "AND status IN ('PAID', 'PARTIALLY_REFUNDED')"));
    if (!row)
        return row.failure();
    row.value()->next();
    return SqlTime::utc(row.value()->value(0));
}

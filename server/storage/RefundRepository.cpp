#include "RefundRepository.h"

#include "Database.h"
#include "SqlBatch.h"
#include "SqlTime.h"

#include <QtCore/QMap>

Result<OrderRefund> RefundRepository::insert(qint64 orderId, const OrderRefund &refund,
                                             const QHash<qint64, qint64> &unitPrices, qint64 actorId)
{
    const auto inserted = m_database.run(
            QStringLiteral("INSERT INTO refunds (order_id, amount, restocked, reason, actor_id) VALUES (?, ?, ?, ?, ?)"),
            { orderId, refund.amount, refund.restocked ? 1 : 0, refund.reason,
              actorId > 0 ? QVariant(actorId) : QVariant(QMetaType(QMetaType::LongLong)) });
    if (!inserted)
        return inserted.failure();
    OrderRefund out = refund;
    out.id = inserted.value()->lastInsertId().toLongLong();
    for (const QList<RefundLine> &chunk : SqlBatch::chunks(refund.lines)) {
        QVariantList bindings;
        for (const RefundLine &line : chunk)
            bindings << out.id << line.productId << line.quantity << unitPrices.value(line.productId);
        const auto lines = m_database.run(
                QStringLiteral("INSERT INTO refund_lines (refund_id, product_id, quantity, unit_price) VALUES %1")
                        .arg(SqlBatch::repeat(int(chunk.size()), QStringLiteral("(?, ?, ?, ?)"))),
                bindings);
        if (!lines)
            return lines.failure();
    }
    const auto at = m_database.run(QStringLiteral("SELECT created_at FROM refunds WHERE id = ?"), { out.id });
    if (!at)
        return at.failure();
    if (at.value()->next())
        out.createdAt = SqlTime::utc(at.value()->value(0));
    return out;
}

Result<QList<OrderRefund>> RefundRepository::forOrder(qint64 orderId)
{
    const auto rows = m_database.run(QStringLiteral("SELECT id, amount, restocked, reason, created_at FROM refunds "
                                                    "WHERE order_id = ? ORDER BY id"),
                                     { orderId });
    if (!rows)
        return rows.failure();
    QList<OrderRefund> out;
    QMap<qint64, int> at;
    while (rows.value()->next()) {
        QSqlQuery *q = rows.value();
        OrderRefund r;
        r.id = q->value(0).toLongLong();
        r.amount = q->value(1).toLongLong();
        r.restocked = q->value(2).toBool();
        r.reason = q->value(3).toString();
        r.createdAt = SqlTime::utc(q->value(4));
        at.insert(r.id, int(out.size()));
        out.append(r);
    }
    if (out.isEmpty())
        return out;
    const auto lines = m_database.run(QStringLiteral("SELECT l.refund_id, l.product_id, l.quantity FROM refund_lines l "
                                                     "JOIN refunds r ON r.id = l.refund_id WHERE r.order_id = ? "
                                                     "ORDER BY l.refund_id, l.product_id"),
                                      { orderId });
    if (!lines)
        return lines.failure();
    while (lines.value()->next()) {
        QSqlQuery *q = lines.value();
        const auto found = at.constFind(q->value(0).toLongLong());
        if (found != at.cend())
            out[*found].lines.append(RefundLine { q->value(1).toLongLong(), q->value(2).toLongLong() });
    }
    return out;
}

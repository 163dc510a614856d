#include "ReturnRepository.h"

#include "Database.h"
#include "SqlBatch.h"
#include "SqlTime.h"

namespace {
const QString kColumns = QStringLiteral("r.id, r.order_id, r.user_id, r.status, r.reason, r.created_at, r.decided_at, r.restocked, "
                                        "r.note, r.refund_id, COALESCE(f.amount, 0) FROM returns r "
                                        "LEFT JOIN refunds f ON f.id = r.refund_id");

ProductReturn returnFromRow(QSqlQuery *q)
{
    ProductReturn r;
    r.id = q->value(0).toLongLong();
    r.orderId = q->value(1).toLongLong();
    r.userId = q->value(2).toLongLong();
    r.status = q->value(3).toString();
    r.reason = q->value(4).toString();
    r.createdAt = SqlTime::utc(q->value(5));
    r.decidedAt = SqlTime::utc(q->value(6));
    r.restocked = q->value(7).toBool();
    r.note = q->value(8).toString();
    r.refundId = q->value(9).toLongLong();
    r.refundAmount = q->value(10).toLongLong();
    return r;
}
}

Result<qint64> ReturnRepository::insert(qint64 orderId, qint64 userId, const QList<RefundLine> &lines, const QString &reason,
                                        const QDateTime &at)
{
    const auto inserted =
            m_database.run(QStringLiteral("INSERT INTO returns (order_id, user_id, reason, created_at) VALUES (?, ?, ?, ?)"),
                           { orderId, userId, reason, SqlTime::param(at) });
    if (!inserted)
        return inserted.failure();
    const qint64 id = inserted.value()->lastInsertId().toLongLong();
    for (const QList<RefundLine> &chunk : SqlBatch::chunks(lines)) {
        QVariantList bindings;
        for (const RefundLine &line : chunk)
            bindings << id << line.productId << line.quantity;
        const auto rows = m_database.run(QStringLiteral("INSERT INTO return_lines (return_id, product_id, quantity) VALUES %1")
                                                 .arg(SqlBatch::repeat(int(chunk.size()), QStringLiteral("(?, ?, ?)"))),
                                         bindings);
        if (!rows)
            return rows.failure();
    }
    return id;
}

Result<ProductReturn> ReturnRepository::get(qint64 returnId)
{
    const auto row = m_database.run(QStringLiteral("SELECT %1 WHERE r.id = ?").arg(kColumns), { returnId });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return Failure { ErrorCode::NotFound, QStringLiteral("no return %1").arg(returnId), {} };
    const Result<QList<ProductReturn>> one = withLines({ returnFromRow(row.value()) });
    if (!one)
        return one.failure();
    return one->first();
}

Result<QHash<qint64, qint64>> ReturnRepository::askedBack(qint64 orderId)
{
    const auto rows = m_database.run(QStringLiteral("SELECT l.product_id, SUM(l.quantity) FROM returns r "
                                                    "JOIN return_lines l ON l.return_id = r.id "
                                                    "WHERE r.order_id = ? AND r.status IN ('REQUESTED', 'REJECTED') "
                                                    "GROUP BY l.product_id"),
                                     { orderId });
    if (!rows)
        return rows.failure();
    QHash<qint64, qint64> out;
    while (rows.value()->next())
        out.insert(rows.value()->value(0).toLongLong(), rows.value()->value(1).toLongLong());
    return out;
}

Result<bool> ReturnRepository::decide(qint64 returnId, const QString &status, bool restocked, const QString &note,
                                      qint64 adminId, qint64 refundId, const QDateTime &at)
{
    const auto updated = m_database.run(
            QStringLiteral("UPDATE returns SET status = ?, restocked = ?, note = ?, decided_by = ?, refund_id = ?, decided_at = ? "
                           "WHERE id = ? AND status = 'REQUESTED'"),
            { status, restocked ? 1 : 0, note.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(note), adminId,
              refundId > 0 ? QVariant(refundId) : QVariant(QMetaType(QMetaType::LongLong)), SqlTime::param(at), returnId });
    if (!updated)
        return updated.failure();
    return updated.value()->numRowsAffected() == 1;
}

Result<QPair<QList<ProductReturn>, qint64>> ReturnRepository::forUser(qint64 userId, int limit, int offset)
{
    const auto count = m_database.run(QStringLiteral("SELECT COUNT(*) FROM returns WHERE user_id = ?"), { userId });
    if (!count)
        return count.failure();
    count.value()->next();
    const qint64 total = count.value()->value(0).toLongLong();
    const auto rows = m_database.run(QStringLiteral("SELECT %1 WHERE r.user_id = ? ORDER BY r.id DESC LIMIT ? OFFSET ?").arg(kColumns),
                                     { userId, limit, offset });
    if (!rows)
        return rows.failure();
    QList<ProductReturn> found;
    while (rows.value()->next())
        found.append(returnFromRow(rows.value()));
    const Result<QList<ProductReturn>> out = withLines(found);
    if (!out)
        return out.failure();
    return qMakePair(out.value(), total);
}

Result<QPair<QList<ProductReturn>, qint64>> ReturnRepository::list(const QString &status, int limit, int offset)
{
    const QVariant state = status.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(status);
    const auto count = m_database.run(QStringLiteral("SELECT COUNT(*) FROM returns WHERE (? IS NULL OR status = ?)"), { state, state });
    if (!count)
        return count.failure();
    count.value()->next();
    const qint64 total = count.value()->value(0).toLongLong();
    const auto rows = m_database.run(
            QStringLiteral("SELECT %1 WHERE (? IS NULL OR r.status = ?) ORDER BY r.id LIMIT ? OFFSET ?").arg(kColumns),
            { state, state, limit, offset });
    if (!rows)
        return rows.failure();
    QList<ProductReturn> found;
    while (rows.value()->next())
        found.append(returnFromRow(rows.value()));
    const Result<QList<ProductReturn>> out = withLines(found);
    if (!out)
        return out.failure();
    return qMakePair(out.value(), total);
}

Result<QList<ProductReturn>> ReturnRepository::withLines(QList<ProductReturn> returns)
{
    for (ProductReturn &r : returns) {
        const auto rows = m_database.run(
                QStringLiteral("SELECT product_id, quantity FROM return_lines WHERE return_id = ? ORDER BY product_id"), { r.id });
        if (!rows)
            return rows.failure();
        while (rows.value()->next())
            r.lines.append(RefundLine { rows.value()->value(0).toLongLong(), rows.value()->value(1).toLongLong() });
    }
    return returns;
}

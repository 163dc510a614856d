#include "StockLedgerRepository.h"

#include "Database.h"
#include "SqlBatch.h"
#include "SqlTime.h"

namespace {
QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}
}

Status StockLedgerRepository::record(const QList<Change> &changes)
{
    // RETURNING (MariaDB 10.5+) hands back each row's stock after in the INSERT's own
    // round trip: whether a product went from 0 to more or from more to 0 costs nothing
    // more inside the hot row locks, and lists filtered by stock are told only then.
    bool inStockChanged = false;
    for (const QList<Change> &chunk : SqlBatch::chunks(changes)) {
        QVariantList bindings;
        for (const Change &c : chunk)
            bindings << c.productId << c.delta << c.productId << c.laterInBatch << c.reason << nullableId(c.orderId)
                     << nullableText(c.note) << nullableId(c.actorId);
        const auto inserted = m_database.run(
                QStringLiteral("INSERT INTO stock_ledger (product_id, delta, stock_after, reason, order_id, note, actor_id) VALUES %1 "
                               "RETURNING delta, stock_after")
                        .arg(SqlBatch::repeat(int(chunk.size()),
                                              QStringLiteral("(?, ?, (SELECT p.stock FROM products p WHERE p.id = ?) + ?, ?, ?, ?, ?)"))),
                bindings);
        if (!inserted)
            return inserted.failure();
        QSqlQuery *rows = inserted.value();
        while (rows->next()) {
            const qint64 delta = rows->value(0).toLongLong();
            const qint64 after = rows->value(1).toLongLong();
            inStockChanged = inStockChanged || (after > 0) != (after - delta > 0);
        }
    }
    QList<qint64> products;
    for (const Change &c : changes)
        products << c.productId;
    m_database.stockChanged(products, inStockChanged);
    return Done {};
}

Result<QPair<QList<StockLedgerRepository::Entry>, qint64>> StockLedgerRepository::history(qint64 productId, int limit,
                                                                                         int offset)
{
    const auto count = m_database.run(QStringLiteral("SELECT COUNT(*) FROM stock_ledger WHERE product_id = ?"), { productId });
    if (!count)
        return count.failure();
    count.value()->next();
    const qint64 total = count.value()->value(0).toLongLong();
    const auto rows = m_database.run(
            QStringLiteral("SELECT s.id, s.delta, s.stock_after, s.reason, s.order_id, s.note, s.actor_id, u.username, "
                           "s.created_at FROM stock_ledger s LEFT JOIN users u ON u.id = s.actor_id "
                           "WHERE s.product_id = ? ORDER BY s.id DESC LIMIT ? OFFSET ?"),
            { productId, limit, offset });
    if (!rows)
        return rows.failure();
    QList<Entry> out;
    QSqlQuery *q = rows.value();
    while (q->next())
        out.append(Entry { q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toLongLong(), q->value(3).toString(),
                           q->value(4).toLongLong(), q->value(5).toString(), q->value(6).toLongLong(), q->value(7).toString(),
                           SqlTime::utc(q->value(8)) });
    return qMakePair(out, total);
}

#include "OrderRepository.h"

#include "Database.h"
#include "SqlBatch.h"
#include "SqlTime.h"

namespace {
const QString kOrderColumns = QStringLiteral(
        "id, user_id, status, total_amount, discount_amount, paid_amount, user_coupon_id, paid_at, cancelled_at, refunded_amount, "
        "ship_recipient, ship_phone, ship_postal_code, ship_address1, ship_address2, fulfilment_status, carrier, "
        "tracking_number, packed_at, shipped_at, delivered_at");

// The admin's search: every filter is in the one text with its value bound (never a
// text per combination of filters).
const QString kSearchWhere = QStringLiteral(
        "WHERE (? IS NULL OR status = ?) AND (? IS NULL OR user_id = ?) AND (? IS NULL OR paid_at >= ?) "
        "AND (? IS NULL OR paid_at < ?) AND (? IS NULL OR id = ? OR user_id IN (SELECT u.id FROM users u WHERE u.username LIKE ?)) "
        "AND (? IS NULL OR fulfilment_status = ?)");

Order orderFromRow(QSqlQuery *q)
{
    Order o;
    o.id = q->value(0).toLongLong();
    o.userId = q->value(1).toLongLong();
    o.status = q->value(2).toString();
    o.totalAmount = q->value(3).toLongLong();
    o.discountAmount = q->value(4).toLongLong();
    o.paidAmount = q->value(5).toLongLong();
    o.userCouponId = q->value(6).toLongLong();
    o.paidAt = SqlTime::utc(q->value(7));
    o.cancelledAt = SqlTime::utc(q->value(8));
    o.refundedAmount = q->value(9).toLongLong();
    // No recipient: picked up in person.
    if (!q->value(10).isNull())
        o.shipping = OrderShipping { q->value(10).toString(), q->value(11).toString(), q->value(12).toString(),
                                     q->value(13).toString(), q->value(14).toString() };
    o.fulfilment.status = q->value(15).toString();
    o.fulfilment.carrier = q->value(16).toString();
    o.fulfilment.trackingNumber = q->value(17).toString();
    o.fulfilment.packedAt = SqlTime::utc(q->value(18));
    o.fulfilment.shippedAt = SqlTime::utc(q->value(19));
    o.fulfilment.deliveredAt = SqlTime::utc(q->value(20));
    return o;
}
}

namespace {
const QString kOrderInsert = QStringLiteral("INSERT INTO orders (user_id, status, total_amount, discount_amount, paid_amount, "
                                             "user_coupon_id, paid_at, ship_recipient, ship_phone, ship_postal_code, "
                                             "ship_address1, ship_address2) VALUES ");
const QString kOrderRow = QStringLiteral("(?, 'PAID', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

// An order row's bindings: the address as it is now, copied (later edits of the
// address book never reach it).
void bindOrder(const Order &order, QVariantList &bindings)
{
    const auto shipped = [&order](QString OrderShipping::*field) {
        return order.shipping ? QVariant((*order.shipping).*field) : QVariant(QMetaType(QMetaType::QString));
    };
    bindings << order.userId << order.totalAmount << order.discountAmount << order.paidAmount
             << (order.userCouponId > 0 ? QVariant(order.userCouponId) : QVariant(QMetaType(QMetaType::LongLong)))
             << SqlTime::param(order.paidAt) << shipped(&OrderShipping::recipient) << shipped(&OrderShipping::phone)
             << shipped(&OrderShipping::postalCode) << shipped(&OrderShipping::address1) << shipped(&OrderShipping::address2);
}
}

Result<qint64> OrderRepository::insert(const Order &order, bool withLines)
{
    QVariantList bindings;
    bindOrder(order, bindings);
    const auto inserted = m_database.run(kOrderInsert + kOrderRow, bindings);
    if (!inserted)
        return inserted.failure();
    const qint64 id = inserted.value()->lastInsertId().toLongLong();
    if (withLines) {
        Order inserted = order;
        inserted.id = id;
        if (Status lines = insertLines({ inserted }); !lines)
            return lines.failure();
    }
    return id;
}

Status OrderRepository::insertMany(QList<Order> &orders)
{
    qsizetype next = 0;
    for (const QList<Order> &chunk : SqlBatch::chunks(orders)) {
        QVariantList bindings;
        for (const Order &order : chunk)
            bindOrder(order, bindings);
        const auto inserted = m_database.run(
                kOrderInsert + SqlBatch::repeat(int(chunk.size()), kOrderRow) + QStringLiteral(" RETURNING id"), bindings);
        if (!inserted)
            return inserted.failure();
        // RETURNING hands the rows back in the order they were inserted.
        for (qsizetype i = 0; i < chunk.size(); ++i) {
            if (!inserted.value()->next())
                return Failure { ErrorCode::Internal, QStringLiteral("an inserted order came back without its id"), {} };
            orders[next + i].id = inserted.value()->value(0).toLongLong();
        }
        next += chunk.size();
    }
    return Done {};
}

Status OrderRepository::insertLines(const QList<Order> &orders)
{
    struct Row {
        qint64 orderId;
        OrderLine line;
    };
    QList<Row> rows;
    for (const Order &order : orders)
        for (const OrderLine &line : order.items)
            rows.append({ order.id, line });
    for (const QList<Row> &chunk : SqlBatch::chunks(rows)) {
        QVariantList bindings;
        for (const Row &row : chunk)
            bindings << row.orderId << row.line.productId << row.line.name << row.line.unitPrice << row.line.quantity;
        const auto lines = m_database.run(
                QStringLiteral("INSERT INTO order_lines (order_id, product_id, name, unit_price, quantity) VALUES %1")
                        .arg(SqlBatch::repeat(int(chunk.size()), QStringLiteral("(?, ?, ?, ?, ?)"))),
                bindings);
        if (!lines)
            return lines.failure();
    }
    return Done {};
}

Result<QList<OrderLine>> OrderRepository::lines(qint64 orderId)
{
    const auto rows = m_database.run(QStringLiteral("SELECT product_id, name, unit_price, quantity, refunded_quantity FROM order_lines "
                                                    "WHERE order_id = ? ORDER BY product_id"),
                                     { orderId });
    if (!rows)
        return rows.failure();
    QList<OrderLine> out;
    while (rows.value()->next())
        out.append(OrderLine { rows.value()->value(0).toLongLong(), rows.value()->value(1).toString(),
                               rows.value()->value(2).toLongLong(), rows.value()->value(3).toLongLong(),
                               rows.value()->value(4).toLongLong() });
    return out;
}

Result<Order> OrderRepository::get(qint64 orderId)
{
    const auto row = m_database.run(QStringLiteral("SELECT %1 FROM orders WHERE id = ?").arg(kOrderColumns), { orderId });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return Failure { ErrorCode::NotFound, QStringLiteral("no order %1").arg(orderId), {} };
    Order order = orderFromRow(row.value());
    const Result<QList<OrderLine>> items = lines(orderId);
    if (!items)
        return items.failure();
    order.items = items.value();
    return order;
}

Result<QPair<QList<Order>, qint64>> OrderRepository::forUser(qint64 userId, int limit, int offset)
{
    const auto count = m_database.run(QStringLiteral("SELECT COUNT(*) FROM orders WHERE user_id = ?"), { userId });
    if (!count)
        return count.failure();
    count.value()->next();
    const qint64 total = count.value()->value(0).toLongLong();
    const auto rows = m_database.run(
            QStringLiteral("SELECT %1 FROM orders WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?").arg(kOrderColumns),
            { userId, limit, offset });
    if (!rows)
        return rows.failure();
    QList<Order> orders;
    while (rows.value()->next())
        orders.append(orderFromRow(rows.value()));
    for (Order &order : orders) {
        const Result<QList<OrderLine>> items = lines(order.id);
        if (!items)
            return items.failure();
        order.items = items.value();
    }
    return qMakePair(orders, total);
}

Result<QPair<QList<Order>, qint64>> OrderRepository::search(const Filter &filter, int limit, int offset)
{
    const auto text = [](const QString &v) { return v.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(v); };
    const QVariant status = text(filter.status);
    const QVariant user = filter.userId > 0 ? QVariant(filter.userId) : QVariant(QMetaType(QMetaType::LongLong));
    const QVariant from = filter.paidFrom.isValid() ? SqlTime::param(filter.paidFrom) : QVariant(QMetaType(QMetaType::QDateTime));
    const QVariant before = filter.paidBefore.isValid() ? SqlTime::param(filter.paidBefore) : QVariant(QMetaType(QMetaType::QDateTime));
    const QVariant q = text(filter.query);
    bool numeric = false;
    const qint64 asId = filter.query.toLongLong(&numeric);
    const QVariant id = numeric ? QVariant(asId) : QVariant(QMetaType(QMetaType::LongLong));
    QString escaped = filter.query;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    const QVariant prefix = filter.query.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(escaped + QLatin1Char('%'));
    const QVariant fulfilment = text(filter.fulfilment);
    const QVariantList bindings { status, status, user, user, from, from, before, before, q, id, prefix, fulfilment, fulfilment };
    const auto count = m_database.run(QStringLiteral("SELECT COUNT(*) FROM orders %1").arg(kSearchWhere), bindings);
    if (!count)
        return count.failure();
    count.value()->next();
    const qint64 total = count.value()->value(0).toLongLong();
    QVariantList paged = bindings;
    paged << limit << offset;
    const auto rows = m_database.run(
            QStringLiteral("SELECT %1 FROM orders %2 ORDER BY id DESC LIMIT ? OFFSET ?").arg(kOrderColumns).arg(kSearchWhere), paged);
    if (!rows)
        return rows.failure();
    QList<Order> orders;
    while (rows.value()->next())
        orders.append(orderFromRow(rows.value()));
    for (Order &order : orders) {
        const Result<QList<OrderLine>> items = lines(order.id);
        if (!items)
            return items.failure();
        order.items = items.value();
    }
    return qMakePair(orders, total);
}

Status OrderRepository::lockForChange(qint64 orderId)
{
    const auto row = m_database.run(QStringLiteral("SELECT id FROM orders WHERE id = ? FOR UPDATE"), { orderId });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return Failure { ErrorCode::NotFound, QStringLiteral("no order %1").arg(orderId), {} };
    return Done {};
}

Result<bool> OrderRepository::markCancelled(qint64 orderId)
{
    // What is left of the paid amount goes back with the cancel: refunded_amount then
    // equals paid_amount, as the order's REFUND ledger rows do.
    // Only before it ships (API.md): after delivery the way back is a return.
    const auto updated = m_database.run(
            QStringLiteral("UPDATE orders SET status = 'CANCELLED', cancelled_at = NOW(3), refunded_amount = paid_amount, "
                           "fulfilment_status = 'CANCELLED' "
                           "WHERE id = ? AND status IN ('PAID', 'PARTIALLY_REFUNDED') "
                           "AND fulfilment_status IN ('UNFULFILLED', 'PACKED')"),
            { orderId });
    if (!updated)
        return updated.failure();
    return updated.value()->numRowsAffected() == 1;
}

Result<bool> OrderRepository::addRefund(qint64 orderId, const QList<RefundLine> &lines, qint64 amount, const QString &status)
{
    // Each line's conditional UPDATE is the last word on "never more than was bought",
    // even if a caller skipped the order row's lock.
    for (const RefundLine &line : lines) {
        const auto updated = m_database.run(
                QStringLiteral("UPDATE order_lines SET refunded_quantity = refunded_quantity + ? "
                               "WHERE order_id = ? AND product_id = ? AND refunded_quantity + ? <= quantity"),
                { line.quantity, orderId, line.productId, line.quantity });
        if (!updated)
            return updated.failure();
        if (updated.value()->numRowsAffected() != 1)
            return false;
    }
    // Wholly refunded before it shipped: it leaves the packing queue for good (CANCELLED).
    const auto updated = m_database.run(
            QStringLiteral("UPDATE orders SET refunded_amount = refunded_amount + ?, status = ?, fulfilment_status = "
                           "IF(? = 'REFUNDED' AND fulfilment_status IN ('UNFULFILLED', 'PACKED'), 'CANCELLED', fulfilment_status) "
                           "WHERE id = ? AND status IN ('PAID', 'PARTIALLY_REFUNDED') AND refunded_amount + ? <= paid_amount"),
            { amount, status, status, orderId, amount });
    if (!updated)
        return updated.failure();
    return updated.value()->numRowsAffected() == 1;
}

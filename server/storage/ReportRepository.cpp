#include "ReportRepository.h"

#include "Database.h"
#include "SqlTime.h"

#include <QtCore/QMap>

namespace {
// [from 00:00, the day after `to` 00:00): the dates are inclusive.
QVariantList window(const QDate &from, const QDate &to)
{
    return { SqlTime::param(QDateTime(from, QTime(0, 0), Qt::UTC)), SqlTime::param(QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC)) };
}
}

Result<QList<ReportRepository::OrderLineRow>> ReportRepository::orderLines(const QDate &from, const QDate &to,
                                                                           qint64 afterOrderId)
{
    const QVariantList range = window(from, to);
    // The page of orders first (a range of the primary key above the last one sent,
    // filtered by time), then their lines: never an OFFSET that rereads what was sent.
    const auto rows = m_database.run(
            QStringLiteral("SELECT o.id, o.paid_at, o.status, o.user_id, u.username, l.product_id, l.name, l.unit_price, "
                           "l.quantity, IF(o.status = 'CANCELLED', l.quantity, l.refunded_quantity), o.paid_amount, "
                           "o.refunded_amount FROM (SELECT id, paid_at, status, user_id, paid_amount, refunded_amount FROM orders "
                           "WHERE id > ? AND paid_at >= ? AND paid_at < ? ORDER BY id LIMIT ?) o "
                           "JOIN order_lines l ON l.order_id = o.id LEFT JOIN users u ON u.id = o.user_id "
                           "ORDER BY o.id, l.product_id"),
            { afterOrderId, range.at(0), range.at(1), kOrdersPerPage });
    if (!rows)
        return rows.failure();
    QList<OrderLineRow> out;
    QSqlQuery *q = rows.value();
    while (q->next())
        out.append(OrderLineRow { q->value(0).toLongLong(), SqlTime::utc(q->value(1)), q->value(2).toString(),
                                  q->value(3).toLongLong(), q->value(4).toString(), q->value(5).toLongLong(),
                                  q->value(6).toString(), q->value(7).toLongLong(), q->value(8).toLongLong(),
                                  q->value(9).toLongLong(), q->value(10).toLongLong(), q->value(11).toLongLong() });
    return out;
}

Result<QList<ReportRepository::SalesRow>> ReportRepository::salesByDay(const QDate &from, const QDate &to)
{
    const QVariantList range = window(from, to);
    QMap<QDate, SalesRow> days;
    for (QDate d = from; d <= to; d = d.addDays(1))
        days.insert(d, SalesRow { d.toString(Qt::ISODate), {}, 0, 0, 0, 0, 0, 0 });
    const auto money = m_database.run(
            QStringLiteral("SELECT DATE(paid_at), SUM(status IN ('PAID', 'PARTIALLY_REFUNDED')), SUM(paid_amount), "
                           "SUM(refunded_amount) FROM orders WHERE paid_at >= ? AND paid_at < ? GROUP BY DATE(paid_at)"),
            range);
    if (!money)
        return money.failure();
    while (money.value()->next()) {
        QSqlQuery *q = money.value();
        auto day = days.find(q->value(0).toDate());
        if (day == days.end())
            continue;
        day->orders = q->value(1).toLongLong();
        day->gross = q->value(2).toLongLong();
        day->refunded = q->value(3).toLongLong();
        day->net = day->gross - day->refunded;
    }
    const auto units = m_database.run(
            QStringLiteral("SELECT DATE(o.paid_at), SUM(l.quantity), SUM(IF(o.status = 'CANCELLED', l.quantity, l.refunded_quantity)) "
                           "FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.paid_at >= ? AND o.paid_at < ? "
                           "GROUP BY DATE(o.paid_at)"),
            range);
    if (!units)
        return units.failure();
    while (units.value()->next()) {
        QSqlQuery *q = units.value();
        auto day = days.find(q->value(0).toDate());
        if (day == days.end())
            continue;
        day->units = q->value(1).toLongLong();
        day->unitsReturned = q->value(2).toLongLong();
    }
    return days.values();
}

Result<ReportRepository::SoldPage> ReportRepository::soldOrders(const QDate &from, const QDate &to, qint64 afterOrderId)
{
    const QVariantList range = window(from, to);
    // One statement, so the lines, the refunds and orders.refunded_amount come from one
    // snapshot (READ COMMITTED gives each statement its own): a refund committed between
    // two queries would otherwise be counted in one and not the other. The page of orders
    // is a range of the primary key above the last one sent, as for orders.csv. Rows of
    // kind 0 are order lines, of kind 1 refund lines (the refund's id and amount).
    const auto rows = m_database.run(
            QStringLiteral("WITH o AS (SELECT id, status, total_amount, paid_amount, refunded_amount FROM orders "
                           "WHERE id > ? AND paid_at >= ? AND paid_at < ? ORDER BY id LIMIT ?) "
                           "SELECT o.id, 0 AS kind, 0 AS refund_id, o.status, o.total_amount, o.paid_amount, o.refunded_amount, "
                           "l.product_id, l.unit_price, l.quantity, l.refunded_quantity, l.name, p.name, "
                           "COALESCE(p.category_id, 0), c.name "
                           "FROM o JOIN order_lines l ON l.order_id = o.id LEFT JOIN products p ON p.id = l.product_id "
                           "LEFT JOIN categories c ON c.id = p.category_id "
                           "UNION ALL "
                           "SELECT o.id, 1, r.id, '', 0, 0, r.amount, rl.product_id, 0, rl.quantity, 0, '', NULL, 0, NULL "
                           "FROM o JOIN refunds r ON r.order_id = o.id JOIN refund_lines rl ON rl.refund_id = r.id "
                           "ORDER BY 1, 2, 3, 8"),
            { afterOrderId, range.at(0), range.at(1), kOrdersPerPage });
    if (!rows)
        return rows.failure();
    SoldPage out;
    QSqlQuery *q = rows.value();
    while (q->next()) {
        const qint64 orderId = q->value(0).toLongLong();
        const qint64 productId = q->value(7).toLongLong();
        if (q->value(1).toInt() == 0) {
            if (out.orders.isEmpty() || out.orders.last().id != orderId) {
                Order order;
                order.id = orderId;
                order.status = q->value(3).toString();
                order.totalAmount = q->value(4).toLongLong();
                order.paidAmount = q->value(5).toLongLong();
                order.refundedAmount = q->value(6).toLongLong();
                out.orders.append(order);
            }
            out.orders.last().items.append(OrderLine { productId, q->value(11).toString(), q->value(8).toLongLong(),
                                                       q->value(9).toLongLong(), q->value(10).toLongLong() });
            if (!out.products.contains(productId))
                // A product that is gone keeps the name it was sold under.
                out.products.insert(productId, Sold { q->value(12).isNull() ? q->value(11).toString() : q->value(12).toString(),
                                                      q->value(13).toLongLong(), q->value(14).toString() });
            continue;
        }
        // Refund lines sort after their order's lines, so the order is the last one read.
        if (out.orders.isEmpty() || out.orders.last().id != orderId)
            continue;
        QList<OrderRefund> &refunds = out.orders.last().refunds;
        const qint64 refundId = q->value(2).toLongLong();
        if (refunds.isEmpty() || refunds.last().id != refundId) {
            OrderRefund refund;
            refund.id = refundId;
            refund.amount = q->value(6).toLongLong();
            refunds.append(refund);
        }
        refunds.last().lines.append(RefundLine { productId, q->value(9).toLongLong() });
    }
    return out;
}

Result<QList<ReportRepository::ShipmentLine>> ReportRepository::shipmentLines(const QString &status, qint64 afterOrderId)
{
    const auto rows = m_database.run(
            QStringLiteral("SELECT o.id, o.ship_recipient, o.ship_phone, o.ship_postal_code, o.ship_address1, o.ship_address2, "
                           "l.name, l.quantity - l.refunded_quantity FROM (SELECT id, ship_recipient, ship_phone, ship_postal_code, "
                           "ship_address1, ship_address2 FROM orders WHERE fulfilment_status = ? "
                           "AND status IN ('PAID', 'PARTIALLY_REFUNDED') AND ship_recipient IS NOT NULL AND id > ? "
                           "ORDER BY id LIMIT ?) o JOIN order_lines l ON l.order_id = o.id ORDER BY o.id, l.product_id"),
            { status, afterOrderId, kOrdersPerPage });
    if (!rows)
        return rows.failure();
    QList<ShipmentLine> out;
    QSqlQuery *q = rows.value();
    while (q->next())
        out.append(ShipmentLine { q->value(0).toLongLong(),
                                  OrderShipping { q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                                                  q->value(4).toString(), q->value(5).toString() },
                                  q->value(6).toString(), q->value(7).toLongLong() });
    return out;
}

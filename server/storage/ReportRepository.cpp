#include "ReportRepository.h"

#include "Database.h"
#include "IsoTime.h"
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
        out.append(OrderLineRow { q->value(0).toLongLong(), IsoTime::format(SqlTime::utc(q->value(1))), q->value(2).toString(),
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

Result<QList<ReportRepository::SalesRow>> ReportRepository::salesByProduct(const QDate &from, const QDate &to,
                                                                           qint64 afterProductId)
{
    const QVariantList range = window(from, to);
    const auto rows = m_database.run(
            QStringLiteral("SELECT l.product_id, p.name, SUM(o.status IN ('PAID', 'PARTIALLY_REFUNDED')), SUM(l.quantity), "
                           "SUM(IF(o.status = 'CANCELLED', l.quantity, l.refunded_quantity)), SUM(l.unit_price * l.quantity), "
                           "SUM(l.unit_price * IF(o.status = 'CANCELLED', l.quantity, l.refunded_quantity)) "
                           "FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id "
                           "WHERE l.product_id > ? AND o.paid_at >= ? AND o.paid_at < ? "
                           "GROUP BY l.product_id, p.name ORDER BY l.product_id LIMIT ?"),
            { afterProductId, range.at(0), range.at(1), kProductsPerPage });
    if (!rows)
        return rows.failure();
    QList<SalesRow> out;
    QSqlQuery *q = rows.value();
    while (q->next()) {
        const qint64 gross = q->value(5).toLongLong();
        const qint64 refunded = q->value(6).toLongLong();
        out.append(SalesRow { q->value(0).toString(), q->value(1).toString(), q->value(2).toLongLong(), q->value(3).toLongLong(),
                              q->value(4).toLongLong(), gross, refunded, gross - refunded });
    }
    return out;
}

Result<QList<ReportRepository::SalesRow>> ReportRepository::salesByCategory(const QDate &from, const QDate &to)
{
    const auto rows = m_database.run(
            QStringLiteral("SELECT COALESCE(p.category_id, 0), COALESCE(MAX(c.name), ''), SUM(o.status IN ('PAID', 'PARTIALLY_REFUNDED')), "
                           "SUM(l.quantity), SUM(IF(o.status = 'CANCELLED', l.quantity, l.refunded_quantity)), "
                           "SUM(l.unit_price * l.quantity), "
                           "SUM(l.unit_price * IF(o.status = 'CANCELLED', l.quantity, l.refunded_quantity)) "
                           "FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id "
                           "LEFT JOIN categories c ON c.id = p.category_id WHERE o.paid_at >= ? AND o.paid_at < ? "
                           "GROUP BY COALESCE(p.category_id, 0) ORDER BY COALESCE(p.category_id, 0)"),
            window(from, to));
    if (!rows)
        return rows.failure();
    QList<SalesRow> out;
    QSqlQuery *q = rows.value();
    while (q->next()) {
        const qint64 gross = q->value(5).toLongLong();
        const qint64 refunded = q->value(6).toLongLong();
        out.append(SalesRow { q->value(0).toString(), q->value(1).toString(), q->value(2).toLongLong(), q->value(3).toLongLong(),
                              q->value(4).toLongLong(), gross, refunded, gross - refunded });
    }
    return out;
}

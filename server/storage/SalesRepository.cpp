#include "SalesRepository.h"

#include "Database.h"
#include "IsoTime.h"
#include "SqlBatch.h"
#include "SqlTime.h"

#include <QtCore/QJsonObject>
#include <QtCore/QMap>

Status SalesRepository::record(const QList<OrderLine> &lines, const QDateTime &paidAt, int sign)
{
    const QDateTime hour = IsoTime::startOfHour(paidAt);
    // Lines arrive in ascending product id: the bucket rows are locked in that order.
    for (const QList<OrderLine> &chunk : SqlBatch::chunks(lines)) {
        QVariantList bindings;
        for (const OrderLine &line : chunk)
            bindings << SqlTime::param(hour) << line.productId << sign * line.quantity << sign * line.quantity * line.unitPrice;
        const auto upserted = m_database.run(
                QStringLiteral("INSERT INTO product_sales_hourly (bucket_start, product_id, units, revenue) VALUES %1 "
                               "ON DUPLICATE KEY UPDATE units = units + VALUES(units), revenue = revenue + VALUES(revenue)")
                        .arg(SqlBatch::repeat(int(chunk.size()), QStringLiteral("(?, ?, ?, ?)"))),
                bindings);
        if (!upserted)
            return upserted.failure();
    }
    return Done {};
}

Result<QList<SalesRepository::Ranked>> SalesRepository::top(int days, int limit)
{
    const auto rows = m_database.run(
            QStringLiteral("SELECT p.id, p.name, p.price, p.stock, s.sold FROM ("
                           " SELECT product_id, SUM(units) AS sold FROM product_sales_hourly"
                           " WHERE bucket_start >= DATE_FORMAT(UTC_TIMESTAMP() - INTERVAL ? DAY, '%Y-%m-%d %H:00:00')"
                           " GROUP BY product_id HAVING sold > 0) s"
                           " JOIN products p ON p.id = s.product_id"
                           " ORDER BY s.sold DESC, p.id ASC LIMIT ?"),
            { days, limit });
    if (!rows)
        return rows.failure();
    QList<Ranked> out;
    QSqlQuery *q = rows.value();
    while (q->next())
        out.append(Ranked { Product { q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong(),
                                      q->value(3).toLongLong() },
                            q->value(4).toLongLong() });
    return out;
}

Result<QList<HourlySales>> SalesRepository::hourly(int days)
{
    const auto rows = m_database.run(
            QStringLiteral("SELECT bucket_start, product_id, units FROM product_sales_hourly"
                           " WHERE bucket_start >= DATE_FORMAT(UTC_TIMESTAMP() - INTERVAL ? DAY, '%Y-%m-%d %H:00:00')"
                           " AND units <> 0"),
            { days });
    if (!rows)
        return rows.failure();
    QList<HourlySales> out;
    QSqlQuery *q = rows.value();
    while (q->next())
        out.append(HourlySales { SqlTime::utc(q->value(0)), q->value(1).toLongLong(), q->value(2).toLongLong() });
    return out;
}

Result<QJsonArray> SalesRepository::daily(int days)
{
    struct Day {
        qint64 orders = 0;
        qint64 revenue = 0;
        qint64 units = 0;
    };
    QMap<QDate, Day> byDay;
    const QDate today = QDateTime::currentDateTimeUtc().date();
    for (int i = days - 1; i >= 0; --i)
        byDay.insert(today.addDays(-i), Day {});

    const auto units = m_database.run(
            QStringLiteral("SELECT DATE(bucket_start), SUM(units) FROM product_sales_hourly "
                           "WHERE bucket_start >= UTC_DATE() - INTERVAL ? DAY GROUP BY DATE(bucket_start)"),
            { days - 1 });
    if (!units)
        return units.failure();
    while (units.value()->next()) {
        const QDate d = units.value()->value(0).toDate();
        if (byDay.contains(d))
            byDay[d].units = units.value()->value(1).toLongLong();
    }
    // Revenue is money kept: what orders still standing (not cancelled, not wholly
    // refunded) were paid, less what their refunds gave back, on the day they were paid.
    const auto orders = m_database.run(
            QStringLiteral("SELECT DATE(paid_at), COUNT(*), SUM(paid_amount - refunded_amount) FROM orders "
                           "WHERE paid_at >= UTC_DATE() - INTERVAL ? DAY AND status IN ('PAID', 'PARTIALLY_REFUNDED') "
                           "GROUP BY DATE(paid_at)"),
            { days - 1 });
    if (!orders)
        return orders.failure();
    while (orders.value()->next()) {
        const QDate d = orders.value()->value(0).toDate();
        if (byDay.contains(d)) {
            byDay[d].orders = orders.value()->value(1).toLongLong();
            byDay[d].revenue = orders.value()->value(2).toLongLong();
        }
    }
    QJsonArray out;
    for (auto it = byDay.cbegin(); it != byDay.cend(); ++it)
        out.append(QJsonObject { { QStringLiteral("date"), it.key().toString(Qt::ISODate) },
                                 { QStringLiteral("orders"), it->orders },
                                 { QStringLiteral("revenue"), it->revenue },
                                 { QStringLiteral("units"), it->units } });
    return out;
}

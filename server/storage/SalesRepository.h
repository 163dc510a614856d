#pragma once

#include "Result.h"
#include "ShopTypes.h"

#include <QtCore/QJsonArray>

class Database;

// Units and revenue per product per hour (product_sales_hourly), kept in step by the
// order and cancel transactions. Top products and daily sales read it, never orders.
//
// Precision: a window of N days counts whole hours, from the start of the hour N×24
// hours ago up to now, so it may include up to one hour more than N×24 hours.
class SalesRepository
{
public:
    explicit SalesRepository(Database &database) : m_database(database) { }

    // sign +1 when paid, -1 when cancelled or refunded (those units); `paidAt` picks the hour bucket.
    Status record(const QList<OrderLine> &lines, const QDateTime &paidAt, int sign);

    struct Ranked {
        Product product;
        qint64 sold = 0;
    };
    Result<QList<Ranked>> top(int days, int limit);
    // Every non-zero bucket of the top-products window of `days` (rebuilds Redis rankings).
    Result<QList<HourlySales>> hourly(int days);
    // [{date, orders, revenue, units}] for the last `days` days including today.
    Result<QJsonArray> daily(int days);

private:
    Database &m_database;
};

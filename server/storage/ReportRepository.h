#pragma once

#include "Result.h"

#include <QtCore/QDate>
#include <QtCore/QList>
#include <QtCore/QString>

#include <functional>

class Database;

// What the admin's CSV reports read (API.md, Reports). Money in whole won; "net" is
// after refunds and cancellations. Large reads come in keyset pages (never OFFSET), so
// a year of order lines is never held in memory at once and each page is an index range.
class ReportRepository
{
public:
    explicit ReportRepository(Database &database) : m_database(database) { }

    // Orders per page of orders.csv (their lines come with them: at most 50 each).
    static constexpr int kOrdersPerPage = 500;
    // Groups per page of the product report.
    static constexpr int kProductsPerPage = 1000;

    struct OrderLineRow {
        qint64 orderId = 0;
        QString paidAt; // ISO-8601 UTC
        QString status;
        qint64 userId = 0;
        QString username;
        qint64 productId = 0;
        QString productName; // as paid
        qint64 unitPrice = 0;
        qint64 quantity = 0;
        qint64 refundedQuantity = 0; // every unit when the order was cancelled
        qint64 orderPaid = 0;
        qint64 orderRefunded = 0;
    };
    // The lines of orders paid in [from, to] (dates inclusive, UTC) with order id above
    // `afterOrderId`, by order id then product id, at most kOrdersPerPage orders.
    Result<QList<OrderLineRow>> orderLines(const QDate &from, const QDate &to, qint64 afterOrderId);

    struct SalesRow {
        QString key; // the day (YYYY-MM-DD), product id or category id
        QString name; // product name or category path; empty for a day
        qint64 orders = 0; // orders not cancelled nor wholly refunded
        qint64 units = 0; // units sold
        qint64 unitsReturned = 0; // refunded or cancelled
        qint64 gross = 0; // what was paid (day) or list price × units (product, category)
        qint64 refunded = 0;
        qint64 net = 0;
    };
    // By day: what was paid and what went back, on the day it was paid.
    Result<QList<SalesRow>> salesByDay(const QDate &from, const QDate &to);
    // By product id above `afterProductId`, at most kProductsPerPage; money at list price.
    Result<QList<SalesRow>> salesByProduct(const QDate &from, const QDate &to, qint64 afterProductId);
    // By the product's category now (0: none); money at list price.
    Result<QList<SalesRow>> salesByCategory(const QDate &from, const QDate &to);

private:
    Database &m_database;
};

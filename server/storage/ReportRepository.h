#pragma once

#include "Result.h"
#include "ShopTypes.h"

#include <QtCore/QDate>
#include <QtCore/QDateTime>
#include <QtCore/QHash>
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

    // Orders per page of orders.csv and of the product and category reports (their lines
    // come with them: at most 50 each).
    static constexpr int kOrdersPerPage = 500;

    struct OrderLineRow {
        qint64 orderId = 0;
        QDateTime paidAt; // UTC
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
        QString name; // product or category name; empty for a day
        qint64 orders = 0; // orders not cancelled nor wholly refunded
        qint64 units = 0; // units sold
        qint64 unitsReturned = 0; // refunded or cancelled
        qint64 gross = 0; // what was paid
        qint64 refunded = 0; // what was given back, a cancel's rest included
        qint64 net = 0;
    };
    // By day: what was paid and what went back (orders.paid_amount, refunded_amount),
    // on the day the order was paid.
    Result<QList<SalesRow>> salesByDay(const QDate &from, const QDate &to);

    // What a line's product is reported under: its name and category now (category 0
    // and an empty name: none).
    struct Sold {
        QString name;
        qint64 categoryId = 0;
        QString categoryName;
    };
    struct SoldPage {
        // id, status, totalAmount, paidAmount, refundedAmount; items by product id
        // (refundedQuantity as stored: a cancel leaves it); refunds by id with their
        // id, amount and lines by product id. Nothing else is filled in.
        QList<Order> orders;
        QHash<qint64, Sold> products; // every product of those lines
    };
    // The orders paid in [from, to] (dates inclusive, UTC) with id above `afterOrderId`,
    // by id, at most kOrdersPerPage, with their lines and recorded refunds: what the
    // product and category reports share out line by line.
    Result<SoldPage> soldOrders(const QDate &from, const QDate &to, qint64 afterOrderId);

    struct ShipmentLine {
        qint64 orderId = 0;
        OrderShipping to;
        QString productName; // as paid
        qint64 quantity = 0; // what is left to send: bought less refunded
    };
    // The lines of PAID and PARTIALLY_REFUNDED orders with an address (not pickups) in
    // fulfilment `status`, with order id above `afterOrderId`, by order id then product
    // id, at most kOrdersPerPage orders: shipments.csv.
    Result<QList<ShipmentLine>> shipmentLines(const QString &status, qint64 afterOrderId);

private:
    Database &m_database;
};

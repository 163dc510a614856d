#pragma once

#include "Result.h"
#include "ShopTypes.h"

class Database;

class OrderRepository
{
public:
    explicit OrderRepository(Database &database) : m_database(database) { }

    // The order row and its lines (with name and unit price as paid); returns the id.
    // withLines false: the lines come later with insertLines() (a batch's, all at once).
    Result<qint64> insert(const Order &order, bool withLines = true);
    // Orders without their lines (a batch's), one multi-row INSERT … RETURNING id per
    // SqlBatch chunk; each order's id set from it.
    Status insertMany(QList<Order> &orders);
    // The lines of these orders (their ids set): one multi-row INSERT per SqlBatch chunk.
    Status insertLines(const QList<Order> &orders);
    Result<Order> get(qint64 orderId);
    Result<QPair<QList<Order>, qint64>> forUser(qint64 userId, int limit, int offset);

    // The admin's order list: every filter optional (empty / 0 / invalid: any).
    struct Filter {
        QString status;
        qint64 userId = 0;
        QDateTime paidFrom; // inclusive
        QDateTime paidBefore; // exclusive
        QString query; // an order id, or the beginning of a username
        QString fulfilment; // a fulfilment state
    };
    // Newest first, and the total for the same filter.
    Result<QPair<QList<Order>, qint64>> search(const Filter &filter, int limit, int offset);
    // Locks the order row (SELECT … FOR UPDATE) for the rest of the caller's
    // transaction, so refunds and cancels of one order run one after another and each
    // reads what the one before it left; NOT_FOUND when there is no such order.
    Status lockForChange(qint64 orderId);
    // PAID or PARTIALLY_REFUNDED → CANCELLED, refunded_amount = paid_amount, fulfilment
    // CANCELLED; false when it was neither (already cancelled or refunded) or it has
    // shipped (fulfilment past PACKED).
    Result<bool> markCancelled(qint64 orderId);
    // Adds a refund to the lines' refunded_quantity and the order's refunded_amount and
    // sets its status (REFUNDED before shipping: fulfilment CANCELLED); false (nothing to
    // keep: roll back) when a line would pass what was bought or the money what was paid.
    Result<bool> addRefund(qint64 orderId, const QList<RefundLine> &lines, qint64 amount, const QString &status);

private:
    Result<QList<OrderLine>> lines(qint64 orderId);
    Database &m_database;
};

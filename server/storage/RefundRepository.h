#pragma once

#include "Result.h"
#include "ShopTypes.h"

class Database;

// Refunds by line (API.md, Running the shop): the refund row and its lines. The order's
// running totals (refunded_amount, refunded_quantity) are OrderRepository's.
class RefundRepository
{
public:
    explicit RefundRepository(Database &database) : m_database(database) { }

    // Inside the caller's transaction; `unitPrices` by product id, as paid. Returns the
    // refund with its id and time.
    Result<OrderRefund> insert(qint64 orderId, const OrderRefund &refund, const QHash<qint64, qint64> &unitPrices,
                               qint64 actorId);
    // Oldest first.
    Result<QList<OrderRefund>> forOrder(qint64 orderId);

private:
    Database &m_database;
};

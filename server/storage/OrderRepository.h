#pragma once

#include "Result.h"
#include "ShopTypes.h"

class Database;

class OrderRepository
{
public:
    explicit OrderRepository(Database &database) : m_database(database) { }

    // The order row and its lines (with name and unit price as paid); returns the id.
    Result<qint64> insert(const Order &order);
    Result<Order> get(qint64 orderId);
    Result<QPair<QList<Order>, qint64>> forUser(qint64 userId, int limit, int offset);
    // PAID → CANCELLED; false when it was not PAID (already cancelled).
    Result<bool> markCancelled(qint64 orderId);

private:
    Result<QList<OrderLine>> lines(qint64 orderId);
    Database &m_database;
};

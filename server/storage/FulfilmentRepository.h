#pragma once

#include "Result.h"

#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QString>

class Database;

// Fulfilment's statements on `orders` (API.md, Shipping): the move forward and the packing
// queue. The order row itself (columns, the copy of the address) is OrderRepository's.
class FulfilmentRepository
{
public:
    explicit FulfilmentRepository(Database &database) : m_database(database) { }

    // One conditional UPDATE: `from` → `to` (stamping packed_at, shipped_at with the
    // carrier and tracking number, or delivered_at with `at`) only while the order is
    // still in `from` and PAID or PARTIALLY_REFUNDED. False when it was not (another
    // admin moved it first, or a cancel or a refund took it): nothing changed.
    Result<bool> advance(qint64 orderId, const QString &from, const QString &to, const QString &carrier,
                         const QString &trackingNumber, const QDateTime &at);

    // Ids of PAID and PARTIALLY_REFUNDED orders in fulfilment `status` (empty: any), oldest
    // paid first, and their total.
    Result<QPair<QList<qint64>, qint64>> queue(const QString &status, int limit, int offset);
    // How many PAID and PARTIALLY_REFUNDED orders are UNFULFILLED, PACKED and SHIPPED (the
    // states work waits in; DELIVERED only grows, so it is not counted on every look).
    Result<QMap<QString, qint64>> counts();
    // When the oldest order still waiting to ship (UNFULFILLED or PACKED, shipping or
    // pickup) was paid; invalid when none waits.
    Result<QDateTime> oldestWaiting();

private:
    Database &m_database;
};

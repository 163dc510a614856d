#pragma once

#include "Result.h"

#include <QtCore/QDateTime>

class Database;

// The statements that keep loading the demo shop safe on several instances: a MySQL
// named lock (held by the loading connection for the whole load, released when it
// ends or the connection drops) and the product count checked under it.
//
// And its history: the demo's rows are written now through the real services, then
// each thing's rows are moved back in time together (the order with its payment,
// ledger rows and events), so the shop has 14 days behind it. Only timestamps move:
// no amount, count or state, so every invariant the services kept still holds. Each
// runs in the caller's transaction (one per thing moved, so its rows move together).
class DemoShopRepository
{
public:
    explicit DemoShopRepository(Database &database) : m_database(database) { }

    Result<qint64> productCount();
    // True when this connection now holds the lock; false when another holds it.
    Result<bool> takeLock();
    Status releaseLock();
    // True while some connection (any instance) holds the lock.
    Result<bool> lockHeld();

    // Products [first, last] and their opening stock (ledger rows of no order) opened at `at`.
    Status dateCatalogue(qint64 firstProduct, qint64 lastProduct, const QDateTime &at);
    // A shopper's charges made since `since`, and their addresses, at `at`.
    Status dateShopper(qint64 userId, const QDateTime &since, const QDateTime &at);
    // A shopper's charges made since `since`, at `at`.
    Status dateCharges(qint64 userId, const QDateTime &since, const QDateTime &at);
    // A product's stock adjustments made since `since` (a restock), at `at`.
    Status dateRestock(qint64 productId, const QDateTime &since, const QDateTime &at);
    // A just-placed order: paid, its payment, its stock rows and its ORDER_PAID event at `at`.
    Status datePlaced(qint64 orderId, const QDateTime &at);
    // Its fulfilment moves and their events (an invalid time: a step not taken).
    Status dateFulfilment(qint64 orderId, const QDateTime &packed, const QDateTime &shipped, const QDateTime &delivered);
    // A return asked at `asked`; decided (and, if accepted, refunded) at `decided`.
    Status dateReturn(qint64 returnId, qint64 orderId, const QDateTime &asked, const QDateTime &decided);
    // The top-products aggregate from the orders' lines by the hour each was paid (what
    // the order path would have written then), less what was refunded or cancelled.
    Status rebuildSales();

private:
    Database &m_database;
};

#pragma once

#include "Result.h"

#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QString>

class Database;

// One row per change of a product's stock (API.md, Stock), written in the transaction
// that changed it, so a product's entries add up to its stock (InvariantChecker).
class StockLedgerRepository
{
public:
    explicit StockLedgerRepository(Database &database) : m_database(database) { }

    struct Change {
        qint64 productId = 0;
        qint64 delta = 0;
        QString reason; // INITIAL, ORDER, CANCEL, REFUND, ADJUSTMENT
        qint64 orderId = 0; // 0: none
        QString note; // empty: none
        qint64 actorId = 0; // 0: none
        // Units later changes of the same transaction take from this product after
        // this one, already taken by one UPDATE for all (a batch of orders): added
        // back to the stock read, so each row still says the stock its change left.
        qint64 laterInBatch = 0;
    };
    // After the stock UPDATEs of `changes`, inside their transaction: stock_after is
    // read from the product row that transaction holds locked, so it is this change's.
    // One multi-row INSERT per SqlBatch chunk (one round trip for an order of up to 128
    // lines), which keeps the hot product locks short. Tells the connection which
    // products changed and whether any of them went in or out of stock
    // (Database::stockChanged), for the caches to hear of after the COMMIT.
    Status record(const QList<Change> &changes);

    struct Entry {
        qint64 id = 0;
        qint64 delta = 0;
        qint64 stockAfter = 0;
        QString reason;
        qint64 orderId = 0;
        QString note;
        qint64 actorId = 0;
        QString actorName;
        QDateTime createdAt;
    };
    // Newest first, and the product's total number of entries.
    Result<QPair<QList<Entry>, qint64>> history(qint64 productId, int limit, int offset);

private:
    Database &m_database;
};

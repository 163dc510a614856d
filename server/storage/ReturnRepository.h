#pragma once

#include "ProductReturn.h"
#include "Result.h"

#include <QtCore/QHash>

class Database;

// Returns' rows (API.md, Shipping: returns): the request, its lines, the decision. The
// money and units of an accepted one are a refund's (RefundRepository, OrderRepository).
class ReturnRepository
{
public:
    explicit ReturnRepository(Database &database) : m_database(database) { }

    // Inside the caller's transaction: the return (REQUESTED) with its lines; its id.
    Result<qint64> insert(qint64 orderId, qint64 userId, const QList<RefundLine> &lines, const QString &reason,
                          const QDateTime &at);
    // With its lines and, accepted, its refund's amount. NOT_FOUND when there is none.
    Result<ProductReturn> get(qint64 returnId);
    // Units of each product of the order asked back and not accepted: REQUESTED (waiting)
    // and REJECTED (decided: not asked again). Accepted ones are refunded units already.
    Result<QHash<qint64, qint64>> askedBack(qint64 orderId);
    // REQUESTED → `status` (ACCEPTED or REJECTED) with the decision's details, only while
    // REQUESTED: false when it was decided already (nothing changed).
    Result<bool> decide(qint64 returnId, const QString &status, bool restocked, const QString &note, qint64 adminId,
                        qint64 refundId, const QDateTime &at);
    // A user's returns, newest first; every return in `status` (empty: any), oldest first
    // (a queue). Each with the total for the same filter.
    Result<QPair<QList<ProductReturn>, qint64>> forUser(qint64 userId, int limit, int offset);
    Result<QPair<QList<ProductReturn>, qint64>> list(const QString &status, int limit, int offset);

private:
    Result<QList<ProductReturn>> withLines(QList<ProductReturn> returns);
    Database &m_database;
};

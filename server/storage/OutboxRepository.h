#pragma once

#include "Result.h"
#include "ShopTypes.h"

#include <QtCore/QList>

class Database;

// The transactional outbox (DESIGN.md, Runtime): an event row written in the same
// MySQL transaction as the order it describes, then published by the relay.
//
// Row life: PENDING (next_attempt_at = when it may be sent) → PUBLISHED on the
// broker's delivery report, or back to PENDING later with a backoff, or FAILED after
// the last attempt. A relay leases the rows it sends by pushing next_attempt_at past
// the lease, so neither the republish schedule nor another server sends them twice
// while their delivery reports are outstanding.
class OutboxRepository
{
public:
    explicit OutboxRepository(Database &database) : m_database(database) { }

    struct Event {
        qint64 id = 0;
        QString eventId;
        QString type;
        qint64 orderId = 0;
        QByteArray payload;
        int attempts = 0;
    };

    // Inside the caller's transaction. type: ORDER_PAID, ORDER_CANCELLED or
    // ORDER_REFUNDED (with `refund`, the refund it reports).
    Status add(const QString &type, const Order &order, const QDateTime &occurredAt, const QJsonObject &refund = {});
    // ORDER_PAID for each of these orders (a batch's), in their order: one multi-row
    // INSERT per SqlBatch chunk.
    Status addPaid(const QList<Order> &orders);

    // Leases up to `limit` due PENDING rows (oldest first) for `leaseSeconds`, counting
    // an attempt; SKIP LOCKED lets several relays share the table. A row whose order
    // has an earlier event not yet PUBLISHED is not due, so one order's events are sent
    // in order whatever the relays and retries do. Inside the caller's transaction (the
    // rows stay locked until it commits). `limit` <= SqlBatch::kMaxBatch.
    Result<QList<Event>> claimDue(int limit, int leaseSeconds, int minimumAgeMs);
    // Marks delivered rows PUBLISHED and adds them to the published total, inside the
    // caller's transaction.
    Status markPublished(const QList<qint64> &ids);
    // After a failed delivery: due again after `retryInSeconds`, or FAILED when
    // `attempts` reached `maxAttempts`.
    Status markFailed(qint64 id, int attempts, int maxAttempts, int retryInSeconds, const QString &error);

    struct Counts {
        qint64 pending = 0;
        qint64 published = 0;
        qint64 failed = 0;
        qint64 oldestPendingSeconds = 0;
    };
    // Served by indexes: pending and failed rows are counted by (status, …) ranges,
    // which stay small; published ones come from a running total, never a scan.
    Result<Counts> counts();

    // Retention: deletes up to `limit` rows PUBLISHED more than `ageSeconds` ago
    // (oldest first, by the (status, published_at) index); how many went.
    Result<int> deletePublishedBefore(qint64 ageSeconds, int limit);

    // {"eventId", "type", "occurredAt", "order", "refund"?} as API.md's Events section.
    static QByteArray payload(const QString &eventId, const QString &type, const QDateTime &occurredAt, const Order &order,
                              const QJsonObject &refund = {});

private:
    Database &m_database;
};

#include "OutboxRepository.h"

#include "Database.h"
#include "IsoTime.h"
#include "SqlBatch.h"

namespace {
// The relay's lists are padded to one size: one statement text per connection, however
// many rows a round takes or a delivery report names.
constexpr int kRelayBatch = SqlBatch::kMaxBatch;
}

#include <QtCore/QJsonDocument>
#include <QtCore/QUuid>

QByteArray OutboxRepository::payload(const QString &eventId, const QString &type, const QDateTime &occurredAt,
                                     const Order &order, const QJsonObject &refund)
{
    QJsonObject event { { QStringLiteral("eventId"), eventId },
                        { QStringLiteral("type"), type },
                        { QStringLiteral("occurredAt"), IsoTime::format(occurredAt) },
                        { QStringLiteral("order"), order.toJson() } };
    if (!refund.isEmpty())
        event.insert(QStringLiteral("refund"), refund);
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

Status OutboxRepository::add(const QString &type, const Order &order, const QDateTime &occurredAt, const QJsonObject &refund)
{
    const QString eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto inserted = m_database.run(
            QStringLiteral("INSERT INTO outbox (event_id, event_type, order_id, payload) VALUES (?, ?, ?, ?)"),
            { eventId, type, order.id, QString::fromUtf8(payload(eventId, type, occurredAt, order, refund)) });
    if (!inserted)
        return inserted.failure();
    return Done {};
}

Status OutboxRepository::addPaid(const QList<Order> &orders)
{
    const QString type = QStringLiteral("ORDER_PAID");
    for (const QList<Order> &chunk : SqlBatch::chunks(orders)) {
        QVariantList bindings;
        for (const Order &order : chunk) {
            const QString eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            bindings << eventId << type << order.id << QString::fromUtf8(payload(eventId, type, order.paidAt, order, {}));
        }
        const auto inserted = m_database.run(QStringLiteral("INSERT INTO outbox (event_id, event_type, order_id, payload) VALUES %1")
                                                     .arg(SqlBatch::repeat(int(chunk.size()), QStringLiteral("(?, ?, ?, ?)"))),
                                             bindings);
        if (!inserted)
            return inserted.failure();
    }
    return Done {};
}

Result<QList<OutboxRepository::Event>> OutboxRepository::claimDue(int limit, int leaseSeconds, int minimumAgeMs)
{
    const auto due = m_database.run(
            // An order's event waits while an earlier one of the same order is not
            // published yet (leased by another relay, retrying, or FAILED): one order's
            // events reach the topic in the order they happened (ix_outbox_order).
            QStringLiteral("SELECT id, event_id, event_type, order_id, payload, attempts FROM outbox o "
                           "WHERE status = 'PENDING' AND next_attempt_at <= NOW(3) "
                           "AND created_at <= NOW(3) - INTERVAL ? MICROSECOND "
                           "AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.order_id = o.order_id AND e.id < o.id "
                           "AND e.status <> 'PUBLISHED') "
                           "ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED"),
            { qint64(minimumAgeMs) * 1000, limit });
    if (!due)
        return due.failure();
    QList<Event> events;
    QList<qint64> ids;
    QSqlQuery *q = due.value();
    while (q->next()) {
        events.append(Event { q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                              q->value(3).toLongLong(), q->value(4).toByteArray(), q->value(5).toInt() + 1 });
        ids << events.last().id;
    }
    for (const QList<qint64> &chunk : SqlBatch::pieces(ids)) {
        QVariantList bindings { leaseSeconds };
        const auto leased = m_database.run(
                QStringLiteral("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = NOW(3) + INTERVAL ? SECOND "
                               "WHERE id IN (%1)")
                        .arg(SqlBatch::inList(chunk, bindings, kRelayBatch)),
                bindings);
        if (!leased)
            return leased.failure();
    }
    return events;
}

Status OutboxRepository::markPublished(const QList<qint64> &ids)
{
    for (const QList<qint64> &chunk : SqlBatch::pieces(ids)) {
        QVariantList bindings;
        const auto updated = m_database.run(
                QStringLiteral("UPDATE outbox SET status = 'PUBLISHED', published_at = NOW(3), last_error = NULL "
                               "WHERE id IN (%1) AND status <> 'PUBLISHED'")
                        .arg(SqlBatch::inList(chunk, bindings, kRelayBatch)),
                bindings);
        if (!updated)
            return updated.failure();
        const int published = updated.value()->numRowsAffected();
        if (published == 0)
            continue;
        // An upsert, so a missing row (an emptied table) starts the total again.
        const auto counted = m_database.run(
                QStringLiteral("INSERT INTO outbox_totals (id, published) VALUES (1, ?) "
                               "ON DUPLICATE KEY UPDATE published = published + VALUES(published)"),
                { published });
        if (!counted)
            return counted.failure();
    }
    return Done {};
}

Status OutboxRepository::markFailed(qint64 id, int attempts, int maxAttempts, int retryInSeconds, const QString &error)
{
    const auto updated = m_database.run(
            QStringLiteral("UPDATE outbox SET status = ?, next_attempt_at = NOW(3) + INTERVAL ? SECOND, last_error = ? "
                           "WHERE id = ? AND status = 'PENDING'"),
            { attempts >= maxAttempts ? QStringLiteral("FAILED") : QStringLiteral("PENDING"), retryInSeconds,
              error.left(500), id });
    if (!updated)
        return updated.failure();
    return Done {};
}

Result<OutboxRepository::Counts> OutboxRepository::counts()
{
    // Each subquery reads one (status, …) index range: PENDING and FAILED rows are few,
    // and MIN(created_at) of the PENDING ones is the first entry of ix_outbox_age.
    const auto rows = m_database.run(QStringLiteral(
            "SELECT (SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'), "
            "COALESCE((SELECT published FROM outbox_totals WHERE id = 1), 0), "
            "(SELECT COUNT(*) FROM outbox WHERE status = 'FAILED'), "
            "COALESCE(TIMESTAMPDIFF(SECOND, (SELECT MIN(created_at) FROM outbox WHERE status = 'PENDING'), NOW(3)), 0)"));
    if (!rows)
        return rows.failure();
    QSqlQuery *q = rows.value();
    q->next();
    return Counts { q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toLongLong(), q->value(3).toLongLong() };
}

Result<int> OutboxRepository::deletePublishedBefore(qint64 ageSeconds, int limit)
{
    const auto deleted = m_database.run(
            QStringLiteral("DELETE FROM outbox WHERE status = 'PUBLISHED' AND published_at < NOW(3) - INTERVAL ? SECOND "
                           "ORDER BY published_at LIMIT ?"),
            { ageSeconds, limit });
    if (!deleted)
        return deleted.failure();
    return deleted.value()->numRowsAffected();
}

#include "OutboxRepository.h"

#include "Database.h"
#include "IsoTime.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QUuid>

QByteArray OutboxRepository::payload(const QString &eventId, const QString &type, const QDateTime &occurredAt,
                                     const Order &order)
{
    return QJsonDocument(QJsonObject { { QStringLiteral("eventId"), eventId },
                                       { QStringLiteral("type"), type },
                                       { QStringLiteral("occurredAt"), IsoTime::format(occurredAt) },
                                       { QStringLiteral("order"), order.toJson() } })
            .toJson(QJsonDocument::Compact);
}

Status OutboxRepository::add(const QString &type, const Order &order, const QDateTime &occurredAt)
{
    const QString eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto inserted = m_database.run(
            QStringLiteral("INSERT INTO outbox (event_id, event_type, order_id, payload) VALUES (?, ?, ?, ?)"),
            { eventId, type, order.id, QString::fromUtf8(payload(eventId, type, occurredAt, order)) });
    if (!inserted)
        return inserted.failure();
    return Done {};
}

Result<QList<OutboxRepository::Event>> OutboxRepository::claimDue(int limit, int leaseSeconds, int minimumAgeMs)
{
    return m_database.transaction<QList<Event>>([&]() -> Result<QList<Event>> {
        const auto due = m_database.run(
                QStringLiteral("SELECT id, event_id, event_type, order_id, payload, attempts FROM outbox "
                               "WHERE status = 'PENDING' AND next_attempt_at <= NOW(3) "
                               "AND created_at <= NOW(3) - INTERVAL ? MICROSECOND "
                               "ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED"),
                { qint64(minimumAgeMs) * 1000, limit });
        if (!due)
            return due.failure();
        QList<Event> events;
        QStringList ids;
        QSqlQuery *q = due.value();
        while (q->next()) {
            events.append(Event { q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                                  q->value(3).toLongLong(), q->value(4).toByteArray(), q->value(5).toInt() + 1 });
            ids << QString::number(events.last().id);
        }
        if (events.isEmpty())
            return events;
        const auto leased = m_database.run(
                QStringLiteral("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = NOW(3) + INTERVAL ? SECOND "
                               "WHERE id IN (%1)")
                        .arg(ids.join(QLatin1Char(','))),
                { leaseSeconds });
        if (!leased)
            return leased.failure();
        return events;
    });
}

Status OutboxRepository::markPublished(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return Done {};
    QStringList list;
    for (const qint64 id : ids)
        list << QString::number(id);
    const auto updated = m_database.run(
            QStringLiteral("UPDATE outbox SET status = 'PUBLISHED', published_at = NOW(3), last_error = NULL "
                           "WHERE id IN (%1)")
                    .arg(list.join(QLatin1Char(','))));
    if (!updated)
        return updated.failure();
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
    const auto rows = m_database.run(QStringLiteral(
            "SELECT COALESCE(SUM(status = 'PENDING'), 0), COALESCE(SUM(status = 'PUBLISHED'), 0), "
            "COALESCE(SUM(status = 'FAILED'), 0), "
            "COALESCE(TIMESTAMPDIFF(SECOND, MIN(CASE WHEN status = 'PENDING' THEN created_at END), NOW(3)), 0) FROM outbox"));
    if (!rows)
        return rows.failure();
    QSqlQuery *q = rows.value();
    q->next();
    return Counts { q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toLongLong(), q->value(3).toLongLong() };
}

#include "DataPlatformRepository.h"

#include "Database.h"
#include "SqlBatch.h"
#include "SqlTime.h"

Result<int> DataPlatformRepository::store(const QList<Event> &events)
{
    int fresh = 0;
    for (const QList<Event> &chunk : SqlBatch::chunks(events)) {
        QVariantList bindings;
        for (const Event &event : chunk)
            bindings << event.eventId << event.type << event.orderId << SqlTime::param(event.occurredAt) << event.partition
                     << event.offset << QString::fromUtf8(event.payload);
        const auto inserted = m_database.run(
                QStringLiteral("INSERT IGNORE INTO data_platform_events (event_id, event_type, order_id, occurred_at, "
                               "kafka_partition, kafka_offset, payload) VALUES %1")
                        .arg(SqlBatch::repeat(int(chunk.size()), QStringLiteral("(?, ?, ?, ?, ?, ?, ?)"))),
                bindings);
        if (!inserted)
            return inserted.failure();
        fresh += inserted.value()->numRowsAffected();
    }
    if (fresh == 0)
        return 0;
    const auto counted = m_database.run(QStringLiteral("INSERT INTO data_platform_totals (id, received) VALUES (1, ?) "
                                                       "ON DUPLICATE KEY UPDATE received = received + VALUES(received)"),
                                        { fresh });
    if (!counted)
        return counted.failure();
    return fresh;
}

Result<DataPlatformRepository::Stats> DataPlatformRepository::stats()
{
    const auto rows = m_database.run(QStringLiteral(
            "SELECT COALESCE((SELECT received FROM data_platform_totals WHERE id = 1), 0), "
            "(SELECT MAX(received_at) FROM data_platform_events), "
            "COALESCE((SELECT published FROM outbox_totals WHERE id = 1), 0)"));
    if (!rows)
        return rows.failure();
    QSqlQuery *q = rows.value();
    q->next();
    const qint64 received = q->value(0).toLongLong();
    // An event can be stored before its delivery report marks it published: never below 0.
    return Stats { received, SqlTime::utc(q->value(1)), qMax<qint64>(0, q->value(2).toLongLong() - received) };
}

#include "PipelineStatsRepository.h"

#include "Database.h"
#include "SqlTime.h"

Result<PipelineStatsRepository::Outbox> PipelineStatsRepository::outbox()
{
    const auto rows = m_database.run(QStringLiteral(
            "SELECT SUM(status = 'PENDING'), SUM(status = 'PUBLISHED'), SUM(status = 'FAILED'), "
            "COALESCE(TIMESTAMPDIFF(SECOND, MIN(CASE WHEN status = 'PENDING' THEN created_at END), NOW(3)), 0) FROM outbox"));
    if (!rows)
        return rows.failure();
    QSqlQuery *q = rows.value();
    q->next();
    return Outbox { q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toLongLong(), q->value(3).toLongLong() };
}

Result<PipelineStatsRepository::DataPlatform> PipelineStatsRepository::dataPlatform()
{
    const auto rows = m_database.run(QStringLiteral(
            "SELECT (SELECT COUNT(*) FROM data_platform_events), (SELECT MAX(received_at) FROM data_platform_events), "
            "(SELECT COUNT(*) FROM outbox o WHERE o.status = 'PUBLISHED' AND NOT EXISTS "
            "(SELECT 1 FROM data_platform_events d WHERE d.event_id = o.event_id))"));
    if (!rows)
        return rows.failure();
    QSqlQuery *q = rows.value();
    q->next();
    return DataPlatform { q->value(0).toLongLong(), SqlTime::utc(q->value(1)), q->value(2).toLongLong() };
}

#pragma once

#include "Result.h"

#include <QtCore/QDateTime>

class Database;

// The event pipeline's state as the database sees it (API.md, Operations): the
// outbox's backlog and what the data platform has stored.
class PipelineStatsRepository
{
public:
    explicit PipelineStatsRepository(Database &database) : m_database(database) { }

    struct Outbox {
        qint64 pending = 0;
        qint64 published = 0;
        qint64 failed = 0;
        qint64 oldestPendingSeconds = 0;
    };
    struct DataPlatform {
        qint64 received = 0;
        QDateTime lastEventAt; // invalid: nothing received yet
        qint64 lag = 0; // published events the data platform has not stored
    };

    Result<Outbox> outbox();
    Result<DataPlatform> dataPlatform();

private:
    Database &m_database;
};

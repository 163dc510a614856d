#pragma once

#include "Result.h"

class Database;

// Keeps the tables that grow with every order from growing for ever: deletes
// PUBLISHED outbox rows and stored Idempotency-Key answers past their ages, in small
// batches (short locks, small undo), under a MySQL named lock so that only one
// instance sweeps at a time. Pending and failed outbox rows, and the data platform's
// own table (its store), are never touched.
class RetentionService
{
public:
    struct Ages {
        qint64 outboxSeconds = 7 * 24 * 3600;
        qint64 idempotencySeconds = 24 * 3600;
    };
    struct Swept {
        bool ran = false; // false: another instance holds the lock
        int outboxRows = 0;
        int idempotencyKeys = 0;
    };

    static constexpr int kBatch = 500;
    static constexpr int kMaxBatchesPerSweep = 20;

    RetentionService(Database &database, Ages ages) : m_database(database), m_ages(ages) { }

    // One sweep: at most kMaxBatchesPerSweep batches per table, the rest next time.
    Result<Swept> sweep();

private:
    Database &m_database;
    Ages m_ages;
};

#include "RetentionService.h"

#include "Database.h"
#include "IdempotencyStore.h"
#include "OutboxRepository.h"

#include <QtCore/QLoggingCategory>

Q_LOGGING_CATEGORY(lcRetention, "storefront.retention")

namespace {
const QString kLock = QStringLiteral("storefront.retention");

// Deletes batch after batch until one comes back short or the sweep's share is used.
template<typename DeleteBatch>
Result<int> drain(const DeleteBatch &deleteBatch)
{
    int total = 0;
    for (int batch = 0; batch < RetentionService::kMaxBatchesPerSweep; ++batch) {
        const Result<int> deleted = deleteBatch();
        if (!deleted)
            return deleted.failure();
        total += deleted.value();
        if (deleted.value() < RetentionService::kBatch)
            break;
    }
    return total;
}
}

Result<RetentionService::Swept> RetentionService::sweep()
{
    // Each DELETE is its own short transaction (autocommit): no lock is held across batches.
    const auto locked = m_database.run(QStringLiteral("SELECT GET_LOCK(?, 0)"), { kLock });
    if (!locked)
        return locked.failure();
    if (!locked.value()->next() || locked.value()->value(0).toInt() != 1)
        return Swept {};

    OutboxRepository outbox(m_database);
    IdempotencyStore keys(m_database);
    Swept swept { true, 0, 0 };
    const Result<int> rows = drain([&] { return outbox.deletePublishedBefore(m_ages.outboxSeconds, kBatch); });
    const Result<int> answers = rows ? drain([&] { return keys.deleteOlderThan(m_ages.idempotencySeconds, kBatch); })
                                     : Result<int>(rows.failure());
    m_database.run(QStringLiteral("DO RELEASE_LOCK(?)"), { kLock });
    if (!rows)
        return rows.failure();
    if (!answers)
        return answers.failure();
    swept.outboxRows = rows.value();
    swept.idempotencyKeys = answers.value();
    if (swept.outboxRows > 0 || swept.idempotencyKeys > 0)
        qCInfo(lcRetention).noquote() << "deleted" << swept.outboxRows << "published outbox rows and"
                                      << swept.idempotencyKeys << "idempotency keys past their retention";
    return swept;
}

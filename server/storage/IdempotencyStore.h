#pragma once

#include "Result.h"

class Database;

// The first answer to a request sent with an Idempotency-Key (API.md), per user and
// operation. Used inside the operation's own transaction:
//   claim()    inserts the key first. A concurrent request with the same key blocks
//              on that row until the first commits, then finds its answer;
//   complete() stores the answer in the same transaction as the work,
// so the work and its recorded answer commit together or not at all.
class IdempotencyStore
{
public:
    explicit IdempotencyStore(Database &database) : m_database(database) { }

    struct Answer {
        int status = 0;
        QByteArray body;
    };
    // nullopt: ours to run. An Answer: replay it. IDEMPOTENCY_KEY_REUSED: same key,
    // another request.
    Result<std::optional<Answer>> claim(qint64 userId, const QString &scope, const QString &key,
                                        const QByteArray &requestHash);
    Status complete(qint64 userId, const QString &scope, const QString &key, const Answer &answer);

    // Retention: deletes up to `limit` keys first used more than `ageSeconds` ago
    // (by ix_idem_created); how many went.
    Result<int> deleteOlderThan(qint64 ageSeconds, int limit);

private:
    Database &m_database;
};

#include "IdempotencyStore.h"

#include "Database.h"

Result<std::optional<IdempotencyStore::Answer>> IdempotencyStore::claim(qint64 userId, const QString &scope,
                                                                       const QString &key, const QByteArray &requestHash)
{
    const auto inserted = m_database.run(
            QStringLiteral("INSERT INTO idempotency_keys (user_id, scope, idem_key, request_hash) VALUES (?, ?, ?, ?)"),
            { userId, scope, key, QString::fromLatin1(requestHash) });
    if (inserted)
        return std::optional<Answer>();
    if (!Database::isDuplicateKey(m_database.lastError()))
        return inserted.failure();
    const auto stored = m_database.run(QStringLiteral("SELECT request_hash, status_code, response_body FROM idempotency_keys "
                                                      "WHERE user_id = ? AND scope = ? AND idem_key = ?"),
                                       { userId, scope, key });
    if (!stored)
        return stored.failure();
    QSqlQuery *q = stored.value();
    if (!q->next())
        return Failure { ErrorCode::Unavailable, QStringLiteral("the idempotency key vanished; try again"), {}, true };
    if (q->value(0).toString().toLatin1() != requestHash)
        return Failure { ErrorCode::IdempotencyKeyReused,
                         QStringLiteral("this Idempotency-Key was used for another request"),
                         {} };
    return std::optional<Answer>(Answer { q->value(1).toInt(), q->value(2).toByteArray() });
}

Status IdempotencyStore::complete(qint64 userId, const QString &scope, const QString &key, const Answer &answer)
{
    const auto updated = m_database.run(QStringLiteral("UPDATE idempotency_keys SET status_code = ?, response_body = ? "
                                                       "WHERE user_id = ? AND scope = ? AND idem_key = ?"),
                                        { answer.status, answer.body, userId, scope, key });
    if (!updated)
        return updated.failure();
    return Done {};
}

Result<int> IdempotencyStore::deleteOlderThan(qint64 ageSeconds, int limit)
{
    const auto deleted = m_database.run(
            QStringLiteral("DELETE FROM idempotency_keys WHERE created_at < NOW(3) - INTERVAL ? SECOND ORDER BY created_at LIMIT ?"),
            { ageSeconds, limit });
    if (!deleted)
        return deleted.failure();
    return deleted.value()->numRowsAffected();
}

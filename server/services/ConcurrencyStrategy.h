#pragma once

#include <QtCore/QString>

#include <optional>

// How charges and orders keep concurrent requests apart (DESIGN.md, Concurrency).
// Both are exact; the lock comparison report measures them side by side.
// - DbLock: MySQL's row locks alone, taken by the transaction's conditional updates.
// - RedisLock: a Redis lock per user and product first, then the same transaction
//   (so MySQL still decides; the Redis lock only queues the requests before MySQL).
enum class ConcurrencyStrategy { DbLock, RedisLock };

inline QString concurrencyStrategyName(ConcurrencyStrategy s)
{
    return s == ConcurrencyStrategy::RedisLock ? QStringLiteral("redis-lock") : QStringLiteral("db-lock");
}

inline std::optional<ConcurrencyStrategy> concurrencyStrategyFromName(const QString &name)
{
    if (name == QLatin1String("db-lock"))
        return ConcurrencyStrategy::DbLock;
    if (name == QLatin1String("redis-lock"))
        return ConcurrencyStrategy::RedisLock;
    return std::nullopt;
}

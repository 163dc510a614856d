#pragma once

#include "CacheMetrics.h"
#include "ConcurrencyStrategy.h"
#include "RedisLock.h"
#include "Result.h"

#include <QtCore/QByteArrayList>

#include <functional>
#include <optional>

class RedisClient;

// Runs a charge or an order under the configured ConcurrencyStrategy. With RedisLock
// it holds the Redis locks of the resources (sorted, so lockers never deadlock) around
// the work; if Redis does not answer it runs the work anyway, because the MySQL
// transaction is exact on its own; a lock not had within the wait answers 503.
class OperationLocks
{
public:
    OperationLocks(ConcurrencyStrategy strategy, RedisClient &redis, CacheMetrics &metrics, int waitMs = 3000)
        : m_strategy(strategy), m_redis(redis), m_metrics(metrics), m_waitMs(waitMs)
    {
    }

    template<typename T>
    Result<T> run(QByteArrayList resources, const std::function<Result<T>()> &work)
    {
        std::optional<RedisLock> lock;
        if (Failure refused; !enter(resources, lock, refused))
            return refused;
        return work();
    }

    ConcurrencyStrategy strategy() const { return m_strategy; }

private:
    // False with `refused` set when the lock was not had in time.
    bool enter(QByteArrayList &resources, std::optional<RedisLock> &lock, Failure &refused);

    ConcurrencyStrategy m_strategy;
    RedisClient &m_redis;
    CacheMetrics &m_metrics;
    int m_waitMs;
};

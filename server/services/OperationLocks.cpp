#include "OperationLocks.h"

#include "RedisClient.h"

#include <algorithm>

bool OperationLocks::enter(QByteArrayList &resources, std::optional<RedisLock> &lock, Failure &refused)
{
    if (m_strategy != ConcurrencyStrategy::RedisLock)
        return true;
    std::sort(resources.begin(), resources.end());
    resources.erase(std::unique(resources.begin(), resources.end()), resources.end());
    QByteArrayList names;
    for (const QByteArray &resource : std::as_const(resources))
        names << QByteArrayLiteral("lock:") + resource;
    lock.emplace(m_redis, names);
    switch (lock->acquire(QDeadlineTimer(m_waitMs))) {
    case RedisLock::Outcome::Held:
        m_metrics.lockAcquired();
        return true;
    case RedisLock::Outcome::Unavailable:
        m_metrics.lockFellBack();
        lock.reset();
        return true;
    case RedisLock::Outcome::TimedOut:
        break;
    }
    m_metrics.lockTimedOut();
    refused = Failure { ErrorCode::Unavailable, QStringLiteral("too many requests for the same items right now; try again"),
                        {} };
    return false;
}

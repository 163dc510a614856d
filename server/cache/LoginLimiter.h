#pragma once

#include "LoginThrottle.h"

#include <QtCore/QByteArray>

class RedisClient;

// LoginThrottle's rules kept in Redis, so every instance of the shop counts the same
// failures (API.md: several instances). One per worker, on the worker's connection.
// admit() is one Lua script that checks every limit and, when none holds, counts the
// attempt as a failure in the same step: tries made together on any instances see each
// other, and no more than a limit's worth of them passes. A right password or an
// attempt that tested none takes its count back afterwards.
// While Redis does not answer, the process's own LoginThrottle decides (per process,
// so a cluster then allows its size times the limits), and attempts are counted in
// both so that nothing is forgotten when Redis answers again.
class LoginLimiter
{
public:
    LoginLimiter(RedisClient *redis, LoginThrottle &local) : m_redis(redis), m_local(local) { }

    struct Attempt {
        QString subject; // LoginThrottle::subject
        QString address;
        qint64 atMs = 0;
        QByteArray member; // the attempt's entry in Redis' sorted sets
        qint64 retryAfterSeconds = 0; // > 0: refused, and nothing was counted
    };
    // Admitted (retryAfterSeconds 0) and counted as a failure, or refused.
    Attempt admit(const QString &subject, const QString &address, qint64 nowMs);
    // Not a failure after all: no password was tested (no slot for the work), or the
    // right one for a disabled account.
    void release(const Attempt &attempt);
    // The right password: the attempt uncounted, its pair cleared, and its address
    // remembered as one the account signs in from.
    void succeeded(const Attempt &attempt, qint64 nowMs);
    // A wrong password needs nothing more: admit() counted it.

private:
    // pair, address, subject (failures); the subject's addresses with a success.
    QByteArrayList keys(const QString &subject, const QString &address) const;

    RedisClient *m_redis;
    LoginThrottle &m_local;
};

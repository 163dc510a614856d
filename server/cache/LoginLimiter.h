#pragma once

#include "LoginThrottle.h"

class RedisClient;

// LoginThrottle's rules kept in Redis, so every instance of the shop counts the same
// failures (API.md: several instances). One per worker, on the worker's connection.
// While Redis does not answer, the process's own LoginThrottle decides (per process,
// so a cluster then allows its size times the limits), and failures are recorded in
// both so that nothing is forgotten when Redis answers again.
class LoginLimiter
{
public:
    LoginLimiter(RedisClient *redis, LoginThrottle &local) : m_redis(redis), m_local(local) { }

    qint64 retryAfter(const QString &username, const QString &address, qint64 nowMs);
    void failed(const QString &username, const QString &address, qint64 nowMs);
    void succeeded(const QString &username, const QString &address);

private:
    QByteArrayList keys(const QString &username, const QString &address) const;

    RedisClient *m_redis;
    LoginThrottle &m_local;
};

#pragma once

#include <QtCore/QByteArrayList>
#include <QtCore/QDeadlineTimer>

class RedisClient;

// A distributed lock on one or more keys (names after the Redis prefix): SET key token
// NX PX ttl for each, in the order given (callers sort them, so two lockers never wait
// on each other in a cycle), released by a Lua compare-and-delete of this lock's own
// random token, so a holder whose lock expired never removes the next holder's. Waits
// are bounded by the caller's deadline. The operation locks (`lock:user:<id>`) and
// every cache rebuild lock are this class; nothing else deletes a lock key.
class RedisLock
{
public:
    enum class Outcome { Held, TimedOut, Unavailable };

    RedisLock(RedisClient &redis, QByteArrayList names, int ttlMs = 5000);
    ~RedisLock();
    RedisLock(const RedisLock &) = delete;
    RedisLock &operator=(const RedisLock &) = delete;

    // All or none: on a timeout or a Redis failure the names taken so far are released.
    Outcome acquire(QDeadlineTimer deadline);
    // One attempt, no wait (a rebuild lock: whoever misses it waits for the entry instead).
    bool tryAcquire() { return acquire(QDeadlineTimer(0)) == Outcome::Held; }
    void release();

private:
    enum class Try { Taken, Busy, Failed };
    Try tryTake(const QByteArray &key);

    RedisClient &m_redis;
    QByteArrayList m_keys;
    QByteArrayList m_held;
    QByteArray m_token;
    int m_ttlMs;
};

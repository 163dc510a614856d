#include "RedisLock.h"

#include "RedisClient.h"

#include <QtCore/QRandomGenerator>
#include <QtCore/QThread>

namespace {
const RedisScript kRelease(QByteArrayLiteral(
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0"));
}

RedisLock::RedisLock(RedisClient &redis, QByteArrayList names, int ttlMs) : m_redis(redis), m_ttlMs(ttlMs)
{
    for (const QByteArray &name : names)
        m_keys << redis.key(name);
    quint64 random[2];
    QRandomGenerator::global()->fillRange(random);
    m_token = QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex();
}

RedisLock::~RedisLock()
{
    release();
}

RedisLock::Try RedisLock::tryTake(const QByteArray &key)
{
    const RedisClient::Reply reply =
            m_redis.command({ "SET", key, m_token, "NX", "PX", QByteArray::number(m_ttlMs) });
    if (!reply.ok)
        return Try::Failed;
    return reply.value.isValid() ? Try::Taken : Try::Busy;
}

RedisLock::Outcome RedisLock::acquire(QDeadlineTimer deadline)
{
    for (const QByteArray &key : std::as_const(m_keys)) {
        // Spin with a short, growing pause: a holder keeps the lock for one MySQL
        // transaction (about a millisecond), so long sleeps would only add latency.
        unsigned long pauseUs = 200;
        for (;;) {
            const Try taken = tryTake(key);
            if (taken == Try::Taken) {
                m_held << key;
                break;
            }
            if (taken == Try::Failed || deadline.hasExpired()) {
                release();
                return taken == Try::Failed ? Outcome::Unavailable : Outcome::TimedOut;
            }
            QThread::usleep(pauseUs);
            pauseUs = qMin<unsigned long>(pauseUs * 2, 4000);
        }
    }
    return Outcome::Held;
}

void RedisLock::release()
{
    // Reverse order of taking; a failed release only leaves the lock to its TTL.
    while (!m_held.isEmpty())
        m_redis.eval(kRelease, { m_held.takeLast() }, { m_token });
}

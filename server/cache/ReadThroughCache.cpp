#include "ReadThroughCache.h"

#include "RedisClient.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QRandomGenerator>
#include <QtCore/QThread>

namespace {
const QByteArray kGeneration = QByteArrayLiteral("catalogue:generation");
const QByteArray kIndex = QByteArrayLiteral("catalogue:entries");

// KEYS: entry, generation, index. ARGV: generation seen before loading, value, ttl ms.
const RedisScript kStore(QByteArrayLiteral(
        "if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] then return 0 end "
        "redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) redis.call('SADD', KEYS[3], KEYS[1]) return 1"));

// KEYS: generation, index.
const RedisScript kInvalidate(QByteArrayLiteral(
        "redis.call('INCR', KEYS[1]) "
        "for _, k in ipairs(redis.call('SMEMBERS', KEYS[2])) do redis.call('DEL', k) end "
        "redis.call('DEL', KEYS[2]) return 1"));
}

Result<QByteArray> ReadThroughCache::get(CacheMetrics::Cache kind, const QByteArray &name, const Loader &load)
{
    const QByteArray key = m_redis.key(name);
    const RedisClient::Reply cached = m_redis.command({ "GET", key });
    if (!cached.ok)
        return load();
    if (cached.value.isValid()) {
        m_metrics.hit(kind);
        return cached.value.toByteArray();
    }
    m_metrics.miss(kind);

    const RedisClient::Reply generation = m_redis.command({ "GET", m_redis.key(kGeneration) });
    const QByteArray lockKey = m_redis.key("rebuild:" + name);
    const RedisClient::Reply locked = m_redis.command({ "SET", lockKey, "1", "NX", "PX", "2000" });
    if (!generation.ok || !locked.ok)
        return load();
    if (locked.value.isValid()) {
        // Written by a rebuilder that finished between our GET and our lock?
        const RedisClient::Reply late = m_redis.command({ "GET", key });
        if (late.ok && late.value.isValid()) {
            m_redis.command({ "DEL", lockKey });
            m_metrics.waited(kind);
            return late.value.toByteArray();
        }
        Result<QByteArray> loaded = load();
        if (loaded && store(key, generation.value.isValid() ? generation.value.toByteArray() : QByteArrayLiteral("0"),
                            loaded.value()))
            m_metrics.rebuilt(kind);
        m_redis.command({ "DEL", lockKey });
        return loaded;
    }

    // Someone else is rebuilding it: a MySQL round trip is about a millisecond, so a
    // short poll usually finds it.
    const QDeadlineTimer deadline(m_waitMs);
    while (!deadline.hasExpired()) {
        QThread::usleep(1000);
        const RedisClient::Reply again = m_redis.command({ "GET", key });
        if (!again.ok)
            break;
        if (again.value.isValid()) {
            m_metrics.waited(kind);
            return again.value.toByteArray();
        }
    }
    return load();
}

bool ReadThroughCache::store(const QByteArray &key, const QByteArray &generation, const QByteArray &value)
{
    const int jitter = int(QRandomGenerator::global()->bounded(m_ttlMs / 5 + 1)) - m_ttlMs / 10;
    const RedisClient::Reply r = m_redis.eval(kStore, { key, m_redis.key(kGeneration), m_redis.key(kIndex) },
                                              { generation, value, QByteArray::number(m_ttlMs + jitter) });
    return r.ok && r.value.toLongLong() == 1;
}

void ReadThroughCache::invalidateAll()
{
    // If Redis does not answer, entries live out their TTL: an admin change shows
    // within a minute at worst (stock is never cached, so it is always exact).
    m_redis.eval(kInvalidate, { m_redis.key(kGeneration), m_redis.key(kIndex) }, {});
}

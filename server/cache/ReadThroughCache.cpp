#include "ReadThroughCache.h"

#include "RedisClient.h"
#include "RedisLock.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QRandomGenerator>
#include <QtCore/QThread>

namespace {
const QByteArray kGeneration = QByteArrayLiteral("catalogue:generation");
constexpr int kRebuildLockMs = 2000;

// The generation and the entry of that generation in one round trip. The entry's
// name depends on the generation, so the script builds it (single Redis, no cluster).
// KEYS: generation. ARGV: entry key up to the generation, ':' + name.
const RedisScript kRead(QByteArrayLiteral(
        "local g = redis.call('GET', KEYS[1]) or '0' "
        "return {g, redis.call('GET', ARGV[1] .. g .. ARGV[2])}"));

// KEYS: entry, generation. ARGV: generation seen before loading, value, ttl ms.
const RedisScript kStore(QByteArrayLiteral(
        "if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] then return 0 end "
        "redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1"));
}

QByteArray ReadThroughCache::entryKey(const QByteArray &generation, const QByteArray &name) const
{
    return m_redis.key("catalogue:" + generation + ':' + name);
}

Result<QByteArray> ReadThroughCache::get(CacheMetrics::Cache kind, const QByteArray &name, const Loader &load)
{
    const RedisClient::Reply read = m_redis.eval(kRead, { m_redis.key(kGeneration) }, { m_redis.key("catalogue:"), ':' + name });
    const QVariantList pair = read.value.toList();
    if (!read.ok || pair.size() != 2)
        return load();
    const QByteArray generation = pair.at(0).toByteArray();
    if (pair.at(1).isValid()) {
        m_metrics.hit(kind);
        return pair.at(1).toByteArray();
    }
    m_metrics.miss(kind);

    const QByteArray key = entryKey(generation, name);
    RedisLock rebuilding(m_redis, { "rebuild:" + generation + ':' + name }, kRebuildLockMs);
    if (rebuilding.tryAcquire()) {
        // Written by a rebuilder that finished between our GET and our lock?
        const RedisClient::Reply late = m_redis.command({ "GET", key });
        if (late.ok && late.value.isValid()) {
            m_metrics.waited(kind);
            return late.value.toByteArray();
        }
        Result<QByteArray> loaded = load();
        if (loaded && store(key, generation, loaded.value()))
            m_metrics.rebuilt(kind);
        return loaded;
    }

    // Someone else is rebuilding it (or Redis stopped answering): a MySQL round trip
    // is about a millisecond, so a short poll usually finds it.
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
    const RedisClient::Reply r = m_redis.eval(kStore, { key, m_redis.key(kGeneration) },
                                              { generation, value, QByteArray::number(m_ttlMs + jitter) });
    return r.ok && r.value.toLongLong() == 1;
}

void ReadThroughCache::invalidateAll()
{
    // If Redis does not answer, entries live out their TTL: an admin change shows
    // within a minute at worst (stock is never cached, so it is always exact).
    m_redis.command({ "INCR", m_redis.key(kGeneration) });
}

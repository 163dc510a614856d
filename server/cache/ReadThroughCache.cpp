#include "ReadThroughCache.h"

#include "RedisClient.h"
#include "RedisLock.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QRandomGenerator>
#include <QtCore/QThread>

namespace {
const QByteArray kGeneration = QByteArrayLiteral("catalogue:generation");
const QByteArray kInStockGeneration = QByteArrayLiteral("catalogue:in-stock");
constexpr int kRebuildLockMs = 2000;

// The generation and the entry of that generation in one round trip. The entry's
// name depends on the generation, so the script builds it (single Redis, no cluster).
// With several generation keys the generation is their values joined by '.'.
// KEYS: generation keys. ARGV: entry key up to the generation, ':' + name.
const RedisScript kRead(QByteArrayLiteral(
        "local g = redis.call('GET', KEYS[1]) or '0' "
        "for i = 2, #KEYS do g = g .. '.' .. (redis.call('GET', KEYS[i]) or '0') end "
        "return {g, redis.call('GET', ARGV[1] .. g .. ARGV[2])}"));

// KEYS: entry, then the generation keys. ARGV: generation seen before loading, value,
// ttl ms. Not written when any generation moved meanwhile.
const RedisScript kStore(QByteArrayLiteral(
        "local g = redis.call('GET', KEYS[2]) or '0' "
        "for i = 3, #KEYS do g = g .. '.' .. (redis.call('GET', KEYS[i]) or '0') end "
        "if g ~= ARGV[1] then return 0 end "
        "redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1"));
}

QByteArrayList ReadThroughCache::generationKeys(Depends depends) const
{
    QByteArrayList keys { m_redis.key(kGeneration) };
    if (depends == Depends::InStock)
        keys << m_redis.key(kInStockGeneration);
    return keys;
}

QByteArray ReadThroughCache::entryKey(const QByteArray &generation, const QByteArray &name) const
{
    return m_redis.key("catalogue:" + generation + ':' + name);
}

Result<QByteArray> ReadThroughCache::get(CacheMetrics::Cache kind, const QByteArray &name, const Loader &load, Depends depends)
{
    const QByteArrayList generations = generationKeys(depends);
    const RedisClient::Reply read = m_redis.eval(kRead, generations, { m_redis.key("catalogue:"), ':' + name });
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
        if (loaded && store(key, generations, generation, loaded.value()))
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

bool ReadThroughCache::store(const QByteArray &key, const QByteArrayList &generationKeys, const QByteArray &generation,
                             const QByteArray &value)
{
    const int jitter = int(QRandomGenerator::global()->bounded(m_ttlMs / 5 + 1)) - m_ttlMs / 10;
    const RedisClient::Reply r = m_redis.eval(kStore, QByteArrayList { key } + generationKeys,
                                              { generation, value, QByteArray::number(m_ttlMs + jitter) });
    return r.ok && r.value.toLongLong() == 1;
}

void ReadThroughCache::invalidateAll()
{
    // If Redis does not answer, entries live out their TTL: an admin change shows
    // within a minute at worst (stock is never cached, so it is always exact).
    m_redis.command({ "INCR", m_redis.key(kGeneration) });
}

void ReadThroughCache::inStockChanged()
{
    // If Redis does not answer, lists filtered by stock may show the old set of
    // products until their TTL (the stock each shows is still live and exact).
    m_redis.command({ "INCR", m_redis.key(kInStockGeneration) });
}

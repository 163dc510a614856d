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

// The format of getWithStock()'s entries (StockTemplate's), written into their keys
// (`catalogue:v2:<generation>:<name>`, lock `rebuild:v2:<generation>:<name>`), not
// only into their values: the release before stored the same answers under the same
// names (`product:<id>`, `list:<sha1>`, `top:…`) as plain JSON, and during a rolling
// upgrade its instances share this Redis. An older binary would take a template for
// its JSON and answer wrongly for the entry's whole TTL; under their own keys neither
// reads the other's entries. The generations stay shared, so an admin change on
// either invalidates both. A new format of these entries takes a new version here.
const QByteArray kStockedFormat = QByteArrayLiteral("v2:");
// get()'s entries are the loader's bytes as they are, under the unversioned names.
const QByteArray kPlainFormat;

// The generation and the entry of that generation in one round trip. The entry's
// name depends on the generation, so the script builds it (single Redis, no cluster).
// With several generation keys the generation is their values joined by '.'.
// KEYS: generation keys. ARGV: entry key up to the generation, ':' + name.
const RedisScript kRead(QByteArrayLiteral(
        "local g = redis.call('GET', KEYS[1]) or '0' "
        "for i = 2, #KEYS do g = g .. '.' .. (redis.call('GET', KEYS[i]) or '0') end "
        "return {g, redis.call('GET', ARGV[1] .. g .. ARGV[2])}"));

// kRead, and on a hit the mirrored stocks of the products the entry's first line lists
// (StockTemplate's format), so a cached answer is one round trip. The mirror is named
// by the catalogue generation alone (KEYS[1]), as StockMirror names it.
// KEYS: generation keys. ARGV: entry key up to the generation, ':' + name, mirror key
// up to the generation. Returns {generation, entry or nil, catalogue generation, stocks}.
const RedisScript kReadWithStock(QByteArrayLiteral(
        "local c = redis.call('GET', KEYS[1]) or '0' "
        "local g = c "
        "for i = 2, #KEYS do g = g .. '.' .. (redis.call('GET', KEYS[i]) or '0') end "
        "local e = redis.call('GET', ARGV[1] .. g .. ARGV[2]) "
        "if not e then return {g, false, c, {}} end "
        "local ids = {} "
        "for id in string.gmatch(string.match(e, '^[^\\n]*'), '%d+') do ids[#ids + 1] = id end "
        "if #ids == 0 then return {g, e, c, {}} end "
        "return {g, e, c, redis.call('HMGET', ARGV[3] .. c, unpack(ids))}"));

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

QByteArray ReadThroughCache::entryKey(const QByteArray &format, const QByteArray &generation, const QByteArray &name) const
{
    return m_redis.key("catalogue:" + format + generation + ':' + name);
}

Result<QByteArray> ReadThroughCache::get(CacheMetrics::Cache kind, const QByteArray &name, const Loader &load, Depends depends,
                                         int ttlMs)
{
    const QByteArrayList generations = generationKeys(depends);
    const RedisClient::Reply read = m_redis.eval(kRead, generations, { m_redis.key("catalogue:" + kPlainFormat), ':' + name });
    const QVariantList pair = read.value.toList();
    if (!read.ok || pair.size() != 2)
        return load();
    if (pair.at(1).isValid()) {
        m_metrics.hit(kind);
        return pair.at(1).toByteArray();
    }
    return rebuild(kind, kPlainFormat, name, pair.at(0).toByteArray(), generations, load, ttlMs);
}

Result<ReadThroughCache::Stocked> ReadThroughCache::getWithStock(CacheMetrics::Cache kind, const QByteArray &name,
                                                                  const Loader &load, Depends depends,
                                                                  const QByteArray &mirrorPrefix, int ttlMs)
{
    const QByteArrayList generations = generationKeys(depends);
    const RedisClient::Reply read =
            m_redis.eval(kReadWithStock, generations,
                         { m_redis.key("catalogue:" + kStockedFormat), ':' + name, mirrorPrefix });
    const QVariantList parts = read.value.toList();
    Stocked out;
    if (!read.ok || parts.size() != 4) {
        const Result<QByteArray> loaded = load();
        if (!loaded)
            return loaded.failure();
        out.value = loaded.value();
        return out;
    }
    if (parts.at(1).isValid()) {
        m_metrics.hit(kind);
        out.value = parts.at(1).toByteArray();
        out.mirrored = true;
        out.stockGeneration = parts.at(2).toByteArray();
        out.stocks = parts.at(3).toList();
        return out;
    }
    const Result<QByteArray> rebuilt =
            rebuild(kind, kStockedFormat, name, parts.at(0).toByteArray(), generations, load, ttlMs);
    if (!rebuilt)
        return rebuilt.failure();
    out.value = rebuilt.value();
    return out;
}

Result<QByteArray> ReadThroughCache::rebuild(CacheMetrics::Cache kind, const QByteArray &format, const QByteArray &name,
                                             const QByteArray &generation, const QByteArrayList &generations,
                                             const Loader &load, int ttlMs)
{
    m_metrics.miss(kind);
    const QByteArray key = entryKey(format, generation, name);
    // Named by the format too: a rebuilder of the other format's entry writes nothing
    // this one could read, so waiting for it would only delay the MySQL read.
    RedisLock rebuilding(m_redis, { "rebuild:" + format + generation + ':' + name }, kRebuildLockMs);
    if (rebuilding.tryAcquire()) {
        // Written by a rebuilder that finished between our GET and our lock?
        const RedisClient::Reply late = m_redis.command({ "GET", key });
        if (late.ok && late.value.isValid()) {
            m_metrics.waited(kind);
            return late.value.toByteArray();
        }
        Result<QByteArray> loaded = load();
        if (loaded && store(key, generations, generation, loaded.value(), ttlMs > 0 ? ttlMs : m_ttlMs))
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
                             const QByteArray &value, int ttlMs)
{
    const int jitter = int(QRandomGenerator::global()->bounded(ttlMs / 5 + 1)) - ttlMs / 10;
    const RedisClient::Reply r = m_redis.eval(kStore, QByteArrayList { key } + generationKeys,
                                              { generation, value, QByteArray::number(ttlMs + jitter) });
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

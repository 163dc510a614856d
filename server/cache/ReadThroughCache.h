#pragma once

#include "CacheMetrics.h"
#include "Result.h"

#include <QtCore/QByteArrayList>
#include <QtCore/QVariantList>

#include <functional>

class RedisClient;

// Read-through cache in Redis for the catalogue, with a stampede guard: when a hot
// entry is missing, one request (holding the RedisLock `rebuild:<generation>:<name>`)
// loads it from MySQL and writes it back; the others wait up to `waitMs` for that and
// read it, and only if it does not come load MySQL themselves. Entries live `ttlMs`
// ± 10 % (jitter, so entries written together do not expire together).
//
// Entries are named by a generation (`catalogue:<generation>:<name>`; getWithStock's
// `catalogue:v2:<generation>:<name>`, the version of their format) and invalidation
// only increments `catalogue:generation`: the old generation's entries are never read
// again and leave by their TTL. Nothing lists the entries, so however many page × size
// combinations shoppers ask for, no key grows and an admin edit is one INCR. A rebuild
// started before an invalidation finds the generation changed and does not write.
//
// An entry that also depends on which products are in stock (a list filtered by
// stock, whose ids and total change when a product sells out or comes back) is named
// by a second generation as well, `catalogue:in-stock`, bumped by every committed
// stock change that crosses zero (Database::stockChanged) before its answer goes out:
// such a list is exact at once on every instance, while the many stock changes that
// cross nothing leave it cached.
class ReadThroughCache
{
public:
    using Loader = std::function<Result<QByteArray>()>;
    // What an entry is read from besides the products as described.
    enum class Depends { Catalogue, InStock };

    ReadThroughCache(RedisClient &redis, CacheMetrics &metrics, int ttlMs = 60000, int waitMs = 100)
        : m_redis(redis), m_metrics(metrics), m_ttlMs(ttlMs), m_waitMs(waitMs)
    {
    }

    // The entry `name`, from Redis or from `load`. If Redis does not answer: `load`.
    // `ttlMs` 0: the cache's own.
    Result<QByteArray> get(CacheMetrics::Cache kind, const QByteArray &name, const Loader &load,
                           Depends depends = Depends::Catalogue, int ttlMs = 0);

    // An entry in StockTemplate's format, and on a hit, in the same round trip, the
    // mirrored stocks of the products its first line lists (HMGET of the hash
    // `mirrorPrefix` + the catalogue generation, as StockMirror names it). These
    // entries carry their format's version in the key (`catalogue:v2:<generation>:<name>`,
    // why: ReadThroughCache.cpp), so `name` may be one get() uses too.
    struct Stocked {
        QByteArray value;
        bool mirrored = false; // `stocks` were read with the entry
        QByteArray stockGeneration; // the catalogue generation the mirror was read in
        QVariantList stocks; // per listed product: the stock, or invalid where the mirror has none
    };
    Result<Stocked> getWithStock(CacheMetrics::Cache kind, const QByteArray &name, const Loader &load, Depends depends,
                                 const QByteArray &mirrorPrefix, int ttlMs = 0);
    // After an admin change: every catalogue entry goes.
    void invalidateAll();
    // After a committed stock change took a product to 0 or back from 0: the entries
    // that depend on which products are in stock go.
    void inStockChanged();

private:
    // The miss path: one rebuilder under the stampede guard, the others wait for it.
    // `format`: the entries' format segment of the key, empty for get()'s.
    Result<QByteArray> rebuild(CacheMetrics::Cache kind, const QByteArray &format, const QByteArray &name,
                               const QByteArray &generation, const QByteArrayList &generations, const Loader &load,
                               int ttlMs);
    QByteArrayList generationKeys(Depends depends) const;
    QByteArray entryKey(const QByteArray &format, const QByteArray &generation, const QByteArray &name) const;
    bool store(const QByteArray &key, const QByteArrayList &generationKeys, const QByteArray &generation,
               const QByteArray &value, int ttlMs);

    RedisClient &m_redis;
    CacheMetrics &m_metrics;
    int m_ttlMs;
    int m_waitMs;
};

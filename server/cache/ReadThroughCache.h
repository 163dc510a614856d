#pragma once

#include "CacheMetrics.h"
#include "Result.h"

#include <QtCore/QByteArrayList>

#include <functional>

class RedisClient;

// Read-through cache in Redis for the catalogue, with a stampede guard: when a hot
// entry is missing, one request (holding the RedisLock `rebuild:<generation>:<name>`)
// loads it from MySQL and writes it back; the others wait up to `waitMs` for that and
// read it, and only if it does not come load MySQL themselves. Entries live `ttlMs`
// ± 10 % (jitter, so entries written together do not expire together).
//
// Entries are named by a generation (`catalogue:<generation>:<name>`) and invalidation
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
    Result<QByteArray> get(CacheMetrics::Cache kind, const QByteArray &name, const Loader &load,
                           Depends depends = Depends::Catalogue);
    // After an admin change: every catalogue entry goes.
    void invalidateAll();
    // After a committed stock change took a product to 0 or back from 0: the entries
    // that depend on which products are in stock go.
    void inStockChanged();

private:
    QByteArrayList generationKeys(Depends depends) const;
    QByteArray entryKey(const QByteArray &generation, const QByteArray &name) const;
    bool store(const QByteArray &key, const QByteArrayList &generationKeys, const QByteArray &generation,
               const QByteArray &value);

    RedisClient &m_redis;
    CacheMetrics &m_metrics;
    int m_ttlMs;
    int m_waitMs;
};

#pragma once

#include "CacheMetrics.h"
#include "ShopTypes.h"

#include <QtCore/QDateTime>
#include <QtCore/QList>

#include <atomic>
#include <functional>
#include <optional>

class RedisClient;

// Top products from Redis sorted sets, one per hour (`rank:h:<yyyyMMddHH>`, product →
// units), the same buckets as MySQL's product_sales_hourly: ZINCRBY after each paid or
// cancelled order commits, a union over the window's hours on a query, the answer
// cached for a few seconds. MySQL stays the truth: the sets are rebuilt from it when
// Redis lost them (the `rank:ready` marker is gone), when an increment could not be
// sent (the process's `stale` flag, turned into a deleted marker as soon as Redis
// answers, so every instance rebuilds, not only this one), and every 10 minutes, so
// any drift is bounded.
class RankingBoard
{
public:
    struct Shared {
        CacheMetrics &metrics;
        // Set when an increment may be missing from Redis; cleared once `rank:ready` is
        // deleted (every instance then rebuilds) or this process rebuilt.
        std::atomic<bool> stale { false };
    };
    struct Entry {
        qint64 productId = 0;
        qint64 units = 0;
    };
    // Every non-zero (hour, product, units) of the widest window, from MySQL.
    using Source = std::function<std::optional<QList<HourlySales>>(int days)>;

    static constexpr int kMaxDays = 30;
    static constexpr int kAnswerCacheMs = 2000;

    RankingBoard(RedisClient &redis, Shared &shared) : m_redis(redis), m_shared(shared) { }

    // After commit: sign +1 paid, -1 cancelled; paidAt picks the hour, as in MySQL.
    void record(const QList<OrderLine> &lines, const QDateTime &paidAt, int sign);
    // Units sold per product over the last `days` days (whole hours, as MySQL counts
    // them), best first, ties by lower product id. nullopt: Redis cannot answer now;
    // ask MySQL. `cachedAnswer` false: summed now, neither read from nor written to the
    // answer cache (for a caller that caches the whole answer itself for as long).
    std::optional<QList<Entry>> top(int days, int limit, const Source &source, bool cachedAnswer = true);

    static QByteArray bucketName(const QDateTime &at);
    // After a bulk load that wrote sales past the order path (the demo shop): the
    // sets are rebuilt from MySQL by whichever instance asks next. False when Redis
    // does not answer (then its sets are gone anyway or rebuilt within 10 minutes).
    static bool forget(RedisClient &redis);

private:
    bool rebuild(const Source &source);
    void shareStaleness();

    RedisClient &m_redis;
    Shared &m_shared;
};

#pragma once

#include "CacheMetrics.h"
#include "Result.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QVariantList>

#include <functional>

class RedisClient;

// Live stock for the catalogue's answers, read from Redis instead of MySQL, and exact
// as API.md asks: an answer given after an order's 201 shows that order's stock taken,
// on every instance.
//
// - Every stock change, once committed and before its answer goes out, removes the
//   products' mirrored stock and bumps their version (Database::setStockChanged, told by
//   the stock ledger's writes): the next read finds no entry and reads MySQL.
// - A reader that read MySQL writes back only where the version is still the one it saw
//   before reading, so a read that raced a change can never put back the old stock.
// - The mirror of a catalogue generation expires `ttlMs` after it was first filled and
//   is read afresh: a change whose removal never reached Redis (the process died between
//   COMMIT and it, or Redis missed it) is wrong in the mirror for at most that long.
// - If Redis does not answer, MySQL answers.
class StockMirror
{
public:
    using Loader = std::function<Result<QHash<qint64, qint64>>(const QList<qint64> &productIds)>;

    StockMirror(RedisClient &redis, CacheMetrics &metrics, int ttlMs = 5000) : m_redis(redis), m_metrics(metrics), m_ttlMs(ttlMs) { }

    // Stock by product id for `productIds`; the ones Redis does not hold from `load`.
    // A product `load` does not know is left out.
    Result<QHash<qint64, qint64>> stocks(const QList<qint64> &productIds, const Loader &load);
    // The same, from what a script already read of the mirror of catalogue generation
    // `generation` (`mirrored`: per product, its stock or invalid), as
    // ReadThroughCache::getWithStock reads it beside an entry: a full hit costs no
    // round trip, the misses are read from MySQL and written back as stocks() does.
    Result<QHash<qint64, qint64>> stocks(const QList<qint64> &productIds, const QByteArray &generation,
                                         const QVariantList &mirrored, const Loader &load);
    // The mirror's key up to the catalogue generation.
    QByteArray prefix() const;
    // After the COMMIT of a change to these products' stock.
    void changed(const QList<qint64> &productIds);

private:
    RedisClient &m_redis;
    CacheMetrics &m_metrics;
    int m_ttlMs;
};

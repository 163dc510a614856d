#include "StockMirror.h"

#include "RedisClient.h"
#include "RedisScript.h"

#include <QtCore/QVariantList>

namespace {
// The mirror is named by the catalogue's generation, so an admin change (which bumps
// it) or the demo shop's load starts it afresh; versions are not, so they outlive it.
const QByteArray kGeneration = QByteArrayLiteral("catalogue:generation");
const QByteArray kVersions = QByteArrayLiteral("stock:versions");

// KEYS: generation. ARGV: mirror key up to the generation, product ids.
// Returns {generation, stocks}, nil where there is none. Versions are read only for a
// miss, before MySQL is (a hit needs none).
const RedisScript kRead(QByteArrayLiteral(
        "local g = redis.call('GET', KEYS[1]) or '0' "
        "return {g, redis.call('HMGET', ARGV[1] .. g, unpack(ARGV, 2))}"));

// KEYS: mirror, versions. ARGV: ttl ms, then (id, version seen or '', stock) per product.
const RedisScript kFill(QByteArrayLiteral(
        "for i = 2, #ARGV, 3 do "
        "  if (redis.call('HGET', KEYS[2], ARGV[i]) or '') == ARGV[i + 1] then "
        "    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 2]) end "
        "end "
        "redis.call('PEXPIRE', KEYS[1], ARGV[1], 'NX') return 1"));

// KEYS: generation, versions. ARGV: mirror key up to the generation, product ids.
const RedisScript kChanged(QByteArrayLiteral(
        "local m = ARGV[1] .. (redis.call('GET', KEYS[1]) or '0') "
        "for i = 2, #ARGV do redis.call('HINCRBY', KEYS[2], ARGV[i], 1) redis.call('HDEL', m, ARGV[i]) end "
        "return 1"));

QByteArrayList idArguments(const QList<qint64> &ids)
{
    QByteArrayList out;
    for (qint64 id : ids)
        out << QByteArray::number(id);
    return out;
}
}

Result<QHash<qint64, qint64>> StockMirror::stocks(const QList<qint64> &productIds, const Loader &load)
{
    if (productIds.isEmpty())
        return QHash<qint64, qint64>();
    const RedisClient::Reply read = m_redis.eval(kRead, { m_redis.key(kGeneration) },
                                                 QByteArrayList { prefix() } + idArguments(productIds));
    const QVariantList parts = read.value.toList();
    if (!read.ok || parts.size() != 2)
        return load(productIds);
    return stocks(productIds, parts.at(0).toByteArray(), parts.at(1).toList(), load);
}

QByteArray StockMirror::prefix() const
{
    return m_redis.key("stock:mirror:");
}

Result<QHash<qint64, qint64>> StockMirror::stocks(const QList<qint64> &productIds, const QByteArray &generation,
                                                  const QVariantList &mirrored, const Loader &load)
{
    if (productIds.isEmpty())
        return QHash<qint64, qint64>();
    if (mirrored.size() != productIds.size())
        return load(productIds);

    QHash<qint64, qint64> out;
    QList<qint64> missing;
    for (qsizetype i = 0; i < productIds.size(); ++i) {
        bool number = false;
        const qint64 stock = mirrored.at(i).toByteArray().toLongLong(&number);
        if (mirrored.at(i).isValid() && number)
            out.insert(productIds.at(i), stock);
        else
            missing << productIds.at(i);
    }
    if (missing.isEmpty()) {
        m_metrics.hit(CacheMetrics::Cache::Stock);
        return out;
    }
    m_metrics.miss(CacheMetrics::Cache::Stock);
    // The versions before MySQL is read: a change committed after this bumps them, and
    // the fill below then leaves that product alone.
    const RedisClient::Reply seen = m_redis.command(QByteArrayList { "HMGET", m_redis.key(kVersions) } + idArguments(missing));
    const QVariantList versions = seen.value.toList();
    if (!seen.ok || versions.size() != missing.size())
        return load(productIds);
    QList<QByteArray> missingVersions;
    for (const QVariant &v : versions)
        missingVersions << (v.isValid() ? v.toByteArray() : QByteArray());
    const Result<QHash<qint64, qint64>> loaded = load(missing);
    if (!loaded)
        return loaded.failure();
    QByteArrayList fill { QByteArray::number(m_ttlMs) };
    for (qsizetype i = 0; i < missing.size(); ++i) {
        const auto found = loaded->constFind(missing.at(i));
        if (found == loaded->cend())
            continue;
        out.insert(found.key(), found.value());
        fill << QByteArray::number(found.key()) << missingVersions.at(i) << QByteArray::number(found.value());
    }
    if (fill.size() > 1)
        m_redis.eval(kFill, { prefix() + generation, m_redis.key(kVersions) }, fill);
    return out;
}

void StockMirror::changed(const QList<qint64> &productIds)
{
    if (productIds.isEmpty())
        return;
    // If Redis does not answer, the mirror's expiry bounds how long the old stock shows.
    m_redis.eval(kChanged, { m_redis.key(kGeneration), m_redis.key(kVersions) },
                 QByteArrayList { m_redis.key("stock:mirror:") } + idArguments(productIds));
}

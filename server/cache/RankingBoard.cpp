#include "RankingBoard.h"

#include "IsoTime.h"

#include "RedisClient.h"
#include "RedisLock.h"

#include <QtCore/QRandomGenerator>

#include <algorithm>

namespace {
constexpr int kBucketTtlSeconds = (RankingBoard::kMaxDays + 2) * 86400;
constexpr int kReadySeconds = 600;

// KEYS[1] the hour's set; ARGV: ttl, then (product, delta) pairs.
const RedisScript kRecord(QByteArrayLiteral(
        "for i = 2, #ARGV, 2 do redis.call('ZINCRBY', KEYS[1], ARGV[i + 1], ARGV[i]) end "
        "redis.call('EXPIRE', KEYS[1], ARGV[1]) return 1"));

// KEYS: the window's hour sets, then a scratch key. Units per product, > 0 only.
const RedisScript kUnion(QByteArrayLiteral(
        "local scratch = KEYS[#KEYS] "
        "redis.call('ZUNIONSTORE', scratch, #KEYS - 1, unpack(KEYS, 1, #KEYS - 1)) "
        "local r = redis.call('ZRANGEBYSCORE', scratch, '(0', '+inf', 'WITHSCORES') "
        "redis.call('DEL', scratch) return r"));

// KEYS: every hour set of the widest window, then the ready marker. ARGV: ttl, ready
// seconds, then (key index, product, units) triples. Clears every hour first, so an
// hour whose sales were all cancelled does not keep stale members.
const RedisScript kRebuild(QByteArrayLiteral(
        "local hours = #KEYS - 1 "
        "for i = 1, hours do redis.call('DEL', KEYS[i]) end "
        "for i = 3, #ARGV, 3 do "
        "  local key = KEYS[tonumber(ARGV[i])] "
        "  redis.call('ZADD', key, ARGV[i + 2], ARGV[i + 1]) redis.call('EXPIRE', key, ARGV[1]) "
        "end "
        "redis.call('SET', KEYS[#KEYS], '1', 'EX', ARGV[2]) return 1"));

QDateTime hourOf(const QDateTime &at)
{
    return IsoTime::startOfHour(at);
}

// The hours MySQL's window covers: from the start of the hour `days` ago to now.
QList<QDateTime> windowHours(int days)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QDateTime> hours;
    for (QDateTime h = hourOf(now.addDays(-days)); h <= now; h = h.addSecs(3600))
        hours << h;
    return hours;
}
}

QByteArray RankingBoard::bucketName(const QDateTime &at)
{
    return QByteArrayLiteral("rank:h:") + hourOf(at).toString(QStringLiteral("yyyyMMddHH")).toLatin1();
}

bool RankingBoard::forget(RedisClient &redis)
{
    return redis.command({ "DEL", redis.key("rank:ready") }).ok;
}

void RankingBoard::record(const QList<OrderLine> &lines, const QDateTime &paidAt, int sign)
{
    QByteArrayList args { QByteArray::number(kBucketTtlSeconds) };
    for (const OrderLine &line : lines)
        args << QByteArray::number(line.productId) << QByteArray::number(sign * line.quantity);
    if (!m_redis.eval(kRecord, { m_redis.key(bucketName(paidAt)) }, args).ok)
        m_shared.stale = true;
    else
        shareStaleness();
}

void RankingBoard::shareStaleness()
{
    // An increment this process could not send leaves the rankings short for every
    // instance, not only this one: once Redis answers, the ready marker goes, so
    // whichever instance asks next rebuilds from MySQL.
    if (m_shared.stale.load() && m_redis.command({ "DEL", m_redis.key("rank:ready") }).ok)
        m_shared.stale = false;
}

std::optional<QList<RankingBoard::Entry>> RankingBoard::top(int days, int limit, const Source &source, bool cachedAnswer)
{
    const QByteArray cacheKey = m_redis.key("rank:top:" + QByteArray::number(days) + ':' + QByteArray::number(limit));
    QList<Entry> entries;
    const RedisClient::Reply cached = cachedAnswer ? m_redis.command({ "GET", cacheKey }) : RedisClient::Reply { true, {}, {} };
    if (!cached.ok)
        return std::nullopt;
    if (cached.value.isValid()) {
        m_shared.metrics.hit(CacheMetrics::Cache::Ranking);
        for (const QByteArray &pair : cached.value.toByteArray().split(',')) {
            const qsizetype colon = pair.indexOf(':');
            if (colon > 0)
                entries.append(Entry { pair.left(colon).toLongLong(), pair.mid(colon + 1).toLongLong() });
        }
        return entries;
    }
    m_shared.metrics.miss(CacheMetrics::Cache::Ranking);

    shareStaleness();
    const RedisClient::Reply ready = m_redis.command({ "EXISTS", m_redis.key("rank:ready") });
    if (!ready.ok)
        return std::nullopt;
    if ((ready.value.toLongLong() == 0 || m_shared.stale.load()) && !rebuild(source))
        return std::nullopt;

    QByteArrayList keys;
    for (const QDateTime &hour : windowHours(days))
        keys << m_redis.key(bucketName(hour));
    quint64 scratch[2];
    QRandomGenerator::global()->fillRange(scratch);
    keys << m_redis.key("rank:scratch:" + QByteArray(reinterpret_cast<const char *>(scratch), sizeof scratch).toHex());
    const RedisClient::Reply summed = m_redis.eval(kUnion, keys, {});
    if (!summed.ok)
        return std::nullopt;
    const QVariantList flat = summed.value.toList();
    for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
        entries.append(Entry { flat[i].toByteArray().toLongLong(), qint64(flat[i + 1].toByteArray().toDouble()) });
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.units != b.units ? a.units > b.units : a.productId < b.productId;
    });
    if (entries.size() > limit)
        entries.resize(limit);

    QByteArrayList pairs;
    for (const Entry &e : std::as_const(entries))
        pairs << QByteArray::number(e.productId) + ':' + QByteArray::number(e.units);
    if (cachedAnswer)
        m_redis.command({ "SET", cacheKey, pairs.join(','), "PX", QByteArray::number(kAnswerCacheMs) });
    return entries;
}

bool RankingBoard::rebuild(const Source &source)
{
    // One rebuilder at a time; the others answer from MySQL meanwhile.
    RedisLock rebuilding(m_redis, { "rank:rebuilding" }, 10000);
    if (!rebuilding.tryAcquire())
        return false;
    // Cleared before reading MySQL: an increment that fails from here on sets it again.
    m_shared.stale = false;
    const std::optional<QList<HourlySales>> rows = source(kMaxDays);
    bool rebuilt = false;
    if (rows) {
        const QList<QDateTime> hours = windowHours(kMaxDays);
        QByteArrayList keys;
        for (const QDateTime &hour : hours)
            keys << m_redis.key(bucketName(hour));
        keys << m_redis.key("rank:ready");
        QByteArrayList args { QByteArray::number(kBucketTtlSeconds), QByteArray::number(kReadySeconds) };
        for (const HourlySales &row : *rows) {
            const qsizetype index = hours.indexOf(hourOf(row.hour));
            if (index >= 0)
                args << QByteArray::number(index + 1) << QByteArray::number(row.productId) << QByteArray::number(row.units);
        }
        rebuilt = m_redis.eval(kRebuild, keys, args).ok;
    }
    if (!rebuilt)
        m_shared.stale = true;
    else
        m_shared.metrics.rebuilt(CacheMetrics::Cache::Ranking);
    return rebuilt;
}

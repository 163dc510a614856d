#include "CouponGate.h"

#include "IsoTime.h"
#include "RedisClient.h"
#include "RedisLock.h"

namespace {
// Two MySQL reads and one script: far less than this, unless the rebuilder stalled.
constexpr int kRebuildLockMs = 5000;
// KEYS: state hash, holders set. ARGV: user, now (ms), margin (ms).
// Answers {0} admitted, {1, quantity} sold out, {2} already issued,
// {3, from, until} not open, {-1} state missing.
// MySQL's clock decides the window (its NOW(3) in the claim's UPDATE); this server's
// clock may differ by a little, so the gate refuses only claims more than `margin`
// outside the window and lets the ones near its edges through to MySQL.
const RedisScript kAdmit(QByteArrayLiteral(
        "local g = redis.call('HMGET', KEYS[1], 'quantity', 'from', 'until', 'fromIso', 'untilIso') "
        "if not g[1] or redis.call('EXISTS', KEYS[2]) == 0 then return {-1} end "
        "local now = tonumber(ARGV[2]) "
        "local m = tonumber(ARGV[3]) "
        "if now < tonumber(g[2]) - m or now >= tonumber(g[3]) + m then return {3, g[4], g[5]} end "
        "if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return {2} end "
        "if redis.call('SCARD', KEYS[2]) - 1 >= tonumber(g[1]) then return {1, g[1]} end "
        "redis.call('SADD', KEYS[2], ARGV[1]) return {0}"));

// KEYS: state hash, holders set. ARGV: quantity, from ms, until ms, from ISO, until ISO,
// ttl seconds, then the holders' user ids. The hash is written last: until it exists,
// admit() says "missing" and claims go to MySQL alone.
const RedisScript kRebuild(QByteArrayLiteral(
        "redis.call('DEL', KEYS[1], KEYS[2]) redis.call('SADD', KEYS[2], '0') "
        "for i = 7, #ARGV do redis.call('SADD', KEYS[2], ARGV[i]) end "
        "redis.call('HSET', KEYS[1], 'quantity', ARGV[1], 'from', ARGV[2], 'until', ARGV[3], "
        "'fromIso', ARGV[4], 'untilIso', ARGV[5]) "
        "redis.call('EXPIRE', KEYS[1], ARGV[6]) redis.call('EXPIRE', KEYS[2], ARGV[6]) return 1"));
}

QByteArray CouponGate::key(qint64 couponId, const char *part) const
{
    return m_redis.key("coupon:" + QByteArray::number(couponId) + ':' + part);
}

CouponGate::Verdict CouponGate::admit(qint64 couponId, qint64 userId)
{
    const RedisClient::Reply reply =
            m_redis.eval(kAdmit, { key(couponId, "gate"), key(couponId, "holders") },
                         { QByteArray::number(userId), QByteArray::number(QDateTime::currentMSecsSinceEpoch()),
                           QByteArray::number(kClockMarginMs) });
    if (!reply.ok)
        return Verdict { Answer::Unavailable, 0, {}, {} };
    const QVariantList answer = reply.value.toList();
    switch (answer.value(0).toLongLong()) {
    case 0:
        m_metrics.gate(CacheMetrics::GateAnswer::Admitted);
        return Verdict { Answer::Admitted, 0, {}, {} };
    case 1:
        m_metrics.gate(CacheMetrics::GateAnswer::SoldOut);
        return Verdict { Answer::SoldOut, answer.value(1).toByteArray().toLongLong(), {}, {} };
    case 2:
        m_metrics.gate(CacheMetrics::GateAnswer::AlreadyIssued);
        return Verdict { Answer::AlreadyIssued, 0, {}, {} };
    case 3:
        m_metrics.gate(CacheMetrics::GateAnswer::NotOpen);
        return Verdict { Answer::NotOpen, 0, QString::fromUtf8(answer.value(1).toByteArray()),
                         QString::fromUtf8(answer.value(2).toByteArray()) };
    default:
        return Verdict { Answer::Missing, 0, {}, {} };
    }
}

void CouponGate::release(qint64 couponId, qint64 userId)
{
    m_metrics.gateReleased();
    m_redis.command({ "SREM", key(couponId, "holders"), QByteArray::number(userId) });
}

std::unique_ptr<RedisLock> CouponGate::lockRebuild(qint64 couponId)
{
    auto lock = std::make_unique<RedisLock>(m_redis, QByteArrayList { "coupon:" + QByteArray::number(couponId) + ":rebuilding" },
                                            kRebuildLockMs);
    if (!lock->tryAcquire())
        return nullptr;
    return lock;
}

bool CouponGate::rebuild(const Coupon &coupon, const QList<qint64> &holders)
{
    QByteArrayList args { QByteArray::number(coupon.quantity), QByteArray::number(coupon.validFrom.toMSecsSinceEpoch()),
                          QByteArray::number(coupon.validUntil.toMSecsSinceEpoch()), IsoTime::format(coupon.validFrom).toUtf8(),
                          IsoTime::format(coupon.validUntil).toUtf8(), QByteArray::number(kStateSeconds) };
    for (const qint64 holder : holders)
        args << QByteArray::number(holder);
    const bool done = m_redis.eval(kRebuild, { key(coupon.id, "gate"), key(coupon.id, "holders") }, args).ok;
    if (done)
        m_metrics.gateRebuilt();
    return done;
}

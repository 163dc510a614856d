#pragma once

#include "CacheMetrics.h"
#include "ShopTypes.h"

#include <QtCore/QList>

#include <memory>

class RedisClient;
class RedisLock;

// The first-come coupon gate (DESIGN.md, Concurrency): one Lua script admits at most
// `quantity` holders and one claim per user before MySQL is touched, so a sold-out
// rush and repeat clicks are answered from Redis alone. MySQL still decides what it
// is sent (unique key, conditional update); a claim it refuses gives its slot back.
//
// State per coupon: a hash (quantity, window) and a set of holders with a sentinel
// member, so an evicted or flushed set is told from an empty one. Both expire after
// five minutes and are rebuilt from MySQL then, or whenever they are missing: a holder
// whose release was lost (Redis died between admit and release) only blocks a slot
// until that rebuild. A rebuild can only undercount claims still in flight, which
// lets MySQL refuse the extra ones, so no rebuild lets more than `quantity` through.
class CouponGate
{
public:
    enum class Answer { Admitted, SoldOut, AlreadyIssued, NotOpen, Missing, Unavailable };
    struct Verdict {
        Answer answer = Answer::Unavailable;
        qint64 quantity = 0; // SoldOut
        QString validFrom; // NotOpen, ISO 8601
        QString validUntil;
    };

    // How far this server's clock may be from MySQL's: claims this close to the
    // window's edges are not judged here but by MySQL.
    static constexpr qint64 kClockMarginMs = 2000;

    CouponGate(RedisClient &redis, CacheMetrics &metrics) : m_redis(redis), m_metrics(metrics) { }

    Verdict admit(qint64 couponId, qint64 userId);
    // A claim the gate admitted and MySQL did not take.
    void release(qint64 couponId, qint64 userId);
    // A claim decided by MySQL alone (counted only).
    void bypassed() { m_metrics.gateBypassed(); }

    // One rebuilder per coupon (`coupon:<id>:rebuilding`, a RedisLock): the held lock,
    // released when destroyed, or null while someone else holds it.
    std::unique_ptr<RedisLock> lockRebuild(qint64 couponId);
    bool rebuild(const Coupon &coupon, const QList<qint64> &holders);

    static constexpr int kStateSeconds = 300;

private:
    QByteArray key(qint64 couponId, const char *part) const;

    RedisClient &m_redis;
    CacheMetrics &m_metrics;
};

#include "CouponService.h"

#include "Database.h"
#include "RedisLock.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QThread>

namespace {
constexpr int kRebuildWaitMs = 200;
}

CouponGate::Verdict CouponService::admit(qint64 couponId, qint64 userId)
{
    CouponGate::Verdict verdict = m_gate->admit(couponId, userId);
    if (verdict.answer != CouponGate::Answer::Missing)
        return verdict;
    const std::unique_ptr<RedisLock> rebuilding = m_gate->lockRebuild(couponId);
    if (!rebuilding) {
        // Someone else is rebuilding it (two MySQL reads): wait for that briefly rather
        // than send a cold rush to MySQL, whose claims the rebuild might not see.
        const QDeadlineTimer deadline(kRebuildWaitMs);
        while (verdict.answer == CouponGate::Answer::Missing && !deadline.hasExpired()) {
            QThread::usleep(1000);
            verdict = m_gate->admit(couponId, userId);
        }
        return verdict;
    }
    // A rebuild that finished just before we took the lock: use it, do not redo it
    // (a second rebuild would forget claims admitted since the first).
    verdict = m_gate->admit(couponId, userId);
    if (verdict.answer != CouponGate::Answer::Missing)
        return verdict;
    const Result<Coupon> coupon = m_coupons.get(couponId);
    const Result<QList<qint64>> holders = coupon ? m_coupons.holders(couponId) : Result<QList<qint64>>(coupon.failure());
    const bool rebuilt = holders && m_gate->rebuild(coupon.value(), holders.value());
    return rebuilt ? m_gate->admit(couponId, userId) : verdict;
}

Result<UserCoupon> CouponService::issue(qint64 couponId, qint64 userId)
{
    if (!m_gate)
        return issueInMysql(couponId, userId);
    const CouponGate::Verdict verdict = admit(couponId, userId);
    switch (verdict.answer) {
    case CouponGate::Answer::SoldOut:
        return Failure { ErrorCode::CouponSoldOut, QStringLiteral("all %1 coupons are claimed").arg(verdict.quantity), {} };
    case CouponGate::Answer::AlreadyIssued:
        return Failure { ErrorCode::CouponAlreadyIssued, QStringLiteral("you already have this coupon"), {} };
    case CouponGate::Answer::NotOpen:
        return Failure { ErrorCode::CouponNotUsable, QStringLiteral("this coupon cannot be claimed now"),
                         QJsonObject { { QStringLiteral("validFrom"), verdict.validFrom },
                                       { QStringLiteral("validUntil"), verdict.validUntil } } };
    case CouponGate::Answer::Missing:
    case CouponGate::Answer::Unavailable:
        // Redis lost the state and someone else is rebuilding it, or Redis is down.
        m_gate->bypassed();
        return issueInMysql(couponId, userId);
    case CouponGate::Answer::Admitted:
        break;
    }
    Result<UserCoupon> issued = issueInMysql(couponId, userId);
    // Already issued: MySQL has this holder, and so does the gate now. Anything else
    // MySQL refused (sold out, window, a failure) gives the slot back.
    if (!issued && issued.failure().code != ErrorCode::CouponAlreadyIssued)
        m_gate->release(couponId, userId);
    return issued;
}

Result<UserCoupon> CouponService::issueInMysql(qint64 couponId, qint64 userId)
{
    const Result<bool> known = m_users.exists(userId);
    if (!known)
        return known.failure();
    if (!known.value())
        return Failure { ErrorCode::NotFound, QStringLiteral("no user %1").arg(userId), {} };
    return m_database.transaction<UserCoupon>([&] { return m_coupons.issue(couponId, userId); });
}

Result<Coupon> CouponService::create(const Coupon &coupon, qint64 adminId)
{
    return m_database.transaction<Coupon>([&]() -> Result<Coupon> {
        Result<Coupon> created = m_coupons.create(coupon);
        if (!created)
            return created;
        if (Status audited = m_audit.record(adminId, QStringLiteral("coupon.create"), QStringLiteral("coupon"), created->id, {},
                                            created->toJson());
            !audited)
            return audited.failure();
        return created;
    });
}

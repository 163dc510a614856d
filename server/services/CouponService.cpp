#include "CouponService.h"

Result<UserCoupon> CouponService::issue(qint64 couponId, qint64 userId)
{
    const Result<bool> known = m_users.exists(userId);
    if (!known)
        return known.failure();
    if (!known.value())
        return Failure { ErrorCode::NotFound, QStringLiteral("no user %1").arg(userId), {} };
    return m_coupons.issue(couponId, userId);
}

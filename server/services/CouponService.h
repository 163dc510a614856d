#pragma once

#include "CouponRepository.h"
#include "UserRepository.h"

class CouponService
{
public:
    explicit CouponService(Database &database) : m_coupons(database), m_users(database) { }

    Result<Coupon> create(const Coupon &coupon) { return m_coupons.create(coupon); }
    Result<QList<Coupon>> listOpen() { return m_coupons.listOpen(); }
    Result<UserCoupon> issue(qint64 couponId, qint64 userId);
    Result<QList<UserCoupon>> forUser(qint64 userId, const QString &status) { return m_coupons.forUser(userId, status); }

private:
    CouponRepository m_coupons;
    UserRepository m_users;
};

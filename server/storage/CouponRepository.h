#pragma once

#include "Result.h"
#include "ShopTypes.h"

class Database;

class CouponRepository
{
public:
    explicit CouponRepository(Database &database) : m_database(database) { }

    Result<Coupon> create(const Coupon &coupon);
    // Coupons whose window has not ended, by id.
    Result<QList<Coupon>> listOpen();
    Result<Coupon> get(qint64 id);

    // One claim: the user's row first (its unique key decides "one per user"), the
    // coupon's shared counter last (a conditional UPDATE decides "never past quantity").
    // Inside the caller's transaction: the user's row, then the shared counter.
    Result<UserCoupon> issue(qint64 couponId, qint64 userId);
    // The users who hold this coupon (rebuilds the Redis gate).
    Result<QList<qint64>> holders(qint64 couponId);

    // status: AVAILABLE, USED, EXPIRED, or empty for all.
    Result<QList<UserCoupon>> forUser(qint64 userId, const QString &status);
    Result<UserCoupon> userCoupon(qint64 userCouponId);
    // AVAILABLE → USED for this order, if it is the user's and still in its window.
    Result<bool> use(qint64 userCouponId, qint64 userId, qint64 orderId);
    // USED → AVAILABLE after a cancellation, if the coupon's window is still open.
    Status release(qint64 userCouponId);

private:
    Database &m_database;
};

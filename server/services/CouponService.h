#pragma once

#include "CouponGate.h"
#include "AuditRepository.h"
#include "CouponRepository.h"
#include "UserRepository.h"

#include <optional>

// Coupons: MySQL decides every claim (CouponRepository::issue); the Redis gate, when
// there is one, answers sold-out and repeat claims before MySQL is touched. If Redis
// does not answer, claims go to MySQL alone, which is still exact.
class CouponService
{
public:
    // gate: may be null (no Redis in front).
    CouponService(Database &database, CouponGate *gate = nullptr)
        : m_database(database), m_coupons(database), m_users(database), m_audit(database), m_gate(gate)
    {
    }

    // Audited in its own transaction.
    Result<Coupon> create(const Coupon &coupon, qint64 adminId);
    Result<QList<Coupon>> listOpen() { return m_coupons.listOpen(); }
    Result<UserCoupon> issue(qint64 couponId, qint64 userId);
    Result<QList<UserCoupon>> forUser(qint64 userId, const QString &status) { return m_coupons.forUser(userId, status); }

private:
    // The gate's answer, its state rebuilt from MySQL first when Redis lost it.
    CouponGate::Verdict admit(qint64 couponId, qint64 userId);
    Result<UserCoupon> issueInMysql(qint64 couponId, qint64 userId);

    Database &m_database;
    CouponRepository m_coupons;
    UserRepository m_users;
    AuditRepository m_audit;
    CouponGate *m_gate;
};

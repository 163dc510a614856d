#include "CouponRepository.h"

#include "Database.h"
#include "SqlTime.h"

namespace {
const QString kCouponColumns =
        QStringLiteral("id, name, discount_type, discount_value, quantity, issued, valid_from, valid_until");

Coupon couponFromRow(QSqlQuery *q)
{
    return Coupon { q->value(0).toLongLong(),
                    q->value(1).toString(),
                    q->value(2).toString() == QLatin1String("RATE") ? DiscountType::Rate : DiscountType::Fixed,
                    q->value(3).toLongLong(),
                    q->value(4).toLongLong(),
                    q->value(5).toLongLong(),
                    SqlTime::utc(q->value(6)),
                    SqlTime::utc(q->value(7)) };
}

// The status a person sees: an unused coupon past its window is EXPIRED.
const QString kUserCouponSelect = QStringLiteral(
        "SELECT uc.id, uc.coupon_id, uc.user_id, c.name, c.discount_type, c.discount_value, "
        "CASE WHEN uc.status = 'AVAILABLE' AND c.valid_until <= NOW(3) THEN 'EXPIRED' ELSE uc.status END, "
        "uc.issued_at, c.valid_until FROM user_coupons uc JOIN coupons c ON c.id = uc.coupon_id ");

UserCoupon userCouponFromRow(QSqlQuery *q)
{
    return UserCoupon { q->value(0).toLongLong(),
                        q->value(1).toLongLong(),
                        q->value(2).toLongLong(),
                        q->value(3).toString(),
                        q->value(4).toString() == QLatin1String("RATE") ? DiscountType::Rate : DiscountType::Fixed,
                        q->value(5).toLongLong(),
                        q->value(6).toString(),
                        SqlTime::utc(q->value(7)),
                        SqlTime::utc(q->value(8)) };
}

Failure notFound(qint64 id)
{
    return Failure { ErrorCode::NotFound, QStringLiteral("no coupon %1").arg(id), QJsonObject { { QStringLiteral("couponId"), id } } };
}
}

Result<Coupon> CouponRepository::create(const Coupon &c)
{
    const auto inserted = m_database.run(
            QStringLiteral("INSERT INTO coupons (name, discount_type, discount_value, quantity, issued, valid_from, valid_until) "
                           "VALUES (?, ?, ?, ?, 0, ?, ?)"),
            { c.name, discountTypeName(c.discountType), c.discountValue, c.quantity, SqlTime::param(c.validFrom),
              SqlTime::param(c.validUntil) });
    if (!inserted)
        return inserted.failure();
    return get(inserted.value()->lastInsertId().toLongLong());
}

Result<QList<Coupon>> CouponRepository::listOpen()
{
    const auto rows = m_database.run(
            QStringLiteral("SELECT %1 FROM coupons WHERE valid_until > NOW(3) ORDER BY id").arg(kCouponColumns));
    if (!rows)
        return rows.failure();
    QList<Coupon> coupons;
    while (rows.value()->next())
        coupons.append(couponFromRow(rows.value()));
    return coupons;
}

Result<Coupon> CouponRepository::get(qint64 id)
{
    const auto row = m_database.run(QStringLiteral("SELECT %1 FROM coupons WHERE id = ?").arg(kCouponColumns), { id });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return notFound(id);
    return couponFromRow(row.value());
}

Result<UserCoupon> CouponRepository::issue(qint64 couponId, qint64 userId)
{
    const auto mine = m_database.run(
            QStringLiteral("INSERT INTO user_coupons (coupon_id, user_id, status) VALUES (?, ?, 'AVAILABLE')"),
            { couponId, userId });
    if (!mine) {
        if (Database::isDuplicateKey(m_database.lastError()))
            return Failure { ErrorCode::CouponAlreadyIssued, QStringLiteral("you already have this coupon"), {} };
        return mine.failure();
    }
    const qint64 userCouponId = mine.value()->lastInsertId().toLongLong();
    const auto counted = m_database.run(
            QStringLiteral("UPDATE coupons SET issued = issued + 1 WHERE id = ? AND issued < quantity "
                           "AND valid_from <= NOW(3) AND valid_until > NOW(3)"),
            { couponId });
    if (!counted)
        return counted.failure();
    if (counted.value()->numRowsAffected() == 1)
        return userCoupon(userCouponId);
    // Why not: MySQL's clock decides the window here as it did in the UPDATE.
    const Result<Coupon> coupon = get(couponId);
    if (!coupon)
        return coupon.failure();
    const auto open = m_database.run(
            QStringLiteral("SELECT valid_from <= NOW(3) AND valid_until > NOW(3) FROM coupons WHERE id = ?"), { couponId });
    if (!open)
        return open.failure();
    if (!open.value()->next() || !open.value()->value(0).toBool()) {
        const QJsonObject shown = coupon->toJson();
        return Failure { ErrorCode::CouponNotUsable, QStringLiteral("this coupon cannot be claimed now"),
                         QJsonObject { { QStringLiteral("validFrom"), shown.value(QStringLiteral("validFrom")) },
                                       { QStringLiteral("validUntil"), shown.value(QStringLiteral("validUntil")) } } };
    }
    return Failure { ErrorCode::CouponSoldOut, QStringLiteral("all %1 coupons are claimed").arg(coupon->quantity), {} };
}

Result<QList<qint64>> CouponRepository::holders(qint64 couponId)
{
    const auto rows = m_database.run(QStringLiteral("SELECT user_id FROM user_coupons WHERE coupon_id = ?"), { couponId });
    if (!rows)
        return rows.failure();
    QList<qint64> users;
    while (rows.value()->next())
        users << rows.value()->value(0).toLongLong();
    return users;
}

Result<QList<UserCoupon>> CouponRepository::forUser(qint64 userId, const QString &status)
{
    // One constant filter per status, so the SQL scan (tst_sqlbinding) sees only constants.
    static const QString kAll = QStringLiteral("");
    static const QString kAvailable = QStringLiteral(" AND uc.status = 'AVAILABLE' AND c.valid_until > NOW(3)");
    static const QString kExpired = QStringLiteral(" AND uc.status = 'AVAILABLE' AND c.valid_until <= NOW(3)");
    static const QString kUsed = QStringLiteral(" AND uc.status = 'USED'");
    const auto rows = m_database.run(kUserCouponSelect + QStringLiteral("WHERE uc.user_id = ?")
                                             + (status == QLatin1String("AVAILABLE")  ? kAvailable
                                                : status == QLatin1String("EXPIRED") ? kExpired
                                                : status == QLatin1String("USED")    ? kUsed
                                                                                     : kAll)
                                             + QStringLiteral(" ORDER BY uc.id DESC"),
                                     { userId });
    if (!rows)
        return rows.failure();
    QList<UserCoupon> coupons;
    while (rows.value()->next())
        coupons.append(userCouponFromRow(rows.value()));
    return coupons;
}

Result<UserCoupon> CouponRepository::userCoupon(qint64 userCouponId)
{
    const auto row = m_database.run(kUserCouponSelect + QStringLiteral("WHERE uc.id = ?"), { userCouponId });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return Failure { ErrorCode::CouponNotUsable, QStringLiteral("no such coupon of yours"), {} };
    return userCouponFromRow(row.value());
}

Result<bool> CouponRepository::use(qint64 userCouponId, qint64 userId, qint64 orderId)
{
    // The window was read with the coupon; this row is the user's alone, so the
    // shared coupon row is not locked by an order.
    const auto updated = m_database.run(
            QStringLiteral("UPDATE user_coupons SET status = 'USED', used_at = NOW(3), order_id = ? "
                           "WHERE id = ? AND user_id = ? AND status = 'AVAILABLE'"),
            { orderId, userCouponId, userId });
    if (!updated)
        return updated.failure();
    return updated.value()->numRowsAffected() == 1;
}

Status CouponRepository::release(qint64 userCouponId)
{
    const auto updated = m_database.run(
            QStringLiteral("UPDATE user_coupons uc SET uc.status = 'AVAILABLE', uc.used_at = NULL, uc.order_id = NULL "
                           "WHERE uc.id = ? AND uc.status = 'USED' "
                           "AND (SELECT c.valid_until FROM coupons c WHERE c.id = uc.coupon_id) > NOW(3)"),
            { userCouponId });
    if (!updated)
        return updated.failure();
    return Done {};
}

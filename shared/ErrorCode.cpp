#include "ErrorCode.h"

#include <array>
#include <utility>

namespace {
constexpr std::array<std::pair<ErrorCode, const char *>, 31> kNames { {
    { ErrorCode::InvalidJson, "INVALID_JSON" },
    { ErrorCode::ValidationFailed, "VALIDATION_FAILED" },
    { ErrorCode::InvalidAmount, "INVALID_AMOUNT" },
    { ErrorCode::Unauthenticated, "UNAUTHENTICATED" },
    { ErrorCode::InvalidCredentials, "INVALID_CREDENTIALS" },
    { ErrorCode::Forbidden, "FORBIDDEN" },
    { ErrorCode::AccountDisabled, "ACCOUNT_DISABLED" },
    { ErrorCode::NotFound, "NOT_FOUND" },
    { ErrorCode::MethodNotAllowed, "METHOD_NOT_ALLOWED" },
    { ErrorCode::OutOfStock, "OUT_OF_STOCK" },
    { ErrorCode::InsufficientBalance, "INSUFFICIENT_BALANCE" },
    { ErrorCode::CouponSoldOut, "COUPON_SOLD_OUT" },
    { ErrorCode::CouponAlreadyIssued, "COUPON_ALREADY_ISSUED" },
    { ErrorCode::CouponNotUsable, "COUPON_NOT_USABLE" },
    { ErrorCode::OrderNotCancellable, "ORDER_NOT_CANCELLABLE" },
    { ErrorCode::UsernameTaken, "USERNAME_TAKEN" },
    { ErrorCode::IdempotencyKeyReused, "IDEMPOTENCY_KEY_REUSED" },
    { ErrorCode::PayloadTooLarge, "PAYLOAD_TOO_LARGE" },
    { ErrorCode::InvalidImage, "INVALID_IMAGE" },
    { ErrorCode::SkuTaken, "SKU_TAKEN" },
    { ErrorCode::NameTaken, "NAME_TAKEN" },
    { ErrorCode::CategoryNotEmpty, "CATEGORY_NOT_EMPTY" },
    { ErrorCode::RefundExceedsOrder, "REFUND_EXCEEDS_ORDER" },
    { ErrorCode::InvalidTransition, "INVALID_TRANSITION" },
    { ErrorCode::ReturnNotAllowed, "RETURN_NOT_ALLOWED" },
    { ErrorCode::BackupRunning, "BACKUP_RUNNING" },
    { ErrorCode::ShopNotEmpty, "SHOP_NOT_EMPTY" },
    { ErrorCode::DemoShopRunning, "DEMO_SHOP_RUNNING" },
    { ErrorCode::RateLimited, "RATE_LIMITED" },
    { ErrorCode::Unavailable, "UNAVAILABLE" },
    { ErrorCode::Internal, "INTERNAL" },
} };
}

QString ErrorCodes::name(ErrorCode code)
{
    for (const auto &[c, n] : kNames) {
        if (c == code)
            return QString::fromLatin1(n);
    }
    return QStringLiteral("INTERNAL");
}

ErrorCode ErrorCodes::fromName(const QString &name)
{
    for (const auto &[c, n] : kNames) {
        if (name == QLatin1String(n))
            return c;
    }
    return ErrorCode::Internal;
}

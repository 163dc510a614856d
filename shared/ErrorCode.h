#pragma once

#include <QtCore/QString>

// The error codes of API.md, shared by the server (which sends them) and the desktop
// client (which shows them in words). HTTP statuses are the server's business: see
// server/http/ErrorStatus.
enum class ErrorCode {
    InvalidJson,
    ValidationFailed,
    InvalidAmount,
    Unauthenticated,
    InvalidCredentials,
    Forbidden,
    AccountDisabled, // the right password for a disabled account
    NotFound,
    MethodNotAllowed,
    OutOfStock,
    InsufficientBalance,
    CouponSoldOut,
    CouponAlreadyIssued,
    CouponNotUsable,
    OrderNotCancellable,
    UsernameTaken,
    IdempotencyKeyReused,
    PayloadTooLarge,
    InvalidImage,
    SkuTaken,
    NameTaken,
    CategoryNotEmpty,
    RefundExceedsOrder,
    InvalidTransition,
    ReturnNotAllowed,
    BackupRunning,
    ShopNotEmpty,     // the demo shop loads only into a shop without products
    DemoShopRunning,  // a demo shop load is already running (on any instance)
    RateLimited,
    Unavailable,
    Internal,
};

namespace ErrorCodes {
// "OUT_OF_STOCK" for ErrorCode::OutOfStock.
QString name(ErrorCode code);
// The inverse of name(); Internal for a name this build does not know.
ErrorCode fromName(const QString &name);
}

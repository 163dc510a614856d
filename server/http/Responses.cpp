#include "Responses.h"

QHttpServerResponse Responses::json(const QJsonObject &body, Status status)
{
    return QHttpServerResponse(body, status);
}

QHttpServerResponse Responses::failure(const Failure &failure)
{
    QHttpServerResponse response(failure.toJson(), statusFor(failure.code));
    // API.md's 429 tells the client when to come back; the details carry the figure.
    if (failure.code == ErrorCode::RateLimited && failure.details.contains(QStringLiteral("retryAfterSeconds")))
        response.setHeader("Retry-After", QByteArray::number(failure.details.value(QStringLiteral("retryAfterSeconds")).toInteger()));
    return response;
}

QHttpServerResponse Responses::failure(ErrorCode code, const QString &message, const QJsonObject &details)
{
    return failure(Failure { code, message, details });
}

Responses::Status Responses::statusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidJson:
    case ErrorCode::ValidationFailed:
    case ErrorCode::InvalidAmount:
    case ErrorCode::InvalidImage:
        return Status::BadRequest;
    case ErrorCode::Unauthenticated:
    case ErrorCode::InvalidCredentials:
        return Status::Unauthorized;
    case ErrorCode::Forbidden:
    case ErrorCode::AccountDisabled:
        return Status::Forbidden;
    case ErrorCode::NotFound:
        return Status::NotFound;
    case ErrorCode::MethodNotAllowed:
        return Status::MethodNotAllowed;
    case ErrorCode::OutOfStock:
    case ErrorCode::InsufficientBalance:
    case ErrorCode::CouponSoldOut:
    case ErrorCode::CouponAlreadyIssued:
    case ErrorCode::CouponNotUsable:
    case ErrorCode::OrderNotCancellable:
    case ErrorCode::UsernameTaken:
    case ErrorCode::IdempotencyKeyReused:
    case ErrorCode::SkuTaken:
    case ErrorCode::NameTaken:
    case ErrorCode::CategoryNotEmpty:
    case ErrorCode::RefundExceedsOrder:
    case ErrorCode::InvalidTransition:
    case ErrorCode::ReturnNotAllowed:
    case ErrorCode::BackupRunning:
    case ErrorCode::ShopNotEmpty:
    case ErrorCode::DemoShopRunning:
        return Status::Conflict;
    case ErrorCode::PayloadTooLarge:
        return Status::PayloadTooLarge;
    case ErrorCode::RateLimited:
        return Status::TooManyRequests;
    case ErrorCode::Unavailable:
        return Status::ServiceUnavailable;
    case ErrorCode::Internal:
        break;
    }
    return Status::InternalServerError;
}

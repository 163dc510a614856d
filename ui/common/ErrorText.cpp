#include "ErrorText.h"

#include <QtCore/QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ErrorText", text);
}
}

QString ErrorText::title(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidJson:
    case ErrorCode::ValidationFailed:
        return tr("Please check the form");
    case ErrorCode::InvalidAmount:
        return tr("That amount is not allowed");
    case ErrorCode::Unauthenticated:
        return tr("Your session has ended; please sign in again");
    case ErrorCode::InvalidCredentials:
        return tr("Wrong username or password");
    case ErrorCode::Forbidden:
        return tr("You are not allowed to do that");
    case ErrorCode::NotFound:
        return tr("Not found");
    case ErrorCode::MethodNotAllowed:
        return tr("The server does not offer that");
    case ErrorCode::OutOfStock:
        return tr("Out of stock");
    case ErrorCode::InsufficientBalance:
        return tr("Not enough money in the wallet");
    case ErrorCode::CouponSoldOut:
        return tr("All of these coupons are gone");
    case ErrorCode::CouponAlreadyIssued:
        return tr("You already have this coupon");
    case ErrorCode::CouponNotUsable:
        return tr("This coupon cannot be used now");
    case ErrorCode::OrderNotCancellable:
        return tr("This order can no longer be cancelled");
    case ErrorCode::UsernameTaken:
        return tr("That username is taken");
    case ErrorCode::IdempotencyKeyReused:
        return tr("That request was already sent with other content");
    case ErrorCode::PayloadTooLarge:
        return tr("Too much data in one request");
    case ErrorCode::RateLimited:
        return tr("Too many requests; try again in a moment");
    case ErrorCode::Unavailable:
        return tr("The server is unavailable");
    case ErrorCode::Internal:
        break;
    }
    return tr("Something went wrong");
}

QString ErrorText::describe(const Failure &failure)
{
    const QString head = title(failure.code);
    if (failure.message.isEmpty())
        return head;
    return head + QStringLiteral(" \u2014 ") + failure.message;
}

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
    case ErrorCode::AccountDisabled:
        return tr("This account is disabled; please contact the shop");
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
    case ErrorCode::InvalidImage:
        return tr("That file is not a picture the shop can use");
    case ErrorCode::SkuTaken:
        return tr("Another product has that SKU");
    case ErrorCode::NameTaken:
        return tr("That name is taken here");
    case ErrorCode::CategoryNotEmpty:
        return tr("The category still holds products or categories");
    case ErrorCode::RefundExceedsOrder:
        return tr("That is more than is left to refund on this order");
    case ErrorCode::InvalidTransition:
        return tr("The order is not at a step where that can be done");
    case ErrorCode::ReturnNotAllowed:
        return tr("These items cannot be returned");
    case ErrorCode::BackupRunning:
        return tr("A backup is already running");
    case ErrorCode::ShopNotEmpty:
        return tr("The shop already has products; the demo shop loads only into an empty one");
    case ErrorCode::DemoShopRunning:
        return tr("The demo shop is already being loaded");
    case ErrorCode::Unavailable:
        return tr("The server is unavailable");
    case ErrorCode::Internal:
        break;
    }
    return tr("Something went wrong");
}

QString ErrorText::sentence(const QString &text)
{
    QString out = text.trimmed();
    if (out.isEmpty())
        return out;
    out[0] = out.at(0).toUpper();
    const QChar last = out.back();
    if (last != QLatin1Char('.') && last != QLatin1Char('!') && last != QLatin1Char('?') && last != QChar(0x2026))
        out += QLatin1Char('.');
    return out;
}

QString ErrorText::describe(const Failure &failure)
{
    const QString head = title(failure.code);
    // "You already have this coupon" and the server's "you already have this coupon":
    // the same words twice would read as a stutter.
    const auto plain = [](QString t) {
        t = t.trimmed().toLower();
        while (!t.isEmpty() && (t.back() == QLatin1Char('.') || t.back() == QLatin1Char(';')))
            t.chop(1);
        return t;
    };
    const QString reason = plain(failure.message);
    if (reason.isEmpty() || reason == plain(head) || plain(head).contains(reason))
        return sentence(head);
    if (reason.startsWith(plain(head)))
        return sentence(failure.message);
    QString tail = failure.message.trimmed();
    if (sentence(tail).back() != tail.back())
        tail += QLatin1Char('.');
    return head + QStringLiteral(" \u2014 ") + tail;
}

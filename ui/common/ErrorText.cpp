#include "ErrorText.h"

#include "Translator.h"

#include <QtCore/QCoreApplication>

namespace {
// The app's own words: its language is the window's. English is the source language,
// where the server's reason (English too) adds what the title leaves out.
bool ownWordsOnly()
{
    return Translator::current() != QLatin1String("en");
}

bool fromApp(const Failure &failure)
{
    return failure.details.value(QStringLiteral("fromApp")).toBool();
}
}

QString ErrorText::title(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidJson:
    case ErrorCode::ValidationFailed:
        return QCoreApplication::translate("ErrorText", "Please check the form");
    case ErrorCode::InvalidAmount:
        return QCoreApplication::translate("ErrorText", "That amount is not allowed");
    case ErrorCode::Unauthenticated:
        return QCoreApplication::translate("ErrorText", "Your session has ended; please sign in again");
    case ErrorCode::InvalidCredentials:
        return QCoreApplication::translate("ErrorText", "Wrong username or password");
    case ErrorCode::Forbidden:
        return QCoreApplication::translate("ErrorText", "You are not allowed to do that");
    case ErrorCode::AccountDisabled:
        return QCoreApplication::translate("ErrorText", "This account is disabled; please contact the shop");
    case ErrorCode::NotFound:
        return QCoreApplication::translate("ErrorText", "Not found");
    case ErrorCode::MethodNotAllowed:
        return QCoreApplication::translate("ErrorText", "The server does not offer that");
    case ErrorCode::OutOfStock:
        return QCoreApplication::translate("ErrorText", "Out of stock");
    case ErrorCode::InsufficientBalance:
        return QCoreApplication::translate("ErrorText", "Not enough money in the wallet");
    case ErrorCode::CouponSoldOut:
        return QCoreApplication::translate("ErrorText", "All of these coupons are gone");
    case ErrorCode::CouponAlreadyIssued:
        return QCoreApplication::translate("ErrorText", "You already have this coupon");
    case ErrorCode::CouponNotUsable:
        return QCoreApplication::translate("ErrorText", "This coupon cannot be used now");
    case ErrorCode::OrderNotCancellable:
        return QCoreApplication::translate("ErrorText", "This order can no longer be cancelled");
    case ErrorCode::UsernameTaken:
        return QCoreApplication::translate("ErrorText", "That username is taken");
    case ErrorCode::IdempotencyKeyReused:
        return QCoreApplication::translate("ErrorText", "That request was already sent with other content");
    case ErrorCode::PayloadTooLarge:
        return QCoreApplication::translate("ErrorText", "Too much data in one request");
    case ErrorCode::RateLimited:
        return QCoreApplication::translate("ErrorText", "Too many requests; try again in a moment");
    case ErrorCode::InvalidImage:
        return QCoreApplication::translate("ErrorText", "That file is not a picture the shop can use");
    case ErrorCode::SkuTaken:
        return QCoreApplication::translate("ErrorText", "Another product has that SKU");
    case ErrorCode::NameTaken:
        return QCoreApplication::translate("ErrorText", "That name is taken here");
    case ErrorCode::CategoryNotEmpty:
        return QCoreApplication::translate("ErrorText", "The category still holds products or categories");
    case ErrorCode::RefundExceedsOrder:
        return QCoreApplication::translate("ErrorText", "That is more than is left to refund on this order");
    case ErrorCode::InvalidTransition:
        return QCoreApplication::translate("ErrorText", "The order is not at a step where that can be done");
    case ErrorCode::ReturnNotAllowed:
        return QCoreApplication::translate("ErrorText", "These items cannot be returned");
    case ErrorCode::BackupRunning:
        return QCoreApplication::translate("ErrorText", "A backup is already running");
    case ErrorCode::ShopNotEmpty:
        return QCoreApplication::translate("ErrorText", "The shop already has products; the demo shop loads only into an empty one");
    case ErrorCode::DemoShopRunning:
        return QCoreApplication::translate("ErrorText", "The demo shop is already being loaded");
    case ErrorCode::Unavailable:
        return QCoreApplication::translate("ErrorText", "The server is unavailable");
    case ErrorCode::Internal:
        break;
    }
    return QCoreApplication::translate("ErrorText", "Something went wrong");
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

QString ErrorText::fieldProblem(const Failure &failure)
{
    if (fromApp(failure))
        return failure.message.trimmed();
    if (!ownWordsOnly())
        return sentence(failure.message);
    return QCoreApplication::translate("ErrorText", "The shop did not accept this value.");
}

QString ErrorText::describe(const Failure &failure)
{
    // Written by the app itself, already whole (a refused certificate): no title before it,
    // and not made to start with a capital — it may start with a host name ("localhost의 …").
    if (fromApp(failure))
        return failure.message.trimmed();
    const QString head = title(failure.code);
    if (ownWordsOnly()) {
        if (failure.code != ErrorCode::Internal || failure.message.trimmed().isEmpty())
            return sentence(head);
        QString said = failure.message.trimmed();
        while (said.endsWith(QLatin1Char('.')))
            said.chop(1);
        return QCoreApplication::translate("ErrorText", "%1. The server said: \u201C%2\u201D.").arg(head, said);
    }
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

#include "AdminRequests.h"

#include "RequestValidation.h"
#include "ShopLimits.h"

#include <QtCore/QJsonArray>
#include <QtCore/QSet>

#include <algorithm>
#include <cmath>

namespace {
constexpr int kMaxReasonLength = 200;
constexpr int kMaxReportDays = 366;

Failure invalid(const QString &field, const QString &message)
{
    return Failure::validation(field, message);
}

std::optional<qint64> wholeNumber(const QJsonValue &value, qint64 min, qint64 max)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (d != std::floor(d) || d < double(min) || d > double(max))
        return std::nullopt;
    return qint64(d);
}

Result<QString> reason(const QJsonObject &body)
{
    const QJsonValue value = body.value(QStringLiteral("reason"));
    const QString text = value.toString().trimmed();
    if (!value.isString() || text.isEmpty() || text.size() > kMaxReasonLength)
        return invalid(QStringLiteral("reason"), QStringLiteral("reason must be 1 to 200 characters"));
    return text;
}

Result<QDate> date(const QUrlQuery &query, const QString &name)
{
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!query.hasQueryItem(name) || text.size() != 10 || !d.isValid())
        return invalid(name, QStringLiteral("%1 must be a date, YYYY-MM-DD").arg(name));
    return d;
}
}

Result<AdminRequests::RefundRequest> AdminRequests::refund(const QJsonObject &body)
{
    RefundRequest request;
    const Result<QList<QPair<qint64, qint64>>> lines = RequestValidation::productLines(body, QStringLiteral("lines"));
    if (!lines)
        return lines.failure();
    for (const auto &[productId, quantity] : lines.value())
        request.lines.append(RefundLine { productId, quantity });
    const QJsonValue restock = body.value(QStringLiteral("restock"));
    if (!restock.isBool())
        return invalid(QStringLiteral("restock"), QStringLiteral("restock must be true or false"));
    request.restock = restock.toBool();
    const Result<QString> why = reason(body);
    if (!why)
        return why.failure();
    request.reason = why.value();
    return request;
}

Result<AdminRequests::StockChange> AdminRequests::stockChange(const QJsonObject &body)
{
    const auto delta = wholeNumber(body.value(QStringLiteral("delta")), -ShopLimits::kMaxStock, ShopLimits::kMaxStock);
    if (!delta || *delta == 0)
        return invalid(QStringLiteral("delta"), QStringLiteral("delta must be a non-zero whole number"));
    const Result<QString> why = reason(body);
    if (!why)
        return why.failure();
    return StockChange { *delta, why.value() };
}

Result<bool> AdminRequests::userPatch(const QJsonObject &body)
{
    const QJsonValue disabled = body.value(QStringLiteral("disabled"));
    if (!disabled.isBool())
        return invalid(QStringLiteral("disabled"), QStringLiteral("disabled must be true or false"));
    return disabled.toBool();
}

Result<AdminRequests::UserQuery> AdminRequests::users(const QUrlQuery &query)
{
    const auto page = RequestValidation::page(query);
    if (!page)
        return page.failure();
    UserQuery out { page.value(), {} };
    if (query.hasQueryItem(QStringLiteral("q"))) {
        out.usernamePrefix = query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
        if (out.usernamePrefix.isEmpty() || out.usernamePrefix.size() > 32)
            return invalid(QStringLiteral("q"), QStringLiteral("q must be 1 to 32 characters"));
    }
    return out;
}

Result<AdminRequests::AuditQuery> AdminRequests::audit(const QUrlQuery &query)
{
    const auto page = RequestValidation::page(query);
    if (!page)
        return page.failure();
    AuditQuery out { page.value(), {} };
    if (query.hasQueryItem(QStringLiteral("entity"))) {
        out.entity = query.queryItemValue(QStringLiteral("entity"), QUrl::FullyDecoded);
        static const QStringList kEntities { QStringLiteral("product"), QStringLiteral("category"), QStringLiteral("coupon"),
                                             QStringLiteral("order"), QStringLiteral("user") };
        if (!kEntities.contains(out.entity))
            return invalid(QStringLiteral("entity"), QStringLiteral("entity must be product, category, coupon, order or user"));
    }
    return out;
}

Result<AdminRequests::OrderQuery> AdminRequests::orders(const QUrlQuery &query)
{
    const auto page = RequestValidation::page(query);
    if (!page)
        return page.failure();
    OrderQuery out;
    out.page = page.value();
    if (query.hasQueryItem(QStringLiteral("status"))) {
        out.status = query.queryItemValue(QStringLiteral("status"));
        static const QStringList kStatuses { QStringLiteral("PAID"), QStringLiteral("PARTIALLY_REFUNDED"), QStringLiteral("REFUNDED"),
                                             QStringLiteral("CANCELLED") };
        if (!kStatuses.contains(out.status))
            return invalid(QStringLiteral("status"), QStringLiteral("status must be PAID, PARTIALLY_REFUNDED, REFUNDED or CANCELLED"));
    }
    if (query.hasQueryItem(QStringLiteral("fulfilment"))) {
        out.fulfilment = query.queryItemValue(QStringLiteral("fulfilment"));
        static const QStringList kStates { QStringLiteral("UNFULFILLED"), QStringLiteral("PACKED"), QStringLiteral("SHIPPED"),
                                           QStringLiteral("DELIVERED"), QStringLiteral("CANCELLED") };
        if (!kStates.contains(out.fulfilment))
            return invalid(QStringLiteral("fulfilment"),
                           QStringLiteral("fulfilment must be UNFULFILLED, PACKED, SHIPPED, DELIVERED or CANCELLED"));
    }
    if (query.hasQueryItem(QStringLiteral("userId"))) {
        const Result<qint64> user = RequestValidation::id(query.queryItemValue(QStringLiteral("userId")), QStringLiteral("userId"));
        if (!user)
            return user.failure();
        out.userId = user.value();
    }
    for (const QString &name : { QStringLiteral("from"), QStringLiteral("to") }) {
        if (!query.hasQueryItem(name))
            continue;
        const Result<QDate> d = date(query, name);
        if (!d)
            return d.failure();
        (name == QLatin1String("from") ? out.from : out.to) = d.value();
    }
    if (out.from.isValid() && out.to.isValid() && out.to < out.from)
        return invalid(QStringLiteral("to"), QStringLiteral("to must not be before from"));
    if (query.hasQueryItem(QStringLiteral("q"))) {
        out.query = query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
        if (out.query.isEmpty() || out.query.size() > 32)
            return invalid(QStringLiteral("q"), QStringLiteral("q must be 1 to 32 characters"));
    }
    return out;
}

Result<AdminRequests::ReportRange> AdminRequests::reportRange(const QUrlQuery &query, bool withGrouping)
{
    const Result<QDate> from = date(query, QStringLiteral("from"));
    if (!from)
        return from.failure();
    const Result<QDate> to = date(query, QStringLiteral("to"));
    if (!to)
        return to.failure();
    if (to.value() < from.value())
        return invalid(QStringLiteral("to"), QStringLiteral("to must not be before from"));
    if (from->daysTo(to.value()) + 1 > kMaxReportDays)
        return invalid(QStringLiteral("to"), QStringLiteral("a report covers at most 366 days"));
    ReportRange range { from.value(), to.value(), SalesGrouping::Day };
    if (withGrouping && query.hasQueryItem(QStringLiteral("by"))) {
        const QString by = query.queryItemValue(QStringLiteral("by"));
        if (by == QLatin1String("day"))
            range.by = SalesGrouping::Day;
        else if (by == QLatin1String("product"))
            range.by = SalesGrouping::Product;
        else if (by == QLatin1String("category"))
            range.by = SalesGrouping::Category;
        else
            return invalid(QStringLiteral("by"), QStringLiteral("by must be day, product or category"));
    }
    return range;
}

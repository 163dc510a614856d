#include "ShippingRequests.h"

#include "ShippingRules.h"

namespace {
Failure invalid(const QString &field, const QString &message)
{
    return Failure::validation(field, message);
}

Result<QString> optionalString(const QJsonObject &body, const QString &field)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString())
        return invalid(field, QStringLiteral("%1 must be text").arg(field));
    return value.toString().trimmed();
}

Result<ShippingRequests::StatusPage> statusPage(const QUrlQuery &query, const QStringList &statuses)
{
    const auto page = RequestValidation::page(query);
    if (!page)
        return page.failure();
    ShippingRequests::StatusPage out { page.value(), {} };
    if (query.hasQueryItem(QStringLiteral("status"))) {
        out.status = query.queryItemValue(QStringLiteral("status"));
        if (!statuses.contains(out.status))
            return invalid(QStringLiteral("status"), QStringLiteral("status must be %1").arg(statuses.join(QStringLiteral(", "))));
    }
    return out;
}

const QStringList &shippableStates()
{
    static const QStringList kStates { QStringLiteral("UNFULFILLED"), QStringLiteral("PACKED"), QStringLiteral("SHIPPED"),
                                       QStringLiteral("DELIVERED") };
    return kStates;
}
}

Result<ShippingRequests::FulfilmentMove> ShippingRequests::fulfilmentMove(const QJsonObject &body)
{
    FulfilmentMove move;
    const QJsonValue status = body.value(QStringLiteral("status"));
    static const QStringList kStates = shippableStates() + QStringList { QStringLiteral("CANCELLED") };
    if (!status.isString() || !kStates.contains(status.toString()))
        return invalid(QStringLiteral("status"), QStringLiteral("status must be PACKED, SHIPPED or DELIVERED"));
    move.status = status.toString();
    const Result<QString> carrier = optionalString(body, QStringLiteral("carrier"));
    if (!carrier)
        return carrier.failure();
    move.carrier = carrier.value();
    const Result<QString> tracking = optionalString(body, QStringLiteral("trackingNumber"));
    if (!tracking)
        return tracking.failure();
    move.trackingNumber = tracking.value();
    // Only a shipment has a carrier: on another move they would be silently dropped.
    if (move.status != QLatin1String("SHIPPED") && !move.carrier.isEmpty())
        return invalid(QStringLiteral("carrier"), QStringLiteral("carrier is given only with status SHIPPED"));
    if (move.status != QLatin1String("SHIPPED") && !move.trackingNumber.isEmpty())
        return invalid(QStringLiteral("trackingNumber"), QStringLiteral("trackingNumber is given only with status SHIPPED"));
    return move;
}

Result<ShippingRequests::StatusPage> ShippingRequests::fulfilmentQueue(const QUrlQuery &query)
{
    return statusPage(query, shippableStates());
}

Result<ShippingRequests::StatusPage> ShippingRequests::returns(const QUrlQuery &query)
{
    static const QStringList kStates { QStringLiteral("REQUESTED"), QStringLiteral("ACCEPTED"), QStringLiteral("REJECTED") };
    return statusPage(query, kStates);
}

Result<QString> ShippingRequests::shipmentsStatus(const QUrlQuery &query)
{
    if (!query.hasQueryItem(QStringLiteral("status")))
        return QStringLiteral("PACKED");
    const QString status = query.queryItemValue(QStringLiteral("status"));
    if (!shippableStates().contains(status))
        return invalid(QStringLiteral("status"), QStringLiteral("status must be %1").arg(shippableStates().join(QStringLiteral(", "))));
    return status;
}

Result<ShippingRequests::ReturnAsk> ShippingRequests::returnAsk(const QJsonObject &body)
{
    ReturnAsk ask;
    const auto lines = RequestValidation::productLines(body, QStringLiteral("lines"));
    if (!lines)
        return lines.failure();
    for (const auto &[productId, quantity] : lines.value())
        ask.lines.append(RefundLine { productId, quantity });
    const QJsonValue reason = body.value(QStringLiteral("reason"));
    ask.reason = reason.toString().trimmed();
    if (!reason.isString() || ask.reason.isEmpty() || ask.reason.size() > 200)
        return invalid(QStringLiteral("reason"), QStringLiteral("reason must be 1 to 200 characters"));
    return ask;
}

Result<ShippingRequests::ReturnDecision> ShippingRequests::returnDecision(const QJsonObject &body)
{
    ReturnDecision decision;
    const QString said = body.value(QStringLiteral("decision")).toString();
    if (said != QLatin1String("ACCEPT") && said != QLatin1String("REJECT"))
        return invalid(QStringLiteral("decision"), QStringLiteral("decision must be ACCEPT or REJECT"));
    decision.accept = said == QLatin1String("ACCEPT");
    const QJsonValue restock = body.value(QStringLiteral("restock"));
    // Rejecting puts nothing back, so restock is asked only of an acceptance.
    if (!restock.isBool() && (decision.accept || !restock.isUndefined()))
        return invalid(QStringLiteral("restock"), QStringLiteral("restock must be true or false"));
    decision.restock = decision.accept && restock.toBool();
    const Result<QString> note = optionalString(body, QStringLiteral("note"));
    if (!note)
        return note.failure();
    if (note->size() > ShippingRules::kMaxNoteLength)
        return invalid(QStringLiteral("note"), QStringLiteral("note must be at most 200 characters"));
    decision.note = note.value();
    return decision;
}

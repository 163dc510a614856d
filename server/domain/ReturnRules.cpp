#include "ReturnRules.h"

#include "IsoTime.h"
#include "ShippingRules.h"

#include <algorithm>

namespace {
Failure notAllowed(const QString &message, const QJsonObject &details = {})
{
    return Failure { ErrorCode::ReturnNotAllowed, message, details };
}
}

QDateTime ReturnRules::returnableUntil(const Order &order)
{
    if (!order.fulfilment.deliveredAt.isValid())
        return {};
    return order.fulfilment.deliveredAt.addDays(ShippingRules::kReturnWindowDays);
}

qint64 ReturnRules::returnable(const OrderLine &line, qint64 askedBack)
{
    return qMax<qint64>(0, line.quantity - line.refundedQuantity - askedBack);
}

Status ReturnRules::check(const Order &order, const QHash<qint64, qint64> &askedBack, const QList<RefundLine> &wanted,
                          const QDateTime &now)
{
    if (order.fulfilment.status != QLatin1String("DELIVERED"))
        return notAllowed(QStringLiteral("order %1 is %2: only a delivered order takes returns")
                                  .arg(order.id)
                                  .arg(order.fulfilment.status.toLower()));
    if (order.status != QLatin1String("PAID") && order.status != QLatin1String("PARTIALLY_REFUNDED"))
        return notAllowed(QStringLiteral("order %1 is %2: nothing is left to return").arg(order.id).arg(order.status.toLower()));
    const QDateTime until = returnableUntil(order);
    if (now > until)
        return notAllowed(QStringLiteral("returns close %1 days after delivery").arg(ShippingRules::kReturnWindowDays),
                          QJsonObject { { QStringLiteral("deliveredAt"), IsoTime::format(order.fulfilment.deliveredAt) },
                                        { QStringLiteral("returnableUntil"), IsoTime::format(until) } });
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const RefundLine &asked = wanted.at(i);
        const auto line = std::find_if(order.items.cbegin(), order.items.cend(),
                                       [&](const OrderLine &l) { return l.productId == asked.productId; });
        if (line == order.items.cend())
            return Failure::validation(QStringLiteral("lines[%1].productId").arg(i),
                                       QStringLiteral("order %1 has no product %2").arg(order.id).arg(asked.productId));
        const qint64 left = returnable(*line, askedBack.value(asked.productId));
        if (asked.quantity > left)
            return notAllowed(QStringLiteral("only %1 of %2 can be asked back").arg(left).arg(line->name),
                              QJsonObject { { QStringLiteral("productId"), asked.productId },
                                            { QStringLiteral("returnable"), left } });
    }
    return Done {};
}

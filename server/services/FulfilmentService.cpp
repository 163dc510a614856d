#include "FulfilmentService.h"

#include "Database.h"
#include "ShippingRules.h"

namespace {
Failure refused(const QString &message, const QJsonObject &details = {})
{
    return Failure { ErrorCode::InvalidTransition, message, details };
}
}

FulfilmentService::FulfilmentService(Database &database, std::function<void()> eventCommitted)
    : m_database(database), m_orders(database), m_fulfilment(database), m_refunds(database), m_outbox(database),
      m_audit(database), m_eventCommitted(std::move(eventCommitted))
{
}

Result<FulfilmentService::Queue> FulfilmentService::queue(const QString &status, const RequestValidation::PageRequest &page)
{
    const auto found = m_fulfilment.queue(status, page.size, page.offset());
    if (!found)
        return found.failure();
    Queue out;
    out.total = found->second;
    for (const qint64 id : found->first) {
        Result<Order> order = m_orders.get(id);
        if (!order)
            return order.failure();
        out.orders.append(order.value());
    }
    const auto counts = m_fulfilment.counts();
    if (!counts)
        return counts.failure();
    out.counts = counts.value();
    const auto oldest = m_fulfilment.oldestWaiting();
    if (!oldest)
        return oldest.failure();
    out.oldestWaiting = oldest.value();
    return out;
}

Status FulfilmentService::allowed(const Order &order, const ShippingRequests::FulfilmentMove &move)
{
    const QString &from = order.fulfilment.status;
    const QJsonObject states { { QStringLiteral("from"), from }, { QStringLiteral("to"), move.status } };
    if (order.status != QLatin1String("PAID") && order.status != QLatin1String("PARTIALLY_REFUNDED"))
        return refused(QStringLiteral("order %1 is %2: it is not sent anywhere").arg(order.id).arg(order.status.toLower()), states);
    const bool pickup = !order.shipping.has_value();
    const QString next = ShippingRules::nextStatus(from, pickup);
    if (move.status != next) {
        if (pickup && move.status == QLatin1String("SHIPPED"))
            return refused(QStringLiteral("order %1 is picked up in person: it has no address to ship to").arg(order.id), states);
        return refused(next.isEmpty() ? QStringLiteral("order %1 is %2: it moves no further").arg(order.id).arg(from.toLower())
                                      : QStringLiteral("order %1 is %2: its next step is %3").arg(order.id).arg(from.toLower(), next),
                       states);
    }
    if (move.status != QLatin1String("SHIPPED"))
        return Done {};
    if (!ShippingRules::carriers().contains(move.carrier))
        return refused(QStringLiteral("a shipment needs a carrier: %1").arg(ShippingRules::carriers().join(QStringLiteral(", "))),
                       QJsonObject { { QStringLiteral("field"), QStringLiteral("carrier") } });
    if (!ShippingRules::isTrackingNumber(move.trackingNumber))
        return refused(QStringLiteral("a shipment needs a tracking number of 8 to 20 letters or digits"),
                       QJsonObject { { QStringLiteral("field"), QStringLiteral("trackingNumber") } });
    return Done {};
}

Result<Order> FulfilmentService::advance(qint64 orderId, const ShippingRequests::FulfilmentMove &move, qint64 adminId)
{
    bool evented = false;
    Result<Order> moved = m_database.transaction<Order>([&]() -> Result<Order> {
        evented = false;
        // A plain read: the UPDATE below decides, on the state this read saw.
        const Result<Order> before = m_orders.get(orderId);
        if (!before)
            return before.failure();
        if (Status ok = allowed(before.value(), move); !ok)
            return ok.failure();
        const QDateTime at = QDateTime::currentDateTimeUtc();
        const Result<bool> advanced =
                m_fulfilment.advance(orderId, before->fulfilment.status, move.status, move.carrier, move.trackingNumber, at);
        if (!advanced)
            return advanced.failure();
        if (!advanced.value())
            return refused(QStringLiteral("order %1 was moved meanwhile (by another admin, a cancel or a refund)").arg(orderId));
        // The row is ours until COMMIT: this read is the order as the event and the
        // answer must show it (a refund may have committed since the first read).
        Result<Order> after = m_orders.get(orderId);
        if (!after)
            return after.failure();
        if (move.status == QLatin1String("SHIPPED") || move.status == QLatin1String("DELIVERED")) {
            const QString type = move.status == QLatin1String("SHIPPED") ? QStringLiteral("ORDER_SHIPPED") : QStringLiteral("ORDER_DELIVERED");
            if (Status event = m_outbox.add(type, after.value(), at); !event)
                return event.failure();
            evented = true;
        }
        if (Status audited = m_audit.record(adminId, QStringLiteral("order.fulfilment"), QStringLiteral("order"), orderId,
                                            before->toJson(), after->toJson());
            !audited)
            return audited.failure();
        const Result<QList<OrderRefund>> refunds = m_refunds.forOrder(orderId);
        if (!refunds)
            return refunds.failure();
        after.value().withRefunds = true;
        after.value().refunds = refunds.value();
        return after;
    });
    if (moved.ok() && evented && m_eventCommitted)
        m_eventCommitted();
    return moved;
}

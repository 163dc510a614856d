#include "RefundService.h"

#include "Database.h"
#include "RefundShare.h"

RefundService::RefundService(Database &database, std::function<void()> eventCommitted, SalesRecorded salesRecorded)
    : m_database(database), m_orders(database), m_refunds(database), m_wallet(database), m_coupons(database),
      m_products(database), m_stockLedger(database), m_sales(database), m_outbox(database), m_audit(database),
      m_eventCommitted(std::move(eventCommitted)), m_salesRecorded(std::move(salesRecorded))
{
}

Result<Order> RefundService::refund(qint64 orderId, const AdminRequests::RefundRequest &request, qint64 adminId)
{
    QList<OrderLine> refundedUnits;
    Result<Order> done = m_database.transaction<Order>(
            [&]() -> Result<Order> { return refundInside(orderId, request, adminId, refundedUnits); });
    if (done.ok())
        committed(done.value(), refundedUnits);
    return done;
}

void RefundService::committed(const Order &refunded, const QList<OrderLine> &refundedUnits)
{
    if (m_eventCommitted)
        m_eventCommitted();
    if (m_salesRecorded)
        m_salesRecorded(refundedUnits, refunded.paidAt, -1);
}

Result<Order> RefundService::refundInside(qint64 orderId, const AdminRequests::RefundRequest &request, qint64 adminId,
                                        QList<OrderLine> &refundedUnits)
{
    refundedUnits.clear();
    if (Status locked = m_orders.lockForChange(orderId); !locked)
        return locked.failure();
    Result<Order> order = m_orders.get(orderId);
    if (!order)
        return order.failure();
    const Order before = order.value();
    if (order->status != QLatin1String("PAID") && order->status != QLatin1String("PARTIALLY_REFUNDED"))
        return Failure { ErrorCode::OrderNotCancellable,
                         QStringLiteral("order %1 is %2: nothing is left to refund").arg(orderId).arg(order->status.toLower()),
                         {} };

    QHash<qint64, qint64> quantities;
    QHash<qint64, qint64> unitPrices;
    for (qsizetype i = 0; i < request.lines.size(); ++i) {
        const RefundLine &wanted = request.lines.at(i);
        const auto line = std::find_if(order->items.cbegin(), order->items.cend(),
                                       [&](const OrderLine &l) { return l.productId == wanted.productId; });
        if (line == order->items.cend())
            return Failure::validation(QStringLiteral("lines[%1].productId").arg(i),
                                       QStringLiteral("order %1 has no product %2").arg(orderId).arg(wanted.productId));
        const qint64 left = line->quantity - line->refundedQuantity;
        if (wanted.quantity > left)
            return Failure { ErrorCode::RefundExceedsOrder,
                             QStringLiteral("only %1 of %2 is left to refund").arg(left).arg(line->name),
                             QJsonObject { { QStringLiteral("productId"), wanted.productId },
                                           { QStringLiteral("remaining"), left } } };
        quantities.insert(wanted.productId, wanted.quantity);
        unitPrices.insert(wanted.productId, line->unitPrice);
        OrderLine units = *line;
        units.quantity = wanted.quantity;
        units.refundedQuantity = 0;
        refundedUnits.append(units);
    }

    const bool everything = RefundShare::refundsEverything(order.value(), quantities);
    OrderRefund refund;
    refund.lines = request.lines;
    refund.amount = RefundShare::amount(order.value(), quantities);
    refund.restocked = request.restock;
    refund.reason = request.reason;
    const QString status = everything ? QStringLiteral("REFUNDED") : QStringLiteral("PARTIALLY_REFUNDED");

    const Result<bool> added = m_orders.addRefund(orderId, request.lines, refund.amount, status);
    if (!added)
        return added.failure();
    if (!added.value()) // only without the order lock; rolled back whole
        return Failure { ErrorCode::RefundExceedsOrder, QStringLiteral("another refund took these units first"), {} };
    const Result<OrderRefund> stored = m_refunds.insert(orderId, refund, unitPrices, adminId);
    if (!stored)
        return stored.failure();
    refund = stored.value();
    // Past the balance ceiling too: the money was the shopper's (WalletRepository::refund).
    const Result<qint64> credited = m_wallet.refund(order->userId, refund.amount, orderId);
    if (!credited)
        return credited.failure();
    if (everything && order->userCouponId > 0) {
        if (Status released = m_coupons.release(order->userCouponId); !released)
            return released.failure();
    }

    // The order as it is now, for the event, the audit and the answer.
    order.value().status = status;
    if (everything && (order->fulfilment.status == QLatin1String("UNFULFILLED") || order->fulfilment.status == QLatin1String("PACKED")))
        order.value().fulfilment.status = QStringLiteral("CANCELLED"); // as addRefund set it: never shipped
    order.value().refundedAmount += refund.amount;
    for (OrderLine &line : order.value().items)
        line.refundedQuantity += quantities.value(line.productId);
    if (Status event = m_outbox.add(QStringLiteral("ORDER_REFUNDED"), order.value(), refund.createdAt, refund.toJson()); !event)
        return event.failure();
    QJsonObject after = order->toJson();
    after.insert(QStringLiteral("refund"), refund.toJson());
    if (Status audited = m_audit.record(adminId, QStringLiteral("order.refund"), QStringLiteral("order"), orderId,
                                        before.toJson(), after);
        !audited)
        return audited.failure();

    // The hot rows last, in ascending product id (the request is sorted).
    if (request.restock) {
        QList<StockLedgerRepository::Change> back;
        for (const RefundLine &line : request.lines) {
            if (Status given = m_products.giveBack(line.productId, line.quantity); !given)
                return given.failure();
            back.append({ line.productId, line.quantity, QStringLiteral("REFUND"), orderId, request.reason, adminId });
        }
        if (Status ledger = m_stockLedger.record(back); !ledger)
            return ledger.failure();
    }
    if (Status recorded = m_sales.record(refundedUnits, order->paidAt, -1); !recorded)
        return recorded.failure();

    const Result<QList<OrderRefund>> refunds = m_refunds.forOrder(orderId);
    if (!refunds)
        return refunds.failure();
    order.value().withRefunds = true;
    order.value().refunds = refunds.value();
    return order;
}

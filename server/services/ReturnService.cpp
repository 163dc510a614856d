#include "ReturnService.h"

#include "Database.h"
#include "ReturnRules.h"

namespace {
Failure decidedAlready(const ProductReturn &r)
{
    return Failure { ErrorCode::InvalidTransition,
                     QStringLiteral("return %1 is %2: a return is decided once").arg(r.id).arg(r.status.toLower()),
                     QJsonObject { { QStringLiteral("status"), r.status } } };
}
}

ReturnService::ReturnService(Database &database, std::function<void()> eventCommitted, RefundService::SalesRecorded salesRecorded)
    : m_database(database), m_orders(database), m_returns(database), m_audit(database),
      m_refunds(database, std::move(eventCommitted), std::move(salesRecorded))
{
}

Result<ProductReturn> ReturnService::ask(qint64 orderId, qint64 userId, const ShippingRequests::ReturnAsk &ask)
{
    return m_database.transaction<ProductReturn>([&]() -> Result<ProductReturn> {
        // The lock a refund takes: what is refunded and asked back stays as read below.
        if (Status locked = m_orders.lockForChange(orderId); !locked)
            return locked.failure();
        const Result<Order> order = m_orders.get(orderId);
        if (!order)
            return order.failure();
        if (order->userId != userId)
            return Failure { ErrorCode::Forbidden, QStringLiteral("only the order's owner asks for a return"), {} };
        const Result<QHash<qint64, qint64>> asked = m_returns.askedBack(orderId);
        if (!asked)
            return asked.failure();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (Status ok = ReturnRules::check(order.value(), asked.value(), ask.lines, now); !ok)
            return ok.failure();
        const Result<qint64> id = m_returns.insert(orderId, userId, ask.lines, ask.reason, now);
        if (!id)
            return id.failure();
        return m_returns.get(id.value());
    });
}

Result<ProductReturn> ReturnService::decide(qint64 returnId, const ShippingRequests::ReturnDecision &decision, qint64 adminId)
{
    const Result<ProductReturn> asked = m_returns.get(returnId); // which order to lock
    if (!asked)
        return asked;
    Order refunded;
    QList<OrderLine> refundedUnits;
    Result<ProductReturn> decided = m_database.transaction<ProductReturn>([&]() -> Result<ProductReturn> {
        refundedUnits.clear();
        if (Status locked = m_orders.lockForChange(asked->orderId); !locked)
            return locked.failure();
        // Read again under the lock: every decision takes it first, so this one is current.
        const Result<ProductReturn> before = m_returns.get(returnId);
        if (!before)
            return before.failure();
        if (before->status != QLatin1String("REQUESTED"))
            return decidedAlready(before.value());
        qint64 refundId = 0;
        if (decision.accept) {
            AdminRequests::RefundRequest request { before->lines, decision.restock,
                                                   QStringLiteral("return %1: %2").arg(returnId).arg(before->reason).left(200) };
            const Result<Order> order = m_refunds.refundInside(before->orderId, request, adminId, refundedUnits);
            // Wholly refunded meanwhile: for this return, as for a line, its units are gone.
            if (!order && order.failure().code == ErrorCode::OrderNotCancellable)
                return Failure { ErrorCode::RefundExceedsOrder,
                                 QStringLiteral("order %1 was refunded meanwhile: nothing is left for return %2")
                                         .arg(before->orderId)
                                         .arg(returnId),
                                 {} };
            if (!order)
                return order.failure();
            refunded = order.value();
            refundId = refunded.refunds.isEmpty() ? 0 : refunded.refunds.last().id; // by id: this one is the last
        }
        const QString status = decision.accept ? QStringLiteral("ACCEPTED") : QStringLiteral("REJECTED");
        const Result<bool> changed = m_returns.decide(returnId, status, decision.restock, decision.note, adminId, refundId,
                                                      QDateTime::currentDateTimeUtc());
        if (!changed)
            return changed.failure();
        if (!changed.value()) // only without the order's lock
            return decidedAlready(before.value());
        const Result<ProductReturn> after = m_returns.get(returnId);
        if (!after)
            return after.failure();
        if (Status audited = m_audit.record(adminId, decision.accept ? QStringLiteral("return.accept") : QStringLiteral("return.reject"),
                                            QStringLiteral("order"), before->orderId, before->toJson(), after->toJson());
            !audited)
            return audited.failure();
        return after;
    });
    if (decided.ok() && decision.accept)
        m_refunds.committed(refunded, refundedUnits);
    return decided;
}

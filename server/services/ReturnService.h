#pragma once

#include "AuditRepository.h"
#include "OrderRepository.h"
#include "RefundService.h"
#include "ReturnRepository.h"
#include "ShippingRequests.h"

// Returns (API.md, Shipping): the owner asks for delivered units back within 14 days; an
// admin accepts (a refund of those lines by RefundService itself: the same share rule,
// ledger, restock, event and audit, in the decision's one transaction) or rejects, once.
// Every step locks the order row first, as a refund and a cancel do, so a return and a
// refund of the same line queue there and each reads what the other left: together they
// never give back more than was bought.
class ReturnService
{
public:
    ReturnService(Database &database, std::function<void()> eventCommitted, RefundService::SalesRecorded salesRecorded = {});

    // userId: who asks (only the order's owner may: FORBIDDEN otherwise).
    Result<ProductReturn> ask(qint64 orderId, qint64 userId, const ShippingRequests::ReturnAsk &ask);
    Result<ProductReturn> get(qint64 returnId) { return m_returns.get(returnId); }
    Result<QPair<QList<ProductReturn>, qint64>> forUser(qint64 userId, const RequestValidation::PageRequest &page)
    {
        return m_returns.forUser(userId, page.size, page.offset());
    }
    Result<QPair<QList<ProductReturn>, qint64>> list(const QString &status, const RequestValidation::PageRequest &page)
    {
        return m_returns.list(status, page.size, page.offset());
    }
    // INVALID_TRANSITION when it was decided already; an acceptance whose units a refund
    // took meanwhile is 409 REFUND_EXCEEDS_ORDER, nothing changed.
    Result<ProductReturn> decide(qint64 returnId, const ShippingRequests::ReturnDecision &decision, qint64 adminId);

private:
    Database &m_database;
    OrderRepository m_orders;
    ReturnRepository m_returns;
    AuditRepository m_audit;
    RefundService m_refunds;
};

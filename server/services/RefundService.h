#pragma once

#include "AdminRequests.h"
#include "AuditRepository.h"
#include "CouponRepository.h"
#include "OrderRepository.h"
#include "OutboxRepository.h"
#include "ProductRepository.h"
#include "RefundRepository.h"
#include "SalesRepository.h"
#include "StockLedgerRepository.h"
#include "WalletRepository.h"

#include <functional>

// Refunds by line (API.md, Running the shop). One transaction per refund, in DESIGN.md's
// lock order: the order row first (SELECT … FOR UPDATE, so concurrent refunds and a
// cancel of one order queue there and each sees what the previous one left), then the
// rows only this order's buyer touches (their balance, their coupon), the inserts
// (refund, ledger, outbox, audit), and the shared hot rows last in ascending product
// id (stock, its ledger, the hour's sales bucket). The amount is RefundShare's, the rule
// the app previews with.
class RefundService
{
public:
    // eventCommitted: after a refund committed (wakes the relay); may be empty.
    // salesRecorded: the refunded units, once committed (the live rankings, sign -1).
    using SalesRecorded = std::function<void(const QList<OrderLine> &lines, const QDateTime &paidAt, int sign)>;
    RefundService(Database &database, std::function<void()> eventCommitted, SalesRecorded salesRecorded = {});

    // The order after the refund, its refunds listed. REFUND_EXCEEDS_ORDER when a line
    // would refund more units than are left; ORDER_NOT_CANCELLABLE when the order is
    // cancelled or fully refunded; VALIDATION_FAILED for a product not in the order.
    Result<Order> refund(qint64 orderId, const AdminRequests::RefundRequest &request, qint64 adminId);

    // The same refund inside the caller's transaction, for a write that must commit or
    // roll back with it (ReturnService's acceptance); `refundedUnits` gets the units for
    // committed(), which the caller runs once its transaction committed.
    Result<Order> refundInside(qint64 orderId, const AdminRequests::RefundRequest &request, qint64 adminId,
                               QList<OrderLine> &refundedUnits);
    void committed(const Order &refunded, const QList<OrderLine> &refundedUnits);

private:

    Database &m_database;
    OrderRepository m_orders;
    RefundRepository m_refunds;
    WalletRepository m_wallet;
    CouponRepository m_coupons;
    ProductRepository m_products;
    StockLedgerRepository m_stockLedger;
    SalesRepository m_sales;
    OutboxRepository m_outbox;
    AuditRepository m_audit;
    std::function<void()> m_eventCommitted;
    SalesRecorded m_salesRecorded;
};

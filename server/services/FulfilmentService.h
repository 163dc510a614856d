#pragma once

#include "AuditRepository.h"
#include "FulfilmentRepository.h"
#include "OrderRepository.h"
#include "OutboxRepository.h"
#include "RefundRepository.h"
#include "ShippingRequests.h"

#include <functional>

// From paid to delivered (API.md, Shipping): the packing queue and the moves forward.
// A move is decided by one conditional UPDATE on the order's fulfilment state (never a
// read-then-write), so of two admins moving one order at once exactly one wins and the
// other gets 409 INVALID_TRANSITION; a cancel or a refund racing it is decided the same
// way, on the same row. ORDER_SHIPPED and ORDER_DELIVERED go to the outbox in the move's
// transaction, after the row's lock is held, so they follow the order's earlier events.
class FulfilmentService
{
public:
    // eventCommitted: after a move that wrote an event committed (wakes the relay).
    FulfilmentService(Database &database, std::function<void()> eventCommitted);

    struct Queue {
        QList<Order> orders; // oldest paid first
        qint64 total = 0;
        QMap<QString, qint64> counts; // UNFULFILLED, PACKED, SHIPPED
        QDateTime oldestWaiting; // invalid: nothing waits to ship
    };
    // PAID and PARTIALLY_REFUNDED orders in fulfilment `status` (empty: any).
    Result<Queue> queue(const QString &status, const RequestValidation::PageRequest &page);
    // The order after the move, its refunds listed. INVALID_TRANSITION (nothing changed)
    // for anything but the one next step, a shipment without a carrier, tracking number
    // or address, an order cancelled or wholly refunded, or a move another got in first.
    Result<Order> advance(qint64 orderId, const ShippingRequests::FulfilmentMove &move, qint64 adminId);

private:
    // Whether `move` is the step `order` may take now; the refusal otherwise.
    static Status allowed(const Order &order, const ShippingRequests::FulfilmentMove &move);

    Database &m_database;
    OrderRepository m_orders;
    FulfilmentRepository m_fulfilment;
    RefundRepository m_refunds;
    OutboxRepository m_outbox;
    AuditRepository m_audit;
    std::function<void()> m_eventCommitted;
};

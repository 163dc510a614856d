#pragma once

#include "CouponRepository.h"
#include "IdempotencyStore.h"
#include "IdempotentAnswer.h"
#include "OperationLocks.h"
#include "OrderRepository.h"
#include "OutboxRepository.h"
#include "ProductRepository.h"
#include "RequestValidation.h"
#include "SalesRepository.h"
#include "WalletRepository.h"

// Orders with all-or-nothing payment (DESIGN.md, Concurrency): one transaction; the
// rows only this user touches first (their coupon, their balance), the inserts next,
// the shared hot rows (product stock, the hour's sales bucket) last in ascending
// product id, each decided by a conditional UPDATE. Any failure rolls back everything;
// deadlock victims are run again before the user sees anything. Each paid or cancelled
// order writes its event to the outbox in that same transaction.
class OrderService
{
public:
    // eventCommitted: called after a transaction that wrote an outbox event has
    // committed (wakes the relay); may be empty.
    // afterCommit: what a paid (+1) or cancelled (-1) order's lines do once committed
    // (the live rankings); may be empty. locks: may be null (MySQL's row locks alone).
    using SalesRecorded = std::function<void(const QList<OrderLine> &lines, const QDateTime &paidAt, int sign)>;
    OrderService(Database &database, std::function<void()> eventCommitted, SalesRecorded salesRecorded = {},
                 OperationLocks *locks = nullptr);

    Result<IdempotentAnswer> place(const RequestValidation::OrderRequest &request, const QString &key,
                                   const QByteArray &requestHash);
    Result<Order> get(qint64 orderId) { return m_orders.get(orderId); }
    Result<QPair<QList<Order>, qint64>> forUser(qint64 userId, const RequestValidation::PageRequest &page)
    {
        return m_orders.forUser(userId, page.size, page.offset());
    }
    // Refund to the balance, stock back, coupon AVAILABLE again if still in its window.
    Result<Order> cancel(qint64 orderId);

private:
    Result<IdempotentAnswer> placeOnce(const RequestValidation::OrderRequest &request, const QString &key,
                                       const QByteArray &requestHash);
    Result<Order> pay(const RequestValidation::OrderRequest &request);

    Database &m_database;
    ProductRepository m_products;
    CouponRepository m_coupons;
    WalletRepository m_wallet;
    OrderRepository m_orders;
    SalesRepository m_sales;
    IdempotencyStore m_keys;
    OutboxRepository m_outbox;
    std::function<void()> m_eventCommitted;
    SalesRecorded m_salesRecorded;
    OperationLocks *m_locks;
};

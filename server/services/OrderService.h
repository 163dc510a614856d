#pragma once

#include "AddressRepository.h"
#include "AuditRepository.h"
#include "CouponRepository.h"
#include "IdempotencyStore.h"
#include "IdempotentAnswer.h"
#include "OperationLocks.h"
#include "OrderBatcher.h"
#include "OrderRepository.h"
#include "OrderRows.h"
#include "OutboxRepository.h"
#include "ProductRepository.h"
#include "RequestValidation.h"
#include "RefundRepository.h"
#include "SalesRepository.h"
#include "StockLedgerRepository.h"
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
    // batcher: may be null (every order its own transaction); not used with Redis locks,
    // whose point is one order at a time under its lock.
    OrderService(Database &database, std::function<void()> eventCommitted, SalesRecorded salesRecorded = {},
                 OperationLocks *locks = nullptr, OrderBatcher *batcher = nullptr);

    Result<IdempotentAnswer> place(const RequestValidation::OrderRequest &request, const QString &key,
                                   const QByteArray &requestHash);
    // The order with its refunds (the single-order answer).
    Result<Order> get(qint64 orderId);
    Result<QPair<QList<Order>, qint64>> forUser(qint64 userId, const RequestValidation::PageRequest &page)
    {
        return m_orders.forUser(userId, page.size, page.offset());
    }
    // The admin's list (API.md, Running the shop): newest first.
    Result<QPair<QList<Order>, qint64>> search(const OrderRepository::Filter &filter, const RequestValidation::PageRequest &page)
    {
        return m_orders.search(filter, page.size, page.offset());
    }
    // What is left of the paid amount back to the balance, every unit not yet refunded
    // back in stock, the coupon AVAILABLE again if still in its window; only before it
    // ships (UNFULFILLED or PACKED). adminId > 0: an admin cancels (audited).
    Result<Order> cancel(qint64 orderId, qint64 adminId = 0);

private:
    // The orders of one batch (OrderBatcher): one transaction, each order from its own
    // savepoint, the shared hot rows once for all; each order's answer set. Falls back
    // to placeOnce() for each when the batch cannot go through as one.
    void placeBatch(const QList<OrderBatcher::Order *> &batch);
    // One order's own rows, inside its transaction (alone or a batch's): its key
    // claimed, pay(), its answer stored. A stored answer comes back as replayed.
    Result<IdempotentAnswer> payWithKey(const OrderBatcher::Order &order, Order &paid,
                                        const QHash<qint64, Product> *prices = nullptr);
    Result<IdempotentAnswer> placeOnce(const OrderBatcher::Order &order);
    // The order's own rows: prices read, the order and its lines, the coupon, the
    // balance and its ledger row, the outbox event.
    // The order as it would be paid, from `products`: its lines, the coupon's discount
    // (the coupon read into `coupon`), the address copied. Reads only.
    Result<Order> priced(const RequestValidation::OrderRequest &request, const QHash<qint64, Product> &products,
                         UserCoupon *coupon);
    // `prices`: the batch's products read once for all its orders; null: read here.
    Result<Order> pay(const RequestValidation::OrderRequest &request, const QHash<qint64, Product> *prices = nullptr);

    Database &m_database;
    ProductRepository m_products;
    CouponRepository m_coupons;
    WalletRepository m_wallet;
    OrderRepository m_orders;
    SalesRepository m_sales;
    IdempotencyStore m_keys;
    OutboxRepository m_outbox;
    StockLedgerRepository m_stockLedger;
    RefundRepository m_refunds;
    AuditRepository m_audit;
    AddressRepository m_addresses;
    OrderRows m_rows;
    std::function<void()> m_eventCommitted;
    SalesRecorded m_salesRecorded;
    OperationLocks *m_locks;
    OrderBatcher *m_batcher;
};

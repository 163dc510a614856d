#pragma once

#include "RequestValidation.h"
#include "TransactionBatcher.h"

// An order waiting for its answer in OrderBatcher.
struct BatchedOrder {
    RequestValidation::OrderRequest request;
    QString key; // Idempotency-Key, may be empty
    QByteArray requestHash;
    std::optional<Result<IdempotentAnswer>> answer; // set by the batch that ran it
};

// Orders that meet on a hot product share a transaction (TransactionBatcher): an
// order's lane is its first (lowest) product id. OrderService::placeBatch runs a batch:
// one transaction, a savepoint each, the hot rows once, one COMMIT.
class OrderBatcher : public TransactionBatcher<BatchedOrder>
{
public:
    using Order = BatchedOrder;

    explicit OrderBatcher(int cap, int inFlight = 4) : TransactionBatcher(cap, inFlight) { }

    Result<IdempotentAnswer> place(Order &order, const Runner &runner)
    {
        return TransactionBatcher::place(order.request.items.isEmpty() ? 0 : order.request.items.first().first, order, runner);
    }
    QByteArray prometheus() const { return TransactionBatcher::prometheus("order"); }
};

#pragma once

#include "IdempotentAnswer.h"
#include "RequestValidation.h"

#include <QtCore/QList>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <unordered_map>

// Gathers the orders that meet on a hot product (DESIGN.md, batching of hot rows;
// issue 28). Each order has a lane: its first (lowest) product id. A lane runs up to
// `inFlight` transactions at once: an order that finds fewer running runs at once,
// alone — nothing waits for company. Orders that arrive while the lane is full queue;
// when one of its transactions ends, the first of them leads the next batch: up to
// `cap` queued orders, run by the leader's worker on its own connection
// (OrderService::placeBatch: one transaction, a savepoint each, the hot rows once, one
// COMMIT), each answered with its own result after that COMMIT. So no order waits
// behind more than one batch of its lane, one transaction carries many orders, and
// the lane's transactions still overlap everything but their hot rows (taken last).
//
// Shared by every worker of one server (thread-safe); the workers' handlers block here
// as they would on the hot row's lock.
class OrderBatcher
{
public:
    struct Order {
        RequestValidation::OrderRequest request;
        QString key; // Idempotency-Key, may be empty
        QByteArray requestHash;
        std::optional<Result<IdempotentAnswer>> answer; // set by the batch that ran it
    };
    // Runs a batch (one or more orders) and sets every order's answer.
    using Runner = std::function<void(const QList<Order *> &batch)>;

    explicit OrderBatcher(int cap, int inFlight = 4) : m_cap(cap < 1 ? 1 : cap), m_inFlight(inFlight < 1 ? 1 : inFlight) { }
    OrderBatcher(const OrderBatcher &) = delete;
    OrderBatcher &operator=(const OrderBatcher &) = delete;

    int cap() const { return m_cap; }
    // Blocks until `order` has its answer; `runner` is called on this thread when it
    // leads a batch.
    Result<IdempotentAnswer> place(Order &order, const Runner &runner);

    struct Counts {
        qint64 batches = 0;   // transactions run through here
        qint64 orders = 0;    // orders in them
        int largest = 0;
        qint64 fallbacks = 0; // batches whose orders ran one by one after all
    };
    Counts counts() const;
    // A batch of more than one order could not go through as one (OrderService).
    void countFallback();
    // The counts in Prometheus' text format (GET /metrics).
    QByteArray prometheus() const;
    // Orders waiting for the lane's next batch (tests: a batch made on purpose).
    int queued(qint64 lane) const;

private:
    struct Waiter {
        Order *order = nullptr;
        bool done = false;
        bool leads = false;
        QList<Waiter *> batch; // set when this waiter leads
    };
    struct Lane {
        int running = 0; // transactions of this lane in flight
        std::deque<Waiter *> queued;
    };

    const int m_cap;
    const int m_inFlight;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::unordered_map<qint64, Lane> m_lanes;
    Counts m_counts;
};

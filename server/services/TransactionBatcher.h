#pragma once

#include "IdempotentAnswer.h"
#include "Result.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <unordered_map>

// Gathers work that would otherwise be one transaction each into shared transactions
// (DESIGN.md, batching of hot rows; issue 28): orders meeting on a hot product
// (OrderBatcher), charges (ChargeBatcher). Each item has a lane. A lane runs up to
// `inFlight` transactions at once: an item that finds fewer running runs at once,
// alone — nothing waits for company. Items that arrive while the lane is full queue;
// when one of its transactions ends, the first of them leads the next batch: up to
// `cap` queued items, run by the leader's worker on its own connection, each answered
// with its own result after that batch's COMMIT. So no item waits behind more than one
// batch of its lane, and the lane's transactions still overlap.
//
// Item: anything with `std::optional<Result<IdempotentAnswer>> answer`, which the
// runner sets. Shared by every worker of one server (thread-safe); the workers'
// handlers block here as they would on a row lock.
template<typename Item>
class TransactionBatcher
{
public:
    // Runs a batch (one or more items) and sets every item's answer.
    using Runner = std::function<void(const QList<Item *> &batch)>;

    TransactionBatcher(int cap, int inFlight) : m_cap(std::max(1, cap)), m_inFlight(std::max(1, inFlight)) { }
    TransactionBatcher(const TransactionBatcher &) = delete;
    TransactionBatcher &operator=(const TransactionBatcher &) = delete;

    int cap() const { return m_cap; }

    // Blocks until `item` has its answer; `runner` is called on this thread when it
    // leads a batch.
    Result<IdempotentAnswer> place(qint64 laneId, Item &item, const Runner &runner)
    {
        Waiter self;
        self.item = &item;
        std::unique_lock lock(m_mutex);
        Lane &lane = m_lanes[laneId];
        if (lane.running < m_inFlight) {
            ++lane.running;
            self.leads = true;
            self.batch = { &self };
        } else {
            lane.queued.push_back(&self);
            m_changed.wait(lock, [&] { return self.done || self.leads; });
            if (self.done)
                return *item.answer;
        }
        lock.unlock();

        QList<Item *> items;
        for (Waiter *waiter : std::as_const(self.batch))
            items << waiter->item;
        runner(items);

        lock.lock();
        ++m_counts.batches;
        m_counts.items += items.size();
        m_counts.largest = std::max(m_counts.largest, int(items.size()));
        for (Waiter *waiter : std::as_const(self.batch))
            waiter->done = true;
        Lane &after = m_lanes[laneId];
        if (after.queued.empty()) {
            if (--after.running == 0)
                m_lanes.erase(laneId);
        } else {
            // This transaction's place in the lane passes to the next batch: every item
            // queued meanwhile, up to the cap, led by the first.
            Waiter *leader = after.queued.front();
            while (!after.queued.empty() && leader->batch.size() < m_cap) {
                leader->batch << after.queued.front();
                after.queued.pop_front();
            }
            leader->leads = true;
        }
        m_changed.notify_all();
        return *item.answer;
    }

    struct Counts {
        qint64 batches = 0;   // transactions run through here
        qint64 items = 0;     // items in them
        int largest = 0;
        qint64 fallbacks = 0; // batches whose items ran one by one after all
    };
    Counts counts() const
    {
        std::lock_guard lock(m_mutex);
        return m_counts;
    }
    // A batch of more than one item could not go through as one.
    void countFallback()
    {
        std::lock_guard lock(m_mutex);
        ++m_counts.fallbacks;
    }
    // Items waiting for the lane's next batch (tests: a batch made on purpose).
    int queued(qint64 laneId) const
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_lanes.find(laneId);
        return found == m_lanes.end() ? 0 : int(found->second.queued.size());
    }
    // The counts in Prometheus' text format, as storefront_<what>_… (GET /metrics).
    QByteArray prometheus(const QByteArray &what) const
    {
        const Counts now = counts();
        const QByteArray name = "storefront_" + what;
        const auto metric = [](const QByteArray &metric, const char *type, const char *help, qint64 value) {
            return "# HELP " + metric + ' ' + help + "\n# TYPE " + metric + ' ' + type + '\n' + metric + ' '
                    + QByteArray::number(value) + '\n';
        };
        return metric(name + "_transactions_total", "counter", "Transactions run (one alone, or a batch).", now.batches)
                + metric(name + "_batched_total", "counter", "Items those transactions carried.", now.items)
                + metric(name + "_batch_largest", "gauge", "The most items one transaction carried.", now.largest)
                + metric(name + "_batch_fallbacks_total", "counter",
                         "Batches that could not go through as one and ran one by one.", now.fallbacks);
    }

private:
    struct Waiter {
        Item *item = nullptr;
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

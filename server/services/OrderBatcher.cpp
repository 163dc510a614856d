#include "OrderBatcher.h"

Result<IdempotentAnswer> OrderBatcher::place(Order &order, const Runner &runner)
{
    const qint64 laneId = order.request.items.isEmpty() ? 0 : order.request.items.first().first;
    Waiter self;
    self.order = &order;
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
            return *order.answer;
    }
    lock.unlock();

    QList<Order *> orders;
    for (Waiter *waiter : std::as_const(self.batch))
        orders << waiter->order;
    runner(orders);

    lock.lock();
    ++m_counts.batches;
    m_counts.orders += orders.size();
    m_counts.largest = std::max(m_counts.largest, int(orders.size()));
    for (Waiter *waiter : std::as_const(self.batch))
        waiter->done = true;
    // The next batch: every order queued meanwhile, up to the cap, led by the first.
    Lane &after = m_lanes[laneId];
    if (after.queued.empty()) {
        if (--after.running == 0)
            m_lanes.erase(laneId);
    } else {
        // This transaction's place in the lane passes to the next batch.
        Waiter *leader = after.queued.front();
        while (!after.queued.empty() && leader->batch.size() < m_cap) {
            leader->batch << after.queued.front();
            after.queued.pop_front();
        }
        leader->leads = true;
    }
    m_changed.notify_all();
    return *order.answer;
}

OrderBatcher::Counts OrderBatcher::counts() const
{
    std::lock_guard lock(m_mutex);
    return m_counts;
}

int OrderBatcher::queued(qint64 lane) const
{
    std::lock_guard lock(m_mutex);
    const auto found = m_lanes.find(lane);
    return found == m_lanes.end() ? 0 : int(found->second.queued.size());
}

void OrderBatcher::countFallback()
{
    std::lock_guard lock(m_mutex);
    ++m_counts.fallbacks;
}

QByteArray OrderBatcher::prometheus() const
{
    const Counts now = counts();
    return "# HELP storefront_order_transactions_total Order transactions run (one order alone, or a batch).\n"
           "# TYPE storefront_order_transactions_total counter\nstorefront_order_transactions_total "
            + QByteArray::number(now.batches)
            + "\n# HELP storefront_order_transaction_orders_total Orders those transactions carried.\n"
              "# TYPE storefront_order_transaction_orders_total counter\nstorefront_order_transaction_orders_total "
            + QByteArray::number(now.orders)
            + "\n# HELP storefront_order_batch_largest The most orders one transaction carried.\n"
              "# TYPE storefront_order_batch_largest gauge\nstorefront_order_batch_largest "
            + QByteArray::number(now.largest)
            + "\n# HELP storefront_order_batch_fallbacks_total Batches that did not fit (stock, a deadlock) and ran one by one.\n"
              "# TYPE storefront_order_batch_fallbacks_total counter\nstorefront_order_batch_fallbacks_total "
            + QByteArray::number(now.fallbacks) + '\n';
}

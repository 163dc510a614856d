#include "WorkerPool.h"

#include "ReusePortListener.h"

#include <unistd.h>

WorkerPool::~WorkerPool()
{
    stop();
}

Status WorkerPool::start(const Options &options)
{
    if (options.workers < 1)
        return Failure::validation(QStringLiteral("workers"), QStringLiteral("at least one worker is needed"));
    m_openConnections = std::make_shared<std::atomic<int>>(0);
    // The exclusive probe fails while anyone listens there (another Storefront too),
    // and fixes the port when port 0 was asked for.
    const Result<ReusePortListener> free = ReusePortListener::open(options.address, options.port, 0, true);
    if (!free)
        return Failure { ErrorCode::Unavailable,
                         QStringLiteral("%1 (is another server running there?)").arg(free.failure().message), {} };
    Result<ReusePortListener> listener = ReusePortListener::open(options.address, free->port);
    if (!listener)
        return listener.failure();
    m_port = listener->port;
    ConnectionPolicy policy = options.policy;
    if (!policy.bodiesInFlight)
        policy.bodiesInFlight = std::make_shared<std::atomic<qint64>>(0); // one budget for every worker
    for (int i = 0; i < options.workers; ++i) {
        HttpWorker::Setup setup { i,
                                  ::dup(listener->fd),
                                  true,
                                  policy,
                                  m_openConnections,
                                  options.mysql,
                                  options.redis,
                                  options.metrics,
                                  options.dependencies,
                                  options.installRoutes };
        m_workers.push_back(std::make_unique<HttpWorker>(std::move(setup)));
        m_workers.back()->startAndWait();
    }
    m_dispatcher = std::make_unique<ConnectionDispatcher>(listener->fd, [this](qintptr fd) { handOver(fd); });
    m_dispatcher->start();
    return Done {};
}

void WorkerPool::handOver(qintptr descriptor)
{
    // The fewest open connections wins; ties go round, so idle workers share new ones.
    const size_t n = m_workers.size();
    size_t best = m_nextWorker % n;
    int bestLoad = m_workers[best]->load();
    for (size_t step = 1; step < n && bestLoad > 0; ++step) {
        const size_t i = (m_nextWorker + step) % n;
        const int load = m_workers[i]->load();
        if (load < bestLoad) {
            best = i;
            bestLoad = load;
        }
    }
    m_nextWorker = best + 1;
    m_workers[best]->adopt(descriptor);
}

void WorkerPool::stop(int graceMs)
{
    // No new connections first; then the workers finish what they have.
    m_dispatcher.reset();
    if (m_workers.empty())
        return;
    const QDeadlineTimer deadline(graceMs);
    for (auto &worker : m_workers)
        worker->beginShutdown(deadline);
    for (auto &worker : m_workers)
        worker->wait();
    m_workers.clear();
}

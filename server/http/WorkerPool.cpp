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
    // All listeners are opened before any worker starts, so a taken port fails the
    // start cleanly; the first one fixes the port when port 0 was asked for.
    std::vector<int> fds;
    const Result<ReusePortListener> free = ReusePortListener::open(options.address, options.port, 0, true);
    if (!free)
        return Failure { ErrorCode::Unavailable,
                         QStringLiteral("%1 (is another server running there?)").arg(free.failure().message), {} };
    quint16 port = free->port;
    for (int i = 0; i < options.workers; ++i) {
        Result<ReusePortListener> listener = ReusePortListener::open(options.address, port);
        if (!listener) {
            for (const int fd : fds)
                ::close(fd);
            return listener.failure();
        }
        port = listener->port;
        fds.push_back(listener->fd);
    }
    m_port = port;
    for (int i = 0; i < options.workers; ++i) {
        HttpWorker::Setup setup { i,
                                  fds[size_t(i)],
                                  options.policy,
                                  m_openConnections,
                                  options.mysql,
                                  options.redis,
                                  options.metrics,
                                  options.kafka,
                                  options.installRoutes };
        m_workers.push_back(std::make_unique<HttpWorker>(std::move(setup)));
        m_workers.back()->startAndWait();
    }
    return Done {};
}

void WorkerPool::stop(int graceMs)
{
    if (m_workers.empty())
        return;
    const QDeadlineTimer deadline(graceMs);
    for (auto &worker : m_workers)
        worker->beginShutdown(deadline);
    for (auto &worker : m_workers)
        worker->wait();
    m_workers.clear();
}

#pragma once

#include "ConnectionDispatcher.h"
#include "HttpWorker.h"

#include <QtNetwork/QHostAddress>

#include <vector>

// The HTTP front: one listening socket, an acceptor that hands each connection to the
// least-loaded of N workers (ConnectionDispatcher).
class WorkerPool
{
public:
    struct Options {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 8080; // 0: the kernel picks one (tests)
        int workers = 16;
        ConnectionPolicy policy;
        MysqlEndpoint mysql;
        RedisEndpoint redis;
        HttpMetrics *metrics = nullptr;
        const DependencyMonitor *dependencies = nullptr;
        HttpWorker::RouteInstaller installRoutes;
    };

    WorkerPool() = default;
    ~WorkerPool();
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    Status start(const Options &options);
    // Graceful: stop accepting, finish what is in flight (up to the grace period), end.
    void stop(int graceMs = 10000);

    quint16 port() const { return m_port; }
    int openConnections() const { return m_openConnections ? m_openConnections->load() : 0; }

private:
    void handOver(qintptr descriptor);

    std::vector<std::unique_ptr<HttpWorker>> m_workers;
    std::unique_ptr<ConnectionDispatcher> m_dispatcher;
    size_t m_nextWorker = 0; // touched only on the acceptor's thread
    std::shared_ptr<std::atomic<int>> m_openConnections;
    quint16 m_port = 0;
};

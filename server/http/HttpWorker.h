#pragma once

#include "ConnectionPolicy.h"
#include "MysqlEndpoint.h"
#include "RedisEndpoint.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QSemaphore>
#include <QtCore/QThread>

#include <atomic>
#include <functional>
#include <memory>

class GatedTcpServer;
class HttpMetrics;
class DependencyMonitor;
class Router;
struct WorkerContext;

// One worker: a thread with its own event loop, HTTP server, gated connection server
// (fed by the acceptor, or listening on a socket of its own), MySQL connection and
// Redis connection. Handlers run here,
// synchronously (DESIGN.md, Runtime): no QFuture answers on Qt 6.4.2.
class HttpWorker : public QThread
{
    Q_OBJECT
public:
    using RouteInstaller = std::function<void(Router &, WorkerContext &)>;

    struct Setup {
        int index = 0;
        int listenerFd = -1;
        // Connections come through adopt(); listenerFd is then a duplicate of the
        // acceptor's socket on which this worker never accepts (pauseAccepting).
        bool fedByAcceptor = false;
        ConnectionPolicy policy;
        std::shared_ptr<std::atomic<int>> openConnections;
        MysqlEndpoint mysql;
        RedisEndpoint redis;
        HttpMetrics *metrics = nullptr;
        const DependencyMonitor *dependencies = nullptr;
        RouteInstaller installRoutes;
    };

    explicit HttpWorker(Setup setup, QObject *parent = nullptr);
    ~HttpWorker() override;

    // Blocks until the worker listens (its routes installed, its connections tried).
    void startAndWait();
    // Stops accepting, lets answers in flight go out, then ends the thread. Returns at
    // once; wait() for the end. Connections still busy at the deadline are cut.
    void beginShutdown(QDeadlineTimer deadline);
    // A connection the acceptor took for this worker (thread-safe; closed if the worker
    // is gone).
    void adopt(qintptr descriptor);
    // Its open connections, for the acceptor's choice.
    int load() const;

protected:
    void run() override;

private:
    Setup m_setup;
    QSemaphore m_listening;
    std::atomic<GatedTcpServer *> m_tcp { nullptr };
    // Connections handed over by the acceptor and not yet taken by this worker's loop
    // (busy in a handler): counted in load() at once, so a burst of new connections is
    // not all given to the worker whose count has not caught up.
    std::atomic<int> m_handedOver { 0 };
};

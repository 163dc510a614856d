#pragma once

#include <QtCore/QThread>

#include <functional>

// Accepts on the one listening socket, on a thread of its own, and hands each new
// connection to the worker with the fewest open connections (DESIGN.md, Runtime):
// SO_REUSEPORT spreads connections by a hash of their addresses, so a few busy
// keep-alive clients could share one worker while others idled; measured 3.4-8.6x
// between workers (docs/reports/concurrency.md). A connection stays on its worker.
class ConnectionDispatcher : public QThread
{
    Q_OBJECT
public:
    // handOver(fd): give the accepted descriptor to a worker (thread-safe).
    ConnectionDispatcher(int listenerFd, std::function<void(qintptr)> handOver, QObject *parent = nullptr);
    ~ConnectionDispatcher() override;

    // Stops accepting and ends the thread; the listening socket is closed.
    void stop();

protected:
    void run() override;

private:
    int m_listenerFd;
    std::function<void(qintptr)> m_handOver;
};

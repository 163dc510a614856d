#include "ConnectionDispatcher.h"

#include <QtCore/QLoggingCategory>
#include <QtNetwork/QTcpServer>

#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace {
// A QTcpServer that never makes a socket of its own: it passes each descriptor on.
class HandingServer : public QTcpServer
{
public:
    explicit HandingServer(std::function<void(qintptr)> handOver) : m_handOver(std::move(handOver)) { }

protected:
    void incomingConnection(qintptr descriptor) override { m_handOver(descriptor); }

private:
    std::function<void(qintptr)> m_handOver;
};
}

ConnectionDispatcher::ConnectionDispatcher(int listenerFd, std::function<void(qintptr)> handOver, QObject *parent)
    : QThread(parent), m_listenerFd(listenerFd), m_handOver(std::move(handOver))
{
    setObjectName(QStringLiteral("http-acceptor"));
}

ConnectionDispatcher::~ConnectionDispatcher()
{
    stop();
}

void ConnectionDispatcher::stop()
{
    quit();
    wait();
}

void ConnectionDispatcher::run()
{
    HandingServer server(m_handOver);
    // Accept a burst per wake-up: a connection flood must not starve on one accept a loop.
    server.setMaxPendingConnections(1024);
    if (!server.setSocketDescriptor(m_listenerFd)) {
        qCCritical(lcHttp) << "the acceptor cannot use its listening socket:" << server.errorString();
        ::close(m_listenerFd);
        return;
    }
    exec();
    server.close();
}

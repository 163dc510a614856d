#include "HttpWorker.h"

#include "ApiServer.h"
#include "Database.h"
#include "GatedTcpServer.h"
#include "RedisClient.h"
#include "WorkerContext.h"

#include <QtCore/QLoggingCategory>
#include <QtCore/QTimer>

#include <limits>

#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

HttpWorker::HttpWorker(Setup setup, QObject *parent) : QThread(parent), m_setup(std::move(setup))
{
    setObjectName(QStringLiteral("http-worker-%1").arg(m_setup.index));
}

HttpWorker::~HttpWorker()
{
    quit();
    wait();
}

void HttpWorker::startAndWait()
{
    start();
    m_listening.acquire();
}

void HttpWorker::run()
{
    // Everything is created here, so it lives in and is served by this thread.
    Database database(m_setup.mysql, objectName());
    if (const Status opened = database.open(); !opened)
        qCWarning(lcHttp).noquote() << objectName() << "starts without MySQL; it reconnects on demand";
    RedisClient redis(m_setup.redis);
    WorkerContext context { m_setup.index, database, redis, *m_setup.metrics, m_setup.dependencies };

    ApiServer api(m_setup.index, *m_setup.metrics, m_setup.policy.trustedProxies);
    m_setup.installRoutes(api.router(), context);
    auto *tcp = new GatedTcpServer(m_setup.policy, m_setup.openConnections);
    if (m_setup.listenerFd >= 0 && !tcp->setSocketDescriptor(m_setup.listenerFd)) {
        qCCritical(lcHttp) << objectName() << "cannot use its listening socket:" << tcp->errorString();
        ::close(m_setup.listenerFd);
        delete tcp;
        m_listening.release();
        return;
    }
    api.bind(tcp); // the HTTP server now owns tcp
    // Listening, but never accepting: QtHttpServer and QTcpServer warn about a server
    // that is not listening, and the acceptor alone picks a connection's worker.
    if (m_setup.fedByAcceptor)
        tcp->pauseAccepting();
    tcp->setHttpServer(&api);
    m_tcp = tcp;
    m_listening.release();
    exec();
    m_tcp = nullptr;
}

void HttpWorker::adopt(qintptr descriptor)
{
    GatedTcpServer *tcp = m_tcp;
    m_handedOver.fetch_add(1, std::memory_order_relaxed);
    const auto take = [this, tcp, descriptor] {
        tcp->adopt(descriptor);
        m_handedOver.fetch_sub(1, std::memory_order_relaxed);
    };
    if (!tcp || !QMetaObject::invokeMethod(tcp, take, Qt::QueuedConnection)) {
        m_handedOver.fetch_sub(1, std::memory_order_relaxed);
        ::close(int(descriptor));
    }
}

int HttpWorker::load() const
{
    const GatedTcpServer *tcp = m_tcp;
    return tcp ? tcp->load() + m_handedOver.load(std::memory_order_relaxed) : std::numeric_limits<int>::max();
}

void HttpWorker::beginShutdown(QDeadlineTimer deadline)
{
    GatedTcpServer *tcp = m_tcp;
    if (!tcp) {
        quit();
        return;
    }
    // Queued into the worker's loop: it runs after the handler in progress (if any)
    // has returned and its answer has been written to the socket.
    QMetaObject::invokeMethod(tcp, [tcp, deadline] {
        tcp->beginShutdown();
        auto *poll = new QTimer(tcp);
        QObject::connect(poll, &QTimer::timeout, tcp, [tcp, deadline] {
            if (tcp->connectionCount() == 0 || deadline.hasExpired())
                QThread::currentThread()->quit();
        });
        poll->start(5);
    });
}

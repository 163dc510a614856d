#include "GatedTcpServer.h"

#include "RequestHeadGate.h"
#include "RequestId.h"
#include "TlsContext.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTimer>
#include <QtNetwork/QSslSocket>
#include <QtNetwork/QTcpSocket>

#include <sys/socket.h>

struct GatedTcpServer::Connection {
    QByteArray head; // bytes of the current request head seen so far
    QByteArray requestId; // the client's X-Request-Id, echoed on a refusal
    bool headDone = false; // inspected: QtHttpServer owns the stream until the next request
    bool closeAfterAnswer = false;
    bool refused = false;
    QTimer *headTimer = nullptr; // runs from a head's first byte until it is complete
    QTimer *bodyTimer = nullptr; // runs from a complete head until its answer (the body's deadline)
    qint64 reserved = 0; // this request's share of the bodies-in-flight budget
};

namespace {
void drain(QTcpSocket *socket)
{
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    socket->skip(socket->bytesAvailable());
}

QByteArray errorBody(const char *code, const QString &message)
{
    const QJsonObject error { { QStringLiteral("code"), QLatin1String(code) },
                              { QStringLiteral("message"), message } };
    return QJsonDocument(QJsonObject { { QStringLiteral("error"), error } }).toJson(QJsonDocument::Compact);
}
}

void GatedTcpServer::release(Connection &state)
{
    if (state.bodyTimer)
        state.bodyTimer->stop();
    if (state.reserved > 0 && m_policy.bodiesInFlight)
        m_policy.bodiesInFlight->fetch_sub(state.reserved);
    state.reserved = 0;
}

GatedTcpServer::GatedTcpServer(ConnectionPolicy policy, std::shared_ptr<std::atomic<int>> openConnections,
                               QObject *parent)
    : QTcpServer(parent), m_policy(policy), m_open(std::move(openConnections))
{
}

int GatedTcpServer::connectionCount() const
{
    return int(findChildren<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly).size());
}

void GatedTcpServer::incomingConnection(qintptr descriptor)
{
    QSslSocket *secure = m_policy.tls ? new QSslSocket(this) : nullptr;
    QTcpSocket *socket = secure ? secure : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (secure) {
        // The handshake runs under the idle timer below; what the gate and QtHttpServer
        // read from then on is the decrypted stream. A client that fails the handshake
        // (TLS 1.1, no common cipher) is cut at once.
        secure->setSslConfiguration(m_policy.tls->configuration());
        connect(secure, &QSslSocket::sslErrors, secure, [secure] { secure->abort(); });
        connect(secure, &QAbstractSocket::errorOccurred, secure, [secure](QAbstractSocket::SocketError error) {
            if (error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError)
                secure->abort();
        });
        secure->startServerEncryption();
    }
    auto open = m_open;
    const int count = open->fetch_add(1) + 1;
    m_load.fetch_add(1, std::memory_order_relaxed);
    auto state = std::make_shared<Connection>();
    connect(socket, &QObject::destroyed, this, [this, open, state] {
        open->fetch_sub(1);
        m_load.fetch_sub(1, std::memory_order_relaxed);
        release(*state);
    });
    // QtHttpServer deletes the socket once disconnected; we delete the ones we refuse.
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);

    socket->setReadBufferSize(qMax(m_policy.maxBodyBytes, m_policy.maxUploadBytes) + m_policy.maxHeadBytes + 64 * 1024);

    if (count > m_policy.maxConnections || m_shuttingDown) {
        refuse(socket, *state, 503, "Service Unavailable", "UNAVAILABLE",
               QStringLiteral("the server has too many open connections"));
        return;
    }

    auto *idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->setInterval(m_policy.idleTimeoutMs);
    connect(idle, &QTimer::timeout, socket, [socket] { socket->disconnectFromHost(); });
    connect(socket, &QIODevice::bytesWritten, idle, [idle] { idle->start(); });
    idle->start();

    state->headTimer = new QTimer(socket);
    state->headTimer->setSingleShot(true);
    state->headTimer->setInterval(m_policy.headTimeoutMs);
    connect(state->headTimer, &QTimer::timeout, socket, [socket] { socket->abort(); });
    state->bodyTimer = new QTimer(socket);
    state->bodyTimer->setSingleShot(true);
    connect(state->bodyTimer, &QTimer::timeout, socket, [socket] { socket->abort(); });

    // Connected before addPendingConnection(): runs before QtHttpServer's own slot.
    connect(socket, &QIODevice::readyRead, this, [this, socket, state, idle] {
        idle->start();
        onReadyRead(socket, *state);
    });
    connect(socket, &QIODevice::bytesWritten, this, [this, socket, state] {
        const bool between = state->headDone && !state->refused && !socket->isTransactionStarted();
        if (between)
            release(*state); // answered: its body is no longer held
        if (between && (state->closeAfterAnswer || m_shuttingDown) && socket->bytesToWrite() == 0)
            socket->disconnectFromHost();
    });
    addPendingConnection(socket);
    // Connected after addPendingConnection(), so after QtHttpServer's own readyRead slot:
    // its handler is synchronous, so the answer is written by now. Hand it to the kernel
    // at once. Qt cannot half-close: when a client sends its request and then shuts its
    // sending side (API.md: still answered), the next read sees EOF and QAbstractSocket
    // drops whatever it had not yet written.
    connect(socket, &QIODevice::readyRead, socket, [socket] {
        if (socket->bytesToWrite() > 0)
            socket->flush();
    });
}

void GatedTcpServer::onReadyRead(QTcpSocket *socket, Connection &state)
{
    if (state.refused) {
        drain(socket);
        return;
    }
    if (!socket->isTransactionStarted()) { // at a request boundary
        state.head.clear();
        state.headDone = false;
        release(state);
    }
    if (state.headDone)
        return;
    const qint64 available = socket->bytesAvailable();
    if (available <= 0)
        return;
    state.head = socket->peek(qMin<qint64>(available, m_policy.maxHeadBytes + 4));
    if (!state.headTimer->isActive())
        state.headTimer->start();

    const RequestHeadGate::Verdict verdict =
            RequestHeadGate(m_policy.maxHeadBytes, m_policy.maxBodyBytes, m_policy.maxUploadBytes, m_policy.adminToken)
                    .inspect(state.head);
    if (verdict.headComplete) {
        state.headTimer->stop();
        state.headDone = true;
        state.requestId = verdict.requestId;
        state.closeAfterAnswer = verdict.closeAfterAnswer;
    }
    if (verdict.outcome == RequestHeadGate::Outcome::Refuse)
        return refuse(socket, state, verdict.status, verdict.reason, verdict.code, verdict.message);
    if (verdict.outcome == RequestHeadGate::Outcome::Pass && verdict.contentLength > 0) {
        // Its share of the bodies held at once; past the budget the client is asked to
        // come back, before a byte of its body is buffered.
        if (m_policy.bodiesInFlight) {
            if (m_policy.bodiesInFlight->fetch_add(verdict.contentLength) + verdict.contentLength > m_policy.maxBodiesInFlightBytes) {
                m_policy.bodiesInFlight->fetch_sub(verdict.contentLength);
                return refuse(socket, state, 503, "Service Unavailable", "UNAVAILABLE",
                              QStringLiteral("the server is receiving too many request bodies; try again in a moment"),
                              "Retry-After: 1\r\n");
            }
            state.reserved = verdict.contentLength;
        }
        // A minimum rate: the body must be whole within the head timeout plus its
        // length at minBodyBytesPerSecond, or the connection is cut.
        state.bodyTimer->start(int(qMin<qint64>(
                m_policy.headTimeoutMs + verdict.contentLength * 1000 / qMax<qint64>(1, m_policy.minBodyBytesPerSecond),
                24 * 3600 * 1000)));
    }
    if (verdict.sendContinue)
        socket->write("HTTP/1.1 100 Continue\r\n\r\n");
}

void GatedTcpServer::refuse(QTcpSocket *socket, Connection &state, int status, const char *reason, const char *code,
                            const QString &message, const QByteArray &extraHeaders)
{
    state.refused = true;
    // Cut QtHttpServer's readyRead slot (its receiver is the HTTP server object): a slot
    // disconnected during an emission is not called later in that emission.
    if (m_httpServer)
        socket->disconnect(m_httpServer);
    drain(socket);
    const QByteArray requestId = state.requestId.isEmpty() ? RequestId::generate() : state.requestId;
    const QByteArray body = errorBody(code, message);
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                  + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                  + "\r\nX-Request-Id: " + requestId + "\r\n" + extraHeaders + "Connection: close\r\n\r\n" + body);
    socket->flush();
    // Half-close once the answer is out, so the client reads it instead of a reset from
    // unread data; keep discarding what it still sends; abort after the drain period.
    // Over TLS a TCP half-close would cut the record stream (QSslSocket may still hold
    // encrypted bytes of the answer): the answer's `Connection: close` and the drain
    // below do it instead, the client closing once it has read the answer.
    const bool secure = qobject_cast<QSslSocket *>(socket) != nullptr;
    auto halfClose = [socket, secure] {
        if (!secure && socket->bytesToWrite() == 0)
            ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    };
    connect(socket, &QIODevice::bytesWritten, socket, halfClose);
    connect(socket, &QIODevice::readyRead, socket, [socket] { drain(socket); });
    halfClose();
    QTimer::singleShot(m_policy.refusalDrainMs, socket, [socket] { socket->abort(); });
}

void GatedTcpServer::beginShutdown()
{
    m_shuttingDown = true;
    close();
    const auto sockets = findChildren<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly);
    for (QTcpSocket *socket : sockets) {
        // Between requests with nothing left to send: close now. Otherwise the
        // bytesWritten slot closes it once its answer is out.
        if (!socket->isTransactionStarted() && socket->bytesToWrite() == 0)
            socket->disconnectFromHost();
    }
}

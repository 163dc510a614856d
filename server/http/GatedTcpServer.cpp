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
    connect(socket, &QObject::destroyed, this, [this, open] {
        open->fetch_sub(1);
        m_load.fetch_sub(1, std::memory_order_relaxed);
    });
    // QtHttpServer deletes the socket once disconnected; we delete the ones we refuse.
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);

    auto state = std::make_shared<Connection>();
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

    // Connected before addPendingConnection(): runs before QtHttpServer's own slot.
    connect(socket, &QIODevice::readyRead, this, [this, socket, state, idle] {
        idle->start();
        onReadyRead(socket, *state);
    });
    connect(socket, &QIODevice::bytesWritten, this, [this, socket, state] {
        const bool between = state->headDone && !state->refused && !socket->isTransactionStarted();
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
            RequestHeadGate(m_policy.maxHeadBytes, m_policy.maxBodyBytes, m_policy.maxUploadBytes).inspect(state.head);
    if (verdict.headComplete) {
        state.headTimer->stop();
        state.headDone = true;
        state.requestId = verdict.requestId;
        state.closeAfterAnswer = verdict.closeAfterAnswer;
    }
    if (verdict.outcome == RequestHeadGate::Outcome::Refuse)
        return refuse(socket, state, verdict.status, verdict.reason, verdict.code, verdict.message);
    if (verdict.sendContinue)
        socket->write("HTTP/1.1 100 Continue\r\n\r\n");
}

void GatedTcpServer::refuse(QTcpSocket *socket, Connection &state, int status, const char *reason, const char *code,
                            const QString &message)
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
                  + "\r\nX-Request-Id: " + requestId + "\r\nConnection: close\r\n\r\n" + body);
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

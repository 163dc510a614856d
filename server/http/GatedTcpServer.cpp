#include "GatedTcpServer.h"

#include "RequestId.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpSocket>

#include <sys/socket.h>

struct GatedTcpServer::Connection {
    QByteArray head; // bytes of the current request head seen so far
    QByteArray requestId; // the client's X-Request-Id, echoed on a refusal
    bool headDone = false; // inspected: QtHttpServer owns the stream until the next request
    bool closeAfterAnswer = false;
    bool refused = false;
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
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    auto open = m_open;
    const int count = open->fetch_add(1) + 1;
    connect(socket, &QObject::destroyed, this, [open] { open->fetch_sub(1); });
    // QtHttpServer deletes the socket once disconnected; we delete the ones we refuse.
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);

    auto state = std::make_shared<Connection>();
    socket->setReadBufferSize(m_policy.maxBodyBytes + m_policy.maxHeadBytes + 64 * 1024);

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

    qsizetype start = 0;
    while (start < state.head.size() && (state.head[start] == '\r' || state.head[start] == '\n'))
        ++start;
    qsizetype end = state.head.indexOf("\r\n\r\n", start);
    if (end < 0)
        end = state.head.indexOf("\n\n", start);
    if (end < 0) {
        if (state.head.size() > m_policy.maxHeadBytes)
            refuse(socket, state, 431, "Request Header Fields Too Large", "PAYLOAD_TOO_LARGE",
                   QStringLiteral("the request head is larger than %1 bytes").arg(m_policy.maxHeadBytes));
        return;
    }
    state.headDone = true;

    const QList<QByteArray> lines = state.head.mid(start, end - start).split('\n');
    const QByteArray requestLine = lines.value(0).trimmed();
    const QByteArray version = requestLine.mid(requestLine.lastIndexOf(' ') + 1);
    qint64 contentLength = 0;
    bool badLength = false;
    QByteArray connection, expect, transferEncoding;
    state.requestId.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            badLength = !ok || contentLength < 0;
        } else if (name == "connection") {
            connection = value.toLower();
        } else if (name == "expect") {
            expect = value.toLower();
        } else if (name == "transfer-encoding") {
            transferEncoding = value.toLower();
        } else if (name == "x-request-id") {
            state.requestId = RequestId::sanitized(value);
        }
    }
    state.closeAfterAnswer =
            connection.contains("close") || (version == "HTTP/1.0" && !connection.contains("keep-alive"));
    if (badLength)
        return refuse(socket, state, 400, "Bad Request", "VALIDATION_FAILED",
                      QStringLiteral("Content-Length is not a number"));
    if (transferEncoding.contains("chunked"))
        return refuse(socket, state, 411, "Length Required", "VALIDATION_FAILED",
                      QStringLiteral("chunked request bodies are not accepted; send Content-Length"));
    if (contentLength > m_policy.maxBodyBytes)
        return refuse(socket, state, 413, "Payload Too Large", "PAYLOAD_TOO_LARGE",
                      QStringLiteral("the request body is larger than %1 bytes").arg(m_policy.maxBodyBytes));
    if (expect == "100-continue" && contentLength > 0)
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
    auto halfClose = [socket] {
        if (socket->bytesToWrite() == 0)
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

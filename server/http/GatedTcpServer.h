#pragma once

#include "ConnectionPolicy.h"

#include <QtCore/QPointer>
#include <QtNetwork/QTcpServer>

#include <atomic>
#include <memory>

class QTcpSocket;

// The QTcpServer each worker's HTTP server is bound to. It owns every accepted socket
// and adds what QtHttpServer 6.4.2 lacks (facts in ../shared/reference):
// - reads each request head before QtHttpServer reads the body: a Content-Length over
//   the limit is refused with 413 before the body is buffered (over 1 MiB only for an
//   admin's picture upload); past the process's budget for bodies in flight, 503 with
//   Retry-After; a body that arrives slower than the minimum rate is cut; chunked bodies 411;
//   an oversized head 431; `Expect: 100-continue` answered;
// - closes a connection idle (or stuck half-way through a request) for too long;
// - closes after the answer when the client said `Connection: close` or spoke HTTP/1.0;
// - caps open connections over all workers (503 past the cap);
// - on shutdown, stops accepting and closes each connection once its answer is out.
//
// It leans on 6.4.2 internals: QtHttpServer starts a read transaction on the socket
// at the start of each request and commits it once answered, so "no transaction" means
// "between requests". Its tests (tst_httpcore) must be re-run on any Qt upgrade.
class GatedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GatedTcpServer(ConnectionPolicy policy, std::shared_ptr<std::atomic<int>> openConnections,
                   QObject *parent = nullptr);

    // The HTTP server this one feeds; its readyRead slot is cut on a refused request.
    void setHttpServer(QObject *server) { m_httpServer = server; }

    // Stop accepting; close idle connections now and busy ones after their answer.
    void beginShutdown();
    int connectionCount() const;
    // A connection accepted elsewhere (ConnectionDispatcher); call in this object's thread.
    void adopt(qintptr descriptor) { incomingConnection(descriptor); }
    // Open connections of this server; readable from any thread.
    int load() const { return m_load.load(std::memory_order_relaxed); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Connection;
    void onReadyRead(QTcpSocket *socket, Connection &state);
    void refuse(QTcpSocket *socket, Connection &state, int status, const char *reason, const char *code,
                const QString &message, const QByteArray &extraHeaders = {});
    // The request is answered or gone: its body budget back, its deadline off.
    void release(Connection &state);

    ConnectionPolicy m_policy;
    std::shared_ptr<std::atomic<int>> m_open;
    QPointer<QObject> m_httpServer;
    bool m_shuttingDown = false;
    std::atomic<int> m_load { 0 };
};

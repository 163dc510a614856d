#pragma once

#include "Router.h"
#include "StreamedBody.h"

#include <QtHttpServer/QAbstractHttpServer>

class HttpMetrics;

// One worker's HTTP server: our router in place of QHttpServer's (which is final and
// answers a wrong method with 404), and the middleware every request passes:
// request id, JSON errors for unknown routes and wrong methods, a catch-all so no
// exception or crash detail reaches a client, metrics and one log line per request.
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    ApiServer(int worker, HttpMetrics &metrics, QList<QHostAddress> trustedProxies = {}, QObject *parent = nullptr);

    Router &router() { return m_router; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    QHttpServerResponse dispatch(const QHttpServerRequest &request, const QByteArray &requestId, const QString &client,
                                 QString *route, StreamedBody *streamed);
    // The head, then `body`'s parts as chunks; false when the body was cut short.
    static bool stream(QHttpServerResponder &responder, QTcpSocket *socket, const QByteArray &requestId,
                       const StreamedBody &body);

    int m_worker;
    HttpMetrics &m_metrics;
    QList<QHostAddress> m_trustedProxies;
    Router m_router;
};

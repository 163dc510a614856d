#include "ApiServer.h"

#include "ClientAddress.h"
#include "HttpMetrics.h"
#include "RequestId.h"
#include "Responses.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QLoggingCategory>
#include <QtHttpServer/QHttpServerResponder>
#include <QtNetwork/QTcpSocket>

#include <exception>

Q_LOGGING_CATEGORY(lcRequests, "storefront.http.requests")
Q_LOGGING_CATEGORY(lcHttp, "storefront.http")

ApiServer::ApiServer(int worker, HttpMetrics &metrics, QList<QHostAddress> trustedProxies, QObject *parent)
    : QAbstractHttpServer(parent), m_worker(worker), m_metrics(metrics), m_trustedProxies(std::move(trustedProxies))
{
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer clock;
    clock.start();
    QByteArray requestId = RequestId::sanitized(request.value("x-request-id"));
    if (requestId.isEmpty())
        requestId = RequestId::generate();

    const QString client = ClientAddress::of(request, m_trustedProxies);
    QString route;
    StreamedBody streamed;
    QHttpServerResponse response = dispatch(request, requestId, client, &route, &streamed);
    if (streamed && response.statusCode() == QHttpServerResponse::StatusCode::Ok) {
        QHttpServerResponder responder = makeResponder(request, socket);
        const bool whole = stream(responder, socket, requestId, streamed);
        if (!whole)
            socket->abort();
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        const QByteArray method = Router::methodName(request.method());
        m_metrics.observe(route, method, 200, seconds, m_worker);
        qCInfo(lcRequests, "%s %s 200 %.2fms rid=%s client=%s streamed%s", method.constData(),
               qUtf8Printable(request.url().path()), seconds * 1000.0, requestId.constData(), qUtf8Printable(client),
               whole ? "" : " (cut short)");
        return true;
    }
    response.setHeader("X-Request-Id", requestId);
    // Never let a browser sniff an answer into HTML. And none may be kept by a cache on
    // the way (balances, orders and tokens are per user) unless the route said it may:
    // only product pictures do, which are the same for everyone.
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (!response.hasHeader("Cache-Control"))
        response.setHeader("Cache-Control", "no-store");
    if (request.value("connection").toLower().contains("close"))
        response.setHeader("Connection", "close");
    const int status = int(response.statusCode());
    response.write(makeResponder(request, socket));

    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const QByteArray method = Router::methodName(request.method());
    m_metrics.observe(route, method, status, seconds, m_worker);
    qCInfo(lcRequests, "%s %s %d %.2fms rid=%s client=%s", method.constData(), qUtf8Printable(request.url().path()),
           status, seconds * 1000.0, requestId.constData(), qUtf8Printable(client));
    return true; // answered: QtHttpServer never calls missingHandler()
}

void ApiServer::missingHandler(const QHttpServerRequest &, QTcpSocket *) { }

bool ApiServer::stream(QHttpServerResponder &responder, QTcpSocket *socket, const QByteArray &requestId,
                       const StreamedBody &body)
{
    // Past this many unsent bytes a part waits for the socket (bounded memory).
    constexpr qint64 kBacklog = 256 * 1024;
    constexpr int kStallMs = 30000;
    responder.writeStatusLine(QHttpServerResponder::StatusCode::Ok);
    responder.writeHeader("Content-Type", body.contentType);
    responder.writeHeader("Transfer-Encoding", "chunked");
    responder.writeHeader("X-Request-Id", requestId);
    responder.writeHeader("X-Content-Type-Options", "nosniff");
    responder.writeHeader("Cache-Control", "no-store");
    if (!body.fileName.isEmpty())
        responder.writeHeader("Content-Disposition", "attachment; filename=\"" + body.fileName + '"');
    const auto write = [&](const QByteArray &part) {
        if (part.isEmpty())
            return true;
        responder.writeBody(QByteArray::number(part.size(), 16) + "\r\n" + part + "\r\n");
        while (socket->bytesToWrite() > kBacklog) {
            if (!socket->waitForBytesWritten(kStallMs))
                return false; // the client left or stopped reading
        }
        return socket->state() == QAbstractSocket::ConnectedState;
    };
    bool whole = false;
    try {
        whole = body.produce(write);
    } catch (const std::exception &e) {
        qCCritical(lcHttp, "rid=%s unhandled exception while streaming: %s", requestId.constData(), e.what());
    }
    if (whole)
        responder.writeBody(QByteArrayLiteral("0\r\n\r\n"));
    return whole;
}

QHttpServerResponse ApiServer::dispatch(const QHttpServerRequest &request, const QByteArray &requestId,
                                        const QString &client, QString *route, StreamedBody *streamed)
{
    const Router::Match match = m_router.match(request.method(), request.url().path());
    *route = match.route;
    switch (match.kind) {
    case Router::Match::Kind::NoSuchPath:
        return Responses::failure(ErrorCode::NotFound, QStringLiteral("no such resource: %1").arg(request.url().path()));
    case Router::Match::Kind::WrongMethod: {
        QByteArrayList allowed;
        for (const Router::Method m : match.allowed)
            allowed << Router::methodName(m);
        QHttpServerResponse response = Responses::failure(
                ErrorCode::MethodNotAllowed, QStringLiteral("%1 is not allowed here")
                                                     .arg(QString::fromLatin1(Router::methodName(request.method()))));
        response.setHeader("Allow", allowed.join(", "));
        return response;
    }
    case Router::Match::Kind::Found:
        break;
    }
    try {
        return (*match.handler)(RequestContext { request, match.parameters, requestId, client, streamed });
    } catch (const std::exception &e) {
        qCCritical(lcHttp, "rid=%s unhandled exception in %s: %s", requestId.constData(), qUtf8Printable(match.route),
                   e.what());
    } catch (...) {
        qCCritical(lcHttp, "rid=%s unhandled exception in %s", requestId.constData(), qUtf8Printable(match.route));
    }
    return Responses::failure(ErrorCode::Internal, QStringLiteral("internal error (request id %1)")
                                                           .arg(QString::fromLatin1(requestId)));
}

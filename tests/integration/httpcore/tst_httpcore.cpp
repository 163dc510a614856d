#include "HttpClient.h"
#include "JsonBody.h"
#include "RawHttp.h"
#include "Responses.h"
#include "Router.h"
#include "ShutdownSignals.h"
#include "StorefrontServer.h"
#include "TestStack.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QThread>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <atomic>
#include <csignal>

#include <sys/socket.h>

namespace {
std::atomic<int> g_slowStarted { 0 };

// Routes only this test adds: a JSON echo (body decoding, size limits) and a slow
// handler (a request in flight at shutdown).
void installProbes(Router &router, WorkerContext &)
{
    router.add(Router::Method::Post, QStringLiteral("/test/echo"), [](const RequestContext &ctx) {
        const Result<QJsonObject> body = JsonBody::object(ctx.request);
        if (!body)
            return Responses::failure(body.failure());
        return Responses::json(body.value());
    });
    router.add(Router::Method::Get, QStringLiteral("/test/slow"), [](const RequestContext &ctx) {
        ++g_slowStarted;
        QThread::msleep(ctx.request.query().queryItemValue(QStringLiteral("ms")).toULong());
        return Responses::json({ { QStringLiteral("slow"), QStringLiteral("done") } });
    });
}

QByteArray rawRequest(const QByteArray &head)
{
    return head + "\r\n\r\n";
}
}

class tst_HttpCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void errors_data();
    void errors();
    void methodNotAllowedListsAllowed();
    void oversizedBodyRefusedBeforeReading();
    void bodyAtTheLimitAccepted();
    void expectContinueAnswered();
    void requestIdEchoedOrGenerated();
    void idleConnectionClosed();
    void connectionCloseHonoured_data();
    void connectionCloseHonoured();
    void keepAliveServesSeveralRequests();
    void halfClosedRequestAnswered_data();
    void halfClosedRequestAnswered();
    void readinessAndMetrics();
    void requestsSpreadOverWorkers();
    void busyPortIsRefused();
    void sigtermFinishesRequestInFlight();

private:
    std::unique_ptr<StorefrontServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    quint16 m_port = 0;
};

void tst_HttpCore::initTestCase()
{
    QVERIFY(TestStack::instance());
    ServerConfig config = TestStack::serverConfig(4);
    config.connections.idleTimeoutMs = 1000;
    m_server = std::make_unique<StorefrontServer>(config);
    m_server->addRoutes(installProbes);
    const Status started = m_server->start();
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.failure().message));
    m_port = m_server->port();
    m_client = std::make_unique<HttpClient>(QUrl(m_server->baseUrl()));
}

void tst_HttpCore::cleanupTestCase()
{
    m_client.reset();
    m_server.reset();
}

void tst_HttpCore::errors_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("healthz") << QByteArray("GET") << "/healthz" << QByteArray() << 200 << "";
    QTest::newRow("unknown route") << QByteArray("GET") << "/api/v1/nothing-here" << QByteArray() << 404 << "NOT_FOUND";
    QTest::newRow("unknown root") << QByteArray("GET") << "/" << QByteArray() << 404 << "NOT_FOUND";
    QTest::newRow("wrong method") << QByteArray("DELETE") << "/healthz" << QByteArray() << 405 << "METHOD_NOT_ALLOWED";
    QTest::newRow("post to get route") << QByteArray("POST") << "/readyz" << QByteArray("{}") << 405
                                       << "METHOD_NOT_ALLOWED";
    QTest::newRow("bad json") << QByteArray("POST") << "/test/echo" << QByteArray("{\"a\": ") << 400 << "INVALID_JSON";
    QTest::newRow("json array") << QByteArray("POST") << "/test/echo" << QByteArray("[1,2]") << 400 << "INVALID_JSON";
    QTest::newRow("empty body") << QByteArray("POST") << "/test/echo" << QByteArray() << 400 << "INVALID_JSON";
    QTest::newRow("echo") << QByteArray("POST") << "/test/echo" << QByteArray("{\"a\":1}") << 200 << "";
}

void tst_HttpCore::errors()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);

    const HttpClient::Reply r = m_client->send(method, path, body);
    QCOMPARE(r.status, status);
    QVERIFY(r.headers.value("content-type").startsWith("application/json"));
    QVERIFY(!r.headers.value("x-request-id").isEmpty());
    QCOMPARE(r.errorCode(), code);
    if (!code.isEmpty())
        QVERIFY(!r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
}

void tst_HttpCore::methodNotAllowedListsAllowed()
{
    const HttpClient::Reply r = m_client->send("PUT", QStringLiteral("/metrics"));
    QCOMPARE(r.status, 405);
    QCOMPARE(r.headers.value("allow"), QByteArray("GET"));
}

void tst_HttpCore::oversizedBodyRefusedBeforeReading()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected());
    // Only the head: the server must answer without waiting for 2 MiB that never come.
    socket.write(rawRequest("POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                            "X-Request-Id: big-1\r\nContent-Length: 2097152"));
    const RawHttp::Response r = RawHttp::read(socket, 5000);
    QCOMPARE(r.status, 413);
    QVERIFY(r.head.contains("X-Request-Id: big-1"));
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("PAYLOAD_TOO_LARGE"));
    QVERIFY(RawHttp::waitForClose(socket, 5000));
}

void tst_HttpCore::bodyAtTheLimitAccepted()
{
    // {"s":"xxx…"} of exactly 1 MiB.
    const QByteArray body = "{\"s\":\"" + QByteArray(1024 * 1024 - 8, 'x') + "\"}";
    QCOMPARE(body.size(), 1024 * 1024);
    const HttpClient::Reply r = m_client->send("POST", QStringLiteral("/test/echo"), body);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("s")).toString().size(), 1024 * 1024 - 8);

    const HttpClient::Reply over = m_client->send("POST", QStringLiteral("/test/echo"), body + ' ');
    QCOMPARE(over.status, 413);
    QCOMPARE(over.errorCode(), QStringLiteral("PAYLOAD_TOO_LARGE"));
}

void tst_HttpCore::expectContinueAnswered()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected());
    const QByteArray body = "{\"k\":\"v\"}";
    socket.write(rawRequest("POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                            "Expect: 100-continue\r\nContent-Length: " + QByteArray::number(body.size())));
    QByteArray interim;
    QTRY_VERIFY_WITH_TIMEOUT((interim += socket.readAll()).contains("HTTP/1.1 100 Continue\r\n\r\n"), 3000);
    socket.write(body);
    const RawHttp::Response r = RawHttp::read(socket);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, body);
}

void tst_HttpCore::requestIdEchoedOrGenerated()
{
    const HttpClient::Reply echoed = m_client->get(QStringLiteral("/healthz"), { { "X-Request-Id", "client-id-42" } });
    QCOMPARE(echoed.headers.value("x-request-id"), QByteArray("client-id-42"));
    const HttpClient::Reply onError = m_client->get(QStringLiteral("/nope"), { { "X-Request-Id", "client-id-43" } });
    QCOMPARE(onError.status, 404);
    QCOMPARE(onError.headers.value("x-request-id"), QByteArray("client-id-43"));

    const QByteArray a = m_client->get(QStringLiteral("/healthz")).headers.value("x-request-id");
    const QByteArray b = m_client->get(QStringLiteral("/healthz")).headers.value("x-request-id");
    QVERIFY(!a.isEmpty());
    QVERIFY(a != b);
    // An id with spaces or control characters is not echoed into our logs and headers.
    const HttpClient::Reply hostile = m_client->get(QStringLiteral("/healthz"), { { "X-Request-Id", "a b" } });
    QVERIFY(hostile.headers.value("x-request-id") != "a b");
}

void tst_HttpCore::idleConnectionClosed()
{
    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(silent.waitForConnected());
    QVERIFY2(RawHttp::waitForClose(silent, 5000), "a connection that sends nothing is closed");

    QTcpSocket afterAnswer;
    afterAnswer.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(afterAnswer.waitForConnected());
    afterAnswer.write(rawRequest("GET /healthz HTTP/1.1\r\nHost: t"));
    QCOMPARE(RawHttp::read(afterAnswer).status, 200);
    QVERIFY2(RawHttp::waitForClose(afterAnswer, 5000), "a kept-alive connection left idle is closed");

    QTcpSocket halfHead;
    halfHead.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(halfHead.waitForConnected());
    halfHead.write("GET /healthz HTTP/1.1\r\nHos");
    QVERIFY2(RawHttp::waitForClose(halfHead, 5000), "half a request head does not hold a connection");
}

void tst_HttpCore::connectionCloseHonoured_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::newRow("Connection: close") << QByteArray("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close");
    QTest::newRow("HTTP/1.0") << QByteArray("GET /healthz HTTP/1.0\r\nHost: t");
    QTest::newRow("close on an error") << QByteArray("GET /nope HTTP/1.1\r\nHost: t\r\nConnection: close");
}

void tst_HttpCore::connectionCloseHonoured()
{
    QFETCH(QByteArray, head);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected());
    socket.write(rawRequest(head));
    const RawHttp::Response r = RawHttp::read(socket);
    QVERIFY(r.status == 200 || r.status == 404);
    // Well before the 1 s idle timeout.
    QVERIFY2(RawHttp::waitForClose(socket, 500), "the server closes after answering");
}

void tst_HttpCore::keepAliveServesSeveralRequests()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected());
    for (int i = 0; i < 3; ++i) {
        socket.write(rawRequest("GET /healthz HTTP/1.1\r\nHost: t"));
        const RawHttp::Response r = RawHttp::read(socket);
        QCOMPARE(r.status, 200);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }
}

void tst_HttpCore::halfClosedRequestAnswered_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("GET /healthz") << QByteArray("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n") << 200;
    QTest::newRow("a route needing a token") << QByteArray("GET /api/v1/products HTTP/1.1\r\nHost: t\r\n\r\n") << 401;
    QTest::newRow("a POST with its body") << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                                                        "Content-Length: 8\r\n\r\n{\"a\": 1}") << 400;
    QTest::newRow("a head refused by the gate") << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost: t\r\n"
                                                              "Content-Length: 99999999\r\n\r\n") << 413;
}

void tst_HttpCore::halfClosedRequestAnswered()
{
    // API.md: a request that arrives whole is answered even if the client shuts its
    // sending side right after it (`printf … | nc -N`); nginx and Apache answer it.
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected());
    socket.write(request);
    QVERIFY(socket.waitForBytesWritten());
    QCOMPARE(::shutdown(int(socket.socketDescriptor()), SHUT_WR), 0);
    const RawHttp::Response r = RawHttp::read(socket);
    QCOMPARE(r.status, status);
    QVERIFY(r.head.contains("X-Request-Id: "));
}

void tst_HttpCore::readinessAndMetrics()
{
    const HttpClient::Reply ready = m_client->get(QStringLiteral("/readyz"));
    QCOMPARE(ready.status, 200);
    QCOMPARE(ready.json(), (QJsonObject { { "status", "ready" }, { "mysql", "up" }, { "redis", "up" }, { "kafka", "up" } }));

    m_client->get(QStringLiteral("/healthz"));
    const HttpClient::Reply metrics = m_client->get(QStringLiteral("/metrics"));
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.headers.value("content-type").startsWith("text/plain"));
    const QString text = QString::fromUtf8(metrics.body);
    QVERIFY(text.contains(QLatin1String("# TYPE http_requests_total counter")));
    QVERIFY(QRegularExpression(QStringLiteral("http_requests_total\\{route=\"/healthz\",method=\"GET\",status=\"200\"\\} [1-9]"))
                    .match(text)
                    .hasMatch());
    QVERIFY(text.contains(QLatin1String("http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"}")));
    QVERIFY(text.contains(QLatin1String("http_request_duration_seconds_bucket{route=\"/healthz\",method=\"GET\",le=\"+Inf\"}")));
    QVERIFY(text.contains(QLatin1String("http_open_connections ")));

    const HttpClient::Reply openApi = m_client->get(QStringLiteral("/openapi.json"));
    QCOMPARE(openApi.status, 200);
    QVERIFY(openApi.json().value(QStringLiteral("openapi")).toString().startsWith(QLatin1String("3.")));
    QVERIFY(openApi.json().value(QStringLiteral("paths")).toObject().contains(QStringLiteral("/readyz")));
}

void tst_HttpCore::requestsSpreadOverWorkers()
{
    // SO_REUSEPORT hashes each connection to a worker: many connections reach several.
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 32; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket->waitForConnected());
        socket->write(rawRequest("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close"));
        sockets.push_back(std::move(socket));
    }
    for (auto &socket : sockets)
        QCOMPARE(RawHttp::read(*socket).status, 200);
    const QString text = QString::fromUtf8(m_client->get(QStringLiteral("/metrics")).body);
    const auto matches = QRegularExpression(QStringLiteral("http_worker_requests_total\\{worker=\"\\d+\"\\} [1-9]")).globalMatch(text);
    int busyWorkers = 0;
    for (auto it = matches; it.hasNext(); it.next())
        ++busyWorkers;
    QVERIFY2(busyWorkers >= 2, qPrintable(text));
}

void tst_HttpCore::busyPortIsRefused()
{
    // SO_REUSEPORT would let a second server share the port and take half the traffic.
    ServerConfig config = TestStack::serverConfig(1);
    config.listenPort = m_port;
    StorefrontServer second(config);
    const Status started = second.start();
    QVERIFY(!started.ok());
    QVERIFY2(started.failure().message.contains(QLatin1String("another server")), qPrintable(started.failure().message));
    QCOMPARE(m_client->get(QStringLiteral("/healthz")).status, 200);
}

void tst_HttpCore::sigtermFinishesRequestInFlight()
{
    ServerConfig config = TestStack::serverConfig(2);
    StorefrontServer server(config);
    server.addRoutes(installProbes);
    QVERIFY(server.start().ok());
    const quint16 port = server.port();

    ShutdownSignals shutdownSignals;
    bool stopped = false;
    connect(&shutdownSignals, &ShutdownSignals::shutdownRequested, this, [&] {
        server.stop();
        stopped = true;
    });

    QTcpSocket inFlight;
    inFlight.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(inFlight.waitForConnected());
    const int before = g_slowStarted.load();
    inFlight.write(rawRequest("GET /test/slow?ms=700 HTTP/1.1\r\nHost: t"));
    QTRY_VERIFY_WITH_TIMEOUT(g_slowStarted.load() > before, 5000);

    ::raise(SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(stopped, 15000);

    const RawHttp::Response r = RawHttp::read(inFlight, 5000);
    QCOMPARE(r.status, 200);
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("slow")).toString(), QStringLiteral("done"));

    QTcpSocket late;
    late.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY2(!late.waitForConnected(1000) || RawHttp::waitForClose(late, 2000), "a stopped server accepts nothing");
}

QTEST_GUILESS_MAIN(tst_HttpCore)
#include "tst_httpcore.moc"

#include "HttpClient.h"
#include "Loopback.h"
#include "TestStack.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

#include <algorithm>
#include <memory>
#include <vector>

// Hostile clients (label `fault`): hundreds of slowloris connections trickling a
// header byte a second, a flood of connections well past the cap, and 1,200 slow 8 MiB
// uploads without an admin's token. A normal client is served through each; its p99
// and the server's peak memory are printed.
class tst_Floods : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void slowlorisIsCut();
    void connectionFloodPastTheCap();
    void uploadFloodHeldOff();

private:
    // `n` sequential requests of a signed-in client; its latencies, sorted (ms).
    QList<double> normalClient(int n);
    qint64 peakMemoryKiB() const { return memoryKiB(m_server, "VmHWM:"); }
    static qint64 memoryKiB(const QProcess &server, const QByteArray &field);
    QStringList serveArguments(quint16 port) const;
    std::vector<std::unique_ptr<QTcpSocket>> connectMany(int n);

    static constexpr int kCap = 200;
    static constexpr int kHeadTimeoutSeconds = 2;
    QProcess m_server;
    QUrl m_base;
    std::unique_ptr<HttpClient> m_client;
    QHash<QByteArray, QByteArray> m_auth;
};

void tst_Floods::initTestCase()
{
    const QString binary = qEnvironmentVariable("STOREFRONT_SERVER_BINARY");
    if (binary.isEmpty())
        QSKIP("STOREFRONT_SERVER_BINARY is not set (run through ctest)");
    LocalStack *stack = TestStack::instance();
    QVERIFY(stack);
    const quint16 port = Loopback::freePort();
    m_base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("storefront.http.requests.info=false"));
    m_server.setProcessEnvironment(env);
    m_server.start(binary, serveArguments(port) + QStringList { QStringLiteral("--max-connections"), QString::number(kCap) });
    m_client = std::make_unique<HttpClient>(m_base);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->get(QStringLiteral("/healthz")).status, 200, 15000);
    const QJsonObject who { { "username", "steady-client" }, { "password", "steady-password-1" } };
    QCOMPARE(m_client->post(QStringLiteral("/api/v1/auth/register"), who).status, 201);
    const HttpClient::Reply login = m_client->post(QStringLiteral("/api/v1/auth/login"), who);
    QCOMPARE(login.status, 200);
    m_auth = { { "Authorization", "Bearer " + login.json().value("token").toString().toLatin1() } };
}

QStringList tst_Floods::serveArguments(quint16 port) const
{
    LocalStack *stack = TestStack::instance();
    return { QStringLiteral("serve"), QStringLiteral("--mysql"), stack->mysql().url(), QStringLiteral("--redis"),
             stack->redis().url(), QStringLiteral("--kafka"), stack->kafka().bootstrapServers(),
             QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--workers"),
             QStringLiteral("8"), QStringLiteral("--data-platform"), QStringLiteral("off"), QStringLiteral("--head-timeout"),
             QString::number(kHeadTimeoutSeconds), QStringLiteral("--idle-timeout"), QStringLiteral("5"),
             QStringLiteral("--password-iterations"), QStringLiteral("1000") };
}

void tst_Floods::cleanupTestCase()
{
    if (m_server.state() != QProcess::NotRunning) {
        m_server.terminate();
        m_server.waitForFinished(30000);
    }
}

QList<double> tst_Floods::normalClient(int n)
{
    QList<double> ms;
    for (int i = 0; i < n; ++i) {
        QElapsedTimer clock;
        clock.start();
        const HttpClient::Reply r = m_client->get(QStringLiteral("/api/v1/products?page=1&size=20"), m_auth);
        ms << double(clock.nsecsElapsed()) / 1e6;
        if (r.status != 200)
            ms << 1e9; // counts as a failure below
    }
    std::sort(ms.begin(), ms.end());
    return ms;
}

qint64 tst_Floods::memoryKiB(const QProcess &server, const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(server.processId()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').first().toLongLong();
    return -1;
}

std::vector<std::unique_ptr<QTcpSocket>> tst_Floods::connectMany(int n)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < n; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(QStringLiteral("127.0.0.1"), quint16(m_base.port()));
    }
    return sockets;
}

void tst_Floods::slowlorisIsCut()
{
    constexpr int kSlow = 300;
    auto slow = connectMany(kSlow);
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(slow.cbegin(), slow.cend(),
                                         [](const auto &s) { return s->state() == QAbstractSocket::ConnectedState; }),
                             10000);
    // One header byte per second on every connection, for as long as they stay open.
    const QByteArray trickle("GET /api/v1/products HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    int sent = 0;
    const auto dripOnce = [&] {
        for (const auto &s : slow)
            if (s->state() == QAbstractSocket::ConnectedState)
                s->write(trickle.mid(sent % trickle.size(), 1));
        ++sent;
    };
    QTimer drip;
    connect(&drip, &QTimer::timeout, this, dripOnce);
    drip.start(1000);
    dripOnce();

    // The normal client keeps asking for as long as the attack lasts; each trickler is
    // cut once its head has taken longer than --head-timeout (the idle timer alone,
    // reset by every byte, would keep them forever).
    const auto allCut = [&] {
        return std::all_of(slow.cbegin(), slow.cend(), [](const auto &s) { return s->state() == QAbstractSocket::UnconnectedState; });
    };
    QList<double> during;
    QElapsedTimer attack;
    attack.start();
    while (!allCut() && attack.elapsed() < (kHeadTimeoutSeconds + 5) * 1000)
        during << normalClient(20);
    std::sort(during.begin(), during.end());
    QVERIFY2(allCut(), "slowloris connections outlived the head timeout");
    QVERIFY(during.size() >= 100);
    QVERIFY2(during.last() < 1e9, "the normal client was refused during the slowloris attack");
    drip.stop();
    qInfo("slowloris: %d connections trickling 1 byte/s, all cut in %lld ms (head timeout %d s); normal client %d "
          "requests meanwhile, p50 %.1f ms, p99 %.1f ms; server peak memory %lld KiB",
          kSlow, attack.elapsed(), kHeadTimeoutSeconds, int(during.size()), during.at(during.size() / 2), during.at(int(during.size() * 0.99) - 1), peakMemoryKiB());
    QVERIFY(during.at(int(during.size() * 0.99) - 1) < 1000);
}

void tst_Floods::connectionFloodPastTheCap()
{
    // The normal client's keep-alive connection is open before the flood.
    QCOMPARE(m_client->get(QStringLiteral("/healthz")).status, 200);
    constexpr int kFlood = 3 * kCap;
    auto flood = connectMany(kFlood);
    int refused = 0;
    for (const auto &s : flood)
        connect(s.get(), &QTcpSocket::readyRead, this, [&refused, socket = s.get()] {
            if (socket->peek(12).startsWith("HTTP/1.1 503"))
                ++refused;
            socket->readAll();
        });
    // Past the cap every new connection is answered 503 and closed.
    QTRY_VERIFY_WITH_TIMEOUT(refused >= kFlood - kCap, 15000);

    const QList<double> during = normalClient(100);
    QVERIFY2(during.last() < 1e9, "the normal client was refused during the flood");
    qInfo("flood: %d connections against a cap of %d, %d answered 503; normal client p50 %.1f ms, p99 %.1f ms; "
          "server peak memory %lld KiB",
          kFlood, kCap, refused, during.at(during.size() / 2), during.at(int(during.size() * 0.99) - 1), peakMemoryKiB());
    QVERIFY(during.at(int(during.size() * 0.99) - 1) < 1000);

    // The flood's idle connections time out; then a new client gets in again.
    flood.clear();
    HttpClient fresh(m_base);
    QTRY_COMPARE_WITH_TIMEOUT(fresh.get(QStringLiteral("/healthz")).status, 200, 15000);
}

void tst_Floods::uploadFloodHeldOff()
{
    // 1,000 anonymous connections and 200 with a shopper's token each announce an 8 MiB
    // picture upload and trickle its body: refused at their heads (413), so the server
    // never holds their bodies. Then 12 admin uploads at once, past the 32 MiB budget
    // for bodies in flight: the first ones wait for their bodies, the rest are told to
    // come back (503, Retry-After). A second server without the connection cap of the
    // tests above, so that every one of these reaches the head gate.
    const quint16 port = Loopback::freePort();
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("storefront.http.requests.info=false"));
    env.insert(QStringLiteral("STOREFRONT_ADMIN_PASSWORD"), QStringLiteral("flood-admin-1"));
    server.setProcessEnvironment(env);
    server.start(qEnvironmentVariable("STOREFRONT_SERVER_BINARY"), serveArguments(port));
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));
    HttpClient client(base);
    QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/healthz")).status, 200, 15000);
    const auto tokenOf = [&](const char *user, const char *password) {
        return client.post(QStringLiteral("/api/v1/auth/login"), { { "username", user }, { "password", password } })
                .json()
                .value("token")
                .toString()
                .toLatin1();
    };
    const QByteArray shopper = tokenOf("steady-client", "steady-password-1");
    const QByteArray admin = tokenOf("admin", "flood-admin-1");
    QVERIFY(!shopper.isEmpty() && !admin.isEmpty());
    const QHash<QByteArray, QByteArray> steady { { "Authorization", "Bearer " + shopper } };
    const qint64 before = memoryKiB(server, "VmRSS:");

    const auto head = [](const QByteArray &token) {
        return QByteArray("POST /api/v1/admin/products/1/images HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\n")
                + (token.isEmpty() ? QByteArray() : "Authorization: Bearer " + token + "\r\n")
                + "Content-Length: 8388608\r\n\r\n";
    };
    struct Upload {
        std::unique_ptr<QTcpSocket> socket;
        QByteArray answer;
    };
    std::vector<Upload> uploads;
    const auto open = [&](int n, const QByteArray &token) {
        for (int i = 0; i < n; ++i) {
            uploads.push_back({ std::make_unique<QTcpSocket>(), {} });
            QTcpSocket *socket = uploads.back().socket.get();
            connect(socket, &QTcpSocket::connected, this, [socket, token, head] { socket->write(head(token)); });
            socket->connectToHost(QHostAddress::LocalHost, port);
        }
    };
    uploads.reserve(1212);
    open(1000, QByteArray());
    open(200, shopper);
    open(12, admin);
    for (Upload &u : uploads)
        connect(u.socket.get(), &QTcpSocket::readyRead, this, [&u] { u.answer += u.socket->readAll(); });
    // Their bodies trickle, a kilobyte a second each, while the answers come in.
    QTimer drip;
    connect(&drip, &QTimer::timeout, this, [&] {
        for (Upload &u : uploads)
            if (u.socket->state() == QAbstractSocket::ConnectedState && u.answer.isEmpty())
                u.socket->write(QByteArray(1024, 'p'));
    });
    drip.start(1000);
    const auto count = [&](int from, int to, const QByteArray &status) {
        return int(std::count_if(uploads.begin() + from, uploads.begin() + to,
                                 [&](const Upload &u) { return u.answer.startsWith("HTTP/1.1 " + status); }));
    };
    QTRY_VERIFY_WITH_TIMEOUT(count(0, 1200, "413") == 1200, 30000);
    // 32 MiB of budget: four 8 MiB bodies at once; the other eight are asked to retry.
    QTRY_COMPARE_WITH_TIMEOUT(count(1200, 1212, "503"), 8, 10000);
    QVERIFY(std::all_of(uploads.begin() + 1200, uploads.end(), [](const Upload &u) {
        return u.answer.isEmpty() || u.answer.contains("Retry-After: 1\r\n");
    }));
    QList<double> during;
    for (int i = 0; i < 100; ++i) {
        QElapsedTimer clock;
        clock.start();
        const HttpClient::Reply r = client.get(QStringLiteral("/api/v1/products?page=1&size=20"), steady);
        during << (r.status == 200 ? double(clock.nsecsElapsed()) / 1e6 : 1e9);
    }
    std::sort(during.begin(), during.end());
    drip.stop();
    const qint64 peak = memoryKiB(server, "VmHWM:");
    qInfo("upload flood: 1,000 anonymous and 200 shopper 8 MiB heads answered 413, 8 of 12 admin uploads 503 "
          "(budget 32 MiB); normal client p50 %.1f ms, p99 %.1f ms; server RSS %lld KiB before, peak %lld KiB",
          during.at(50), during.at(98), before, peak);
    QVERIFY2(during.last() < 1e9, "the normal client was refused during the upload flood");
    QVERIFY(during.at(98) < 1000);
#if defined(__SANITIZE_ADDRESS__)
    // Under ASan the shadow memory and the freed-memory quarantine are most of the RSS
    // (125 MiB before the flood, 218 MiB at its peak in installer/hardening.sh asan): the
    // bound is the default build's, where it is measured.
    qInfo("ASan build: the 100 MiB bound is not checked");
#else
    QVERIFY2(peak < 100 * 1024, qPrintable(QString::number(peak)));
#endif
    uploads.clear();
    server.terminate();
    QVERIFY(server.waitForFinished(30000));
}

QTEST_GUILESS_MAIN(tst_Floods)
#include "tst_floods.moc"

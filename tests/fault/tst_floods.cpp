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
// header byte a second, and a flood of connections well past the cap. A normal client
// is served through both; its p99 and the server's peak memory are printed.
class tst_Floods : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void slowlorisIsCut();
    void connectionFloodPastTheCap();

private:
    // `n` sequential requests of a signed-in client; its latencies, sorted (ms).
    QList<double> normalClient(int n);
    qint64 peakMemoryKiB() const;
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
    m_server.start(binary, { QStringLiteral("serve"), QStringLiteral("--mysql"), stack->mysql().url(), QStringLiteral("--redis"),
                             stack->redis().url(), QStringLiteral("--kafka"), stack->kafka().bootstrapServers(),
                             QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--workers"),
                             QStringLiteral("8"), QStringLiteral("--data-platform"), QStringLiteral("off"),
                             QStringLiteral("--max-connections"), QString::number(kCap), QStringLiteral("--head-timeout"),
                             QString::number(kHeadTimeoutSeconds), QStringLiteral("--idle-timeout"), QStringLiteral("5"),
                             QStringLiteral("--password-iterations"), QStringLiteral("1000") });
    m_client = std::make_unique<HttpClient>(m_base);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->get(QStringLiteral("/healthz")).status, 200, 15000);
    const QJsonObject who { { "username", "steady-client" }, { "password", "steady-password-1" } };
    QCOMPARE(m_client->post(QStringLiteral("/api/v1/auth/register"), who).status, 201);
    const HttpClient::Reply login = m_client->post(QStringLiteral("/api/v1/auth/login"), who);
    QCOMPARE(login.status, 200);
    m_auth = { { "Authorization", "Bearer " + login.json().value("token").toString().toLatin1() } };
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

qint64 tst_Floods::peakMemoryKiB() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(m_server.processId()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
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

QTEST_GUILESS_MAIN(tst_Floods)
#include "tst_floods.moc"

#include "HttpClient.h"
#include "LoadBalancer.h"
#include "ShutdownSignals.h"
#include "StorefrontServer.h"
#include "TestCertificates.h"
#include "TestStack.h"

#include <QtCore/QBuffer>
#include <QtCore/QFile>
#include <QtCore/QLoggingCategory>
#include <QtCore/QProcess>
#include <QtGui/QImage>
#include <QtNetwork/QSslSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <csignal>
#include <memory>

#include <sys/stat.h>

// HTTPS on --listen (API.md, Operations: secure connections): the JSON routes, a
// picture upload and keep-alive over TLS with a private CA; TLS 1.1 and plain HTTP
// refused; the start-up refusing a key others can read or a key of another
// certificate; a renewed certificate served after a reload (SIGHUP).
class tst_Tls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void jsonRoutesOverTls();
    void pictureUploadOverTls();
    void keepAliveOverTls();
    void clientWithoutTheCaRefuses();
    void oldProtocolsRefused_data();
    void oldProtocolsRefused();
    void plainHttpGetsNoAnswer();
    void startUpRefusesBadKeys_data();
    void startUpRefusesBadKeys();
    void renewedCertificateAfterReload();
    void hangupAsksForReload();
    void haproxyEndsTls();

private:
    QByteArray handshakeDigest(QSslSocket &socket);

    TestCertificates m_certs;
    std::unique_ptr<StorefrontServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    QByteArray m_adminToken;
};

void tst_Tls::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("storefront.http.requests.info=false"));
    QVERIFY2(m_certs.ok(), qPrintable(m_certs.error()));
    QVERIFY(TestStack::instance());
    QVERIFY(TestStack::truncateAll());
    ServerConfig config = TestStack::serverConfig(2);
    config.passwordIterations = 1000;
    config.adminPassword = QStringLiteral("admin-password-1");
    config.tlsCertFile = m_certs.serverCert();
    config.tlsKeyFile = m_certs.serverKey();
    m_server = std::make_unique<StorefrontServer>(config);
    const Status started = m_server->start();
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.failure().message));
    QVERIFY(m_server->baseUrl().startsWith(QLatin1String("https://127.0.0.1:")));
    m_client = std::make_unique<HttpClient>(QUrl(m_server->baseUrl()));
    m_client->trust(m_certs.caCert());
    const HttpClient::Reply login = m_client->post(QStringLiteral("/api/v1/auth/login"),
                                                   { { "username", "admin" }, { "password", "admin-password-1" } });
    QVERIFY2(login.status == 200, qPrintable(login.networkError + QString::fromUtf8(login.body)));
    m_adminToken = login.json().value("token").toString().toLatin1();
}

void tst_Tls::cleanupTestCase()
{
    m_client.reset();
    m_server.reset();
}

void tst_Tls::jsonRoutesOverTls()
{
    const HttpClient::Reply health = m_client->get(QStringLiteral("/healthz"));
    QCOMPARE(health.status, 200);
    QVERIFY(health.encrypted);
    const HttpClient::Reply registered = m_client->post(QStringLiteral("/api/v1/auth/register"),
                                                        { { "username", "tls-shopper" }, { "password", "password-123" } });
    QCOMPARE(registered.status, 201);
    const HttpClient::Reply login = m_client->post(QStringLiteral("/api/v1/auth/login"),
                                                   { { "username", "tls-shopper" }, { "password", "password-123" } });
    QCOMPARE(login.status, 200);
    QVERIFY(login.encrypted);
    const qint64 id = login.json().value("user").toObject().value("id").toInteger();
    const QHash<QByteArray, QByteArray> auth { { "Authorization", "Bearer " + login.json().value("token").toString().toLatin1() } };
    const HttpClient::Reply charged = m_client->post(QStringLiteral("/api/v1/users/%1/balance/charge").arg(id), { { "amount", 12300 } }, auth);
    QCOMPARE(charged.status, 200);
    QCOMPARE(charged.json().value("balance").toInteger(), 12300);
    // The gate still works on the decrypted stream: an oversized body is refused.
    const HttpClient::Reply big = m_client->send("POST", QStringLiteral("/api/v1/auth/login"), QByteArray(2 * 1024 * 1024, 'x'));
    QCOMPARE(big.status, 413);
}

void tst_Tls::pictureUploadOverTls()
{
    const QHash<QByteArray, QByteArray> admin { { "Authorization", "Bearer " + m_adminToken } };
    const HttpClient::Reply product = m_client->post(QStringLiteral("/api/v1/admin/products"),
                                                     { { "name", "녹차 세트" }, { "price", 15000 }, { "stock", 3 } }, admin);
    QCOMPARE(product.status, 201);
    QImage image(640, 480, QImage::Format_RGB32);
    image.fill(QColor(20, 120, 60));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(image.save(&buffer, "PNG"));
    QHash<QByteArray, QByteArray> upload = admin;
    upload.insert("Content-Type", "image/png");
    const HttpClient::Reply added = m_client->send(
            "POST", QStringLiteral("/api/v1/admin/products/%1/images").arg(product.json().value("id").toInteger()), png, upload);
    QCOMPARE(added.status, 201);
    QCOMPARE(added.json().value("width").toInt(), 640);
    const HttpClient::Reply stored = m_client->get(added.json().value("url").toString());
    QCOMPARE(stored.status, 200);
    QVERIFY(stored.encrypted);
    QCOMPARE(QImage::fromData(stored.body).size(), QSize(640, 480));
}

QByteArray tst_Tls::handshakeDigest(QSslSocket &socket)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(ssl.caCertificates() + QSslCertificate::fromPath(m_certs.caCert()));
    socket.setSslConfiguration(ssl);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_server->port());
    if (!socket.waitForEncrypted(10000))
        return QByteArray();
    return socket.peerCertificate().digest(QCryptographicHash::Sha256);
}

void tst_Tls::keepAliveOverTls()
{
    // Several requests on one TLS connection, each answered whole.
    QSslSocket socket;
    QVERIFY(!handshakeDigest(socket).isEmpty());
    QCOMPARE(socket.sessionProtocol() >= QSsl::TlsV1_2, true);
    for (int i = 0; i < 3; ++i) {
        socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).endsWith("{\"status\":\"ok\"}"), 5000);
        QVERIFY(answer.startsWith("HTTP/1.1 200 OK"));
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }
}

void tst_Tls::clientWithoutTheCaRefuses()
{
    // The server's certificate is not one the system trusts: a client that was not
    // given the shop's CA refuses it (and sends nothing).
    HttpClient stranger { QUrl(m_server->baseUrl()) };
    stranger.trust(m_certs.otherCaCert());
    const HttpClient::Reply refused = stranger.get(QStringLiteral("/healthz"));
    QCOMPARE(refused.status, 0);
    QVERIFY2(!refused.networkError.isEmpty(), "an SSL error, not an answer");
}

void tst_Tls::oldProtocolsRefused_data()
{
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("TLS 1.1") << QStringLiteral("-tls1_1") << false;
    QTest::newRow("TLS 1.0") << QStringLiteral("-tls1") << false;
    QTest::newRow("TLS 1.2") << QStringLiteral("-tls1_2") << true;
    QTest::newRow("TLS 1.3") << QStringLiteral("-tls1_3") << true;
}

void tst_Tls::oldProtocolsRefused()
{
    // openssl s_client offers exactly one version; security level 0 lets it offer the
    // old ones at all (Debian's default would refuse them on the client side).
    QFETCH(QString, protocol);
    QFETCH(bool, accepted);
    QProcess client;
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(QStringLiteral("openssl"), { QStringLiteral("s_client"), QStringLiteral("-connect"),
                                             QStringLiteral("127.0.0.1:%1").arg(m_server->port()), protocol,
                                             QStringLiteral("-cipher"), QStringLiteral("DEFAULT:@SECLEVEL=0"),
                                             QStringLiteral("-CAfile"), m_certs.caCert() });
    QVERIFY(client.waitForStarted());
    client.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QVERIFY(client.waitForFinished(20000));
    const QString output = QString::fromUtf8(client.readAll());
    QVERIFY2(output.contains(QLatin1String("{\"status\":\"ok\"}")) == accepted, qPrintable(output.left(1500)));
}

void tst_Tls::plainHttpGetsNoAnswer()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected());
    socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    QVERIFY(!socket.readAll().contains("\"ok\""));
}

void tst_Tls::startUpRefusesBadKeys_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("keyMode");
    QTest::addColumn<QString>("said");
    QTest::newRow("key readable by the group") << QStringLiteral("server.pem") << QStringLiteral("server.key") << 0640
                                               << QStringLiteral("can be read by others than its owner (mode 0640)");
    QTest::newRow("key readable by all") << QStringLiteral("server.pem") << QStringLiteral("server.key") << 0644
                                         << QStringLiteral("can be read by others than its owner (mode 0644)");
    QTest::newRow("another certificate's key") << QStringLiteral("server.pem") << QStringLiteral("renewed.key") << 0600
                                               << QStringLiteral("does not belong to the certificate");
    QTest::newRow("no such certificate") << QStringLiteral("missing.pem") << QStringLiteral("server.key") << 0600
                                         << QStringLiteral("cannot read the certificate");
    QTest::newRow("a key for a certificate") << QStringLiteral("server.pem") << QStringLiteral("ca.pem") << 0600
                                             << QStringLiteral("holds no unencrypted PEM private key");
}

void tst_Tls::startUpRefusesBadKeys()
{
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(int, keyMode);
    QFETCH(QString, said);
    const QString keyCopy = m_certs.path(QStringLiteral("copy-") + key);
    QFile::remove(keyCopy);
    QVERIFY(QFile::copy(m_certs.path(key), keyCopy));
    QVERIFY(::chmod(QFile::encodeName(keyCopy).constData(), mode_t(keyMode)) == 0);
    ServerConfig config = TestStack::serverConfig(1);
    config.tlsCertFile = m_certs.path(cert);
    config.tlsKeyFile = keyCopy;
    StorefrontServer server(config);
    const Status started = server.start();
    QVERIFY(!started.ok());
    QVERIFY2(started.failure().message.contains(said), qPrintable(started.failure().message));
    QCOMPARE(server.port(), quint16(0));
}

void tst_Tls::renewedCertificateAfterReload()
{
    // The files are replaced, the server told (SIGHUP in the service): new connections
    // get the new certificate, one already open keeps working.
    QSslSocket before;
    const QByteArray oldDigest = handshakeDigest(before);
    QVERIFY(!oldDigest.isEmpty());
    const QString cert = m_server->config().tlsCertFile;
    const QString key = m_server->config().tlsKeyFile;
    const QByteArray savedCert = [&] { QFile f(cert); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    const QByteArray savedKey = [&] { QFile f(key); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    const auto overwrite = [](const QString &to, const QByteArray &bytes) {
        QFile f(to);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
    };
    QFile renewedCert(m_certs.renewedCert());
    QFile renewedKey(m_certs.renewedKey());
    QVERIFY(renewedCert.open(QIODevice::ReadOnly) && renewedKey.open(QIODevice::ReadOnly));
    QVERIFY(overwrite(cert, renewedCert.readAll()) && overwrite(key, renewedKey.readAll()));
    QVERIFY(m_server->reloadTls().ok());

    QSslSocket after;
    const QByteArray newDigest = handshakeDigest(after);
    QVERIFY(!newDigest.isEmpty());
    QVERIFY(newDigest != oldDigest);
    before.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += before.readAll()).endsWith("{\"status\":\"ok\"}"), 5000);

    // A broken renewal (the key of another certificate) keeps the pair being served.
    QVERIFY(overwrite(key, savedKey));
    const Status broken = m_server->reloadTls();
    QVERIFY(!broken.ok());
    QVERIFY2(broken.failure().message.contains(QLatin1String("does not belong")), qPrintable(broken.failure().message));
    QSslSocket still;
    QCOMPARE(handshakeDigest(still), newDigest);
    QVERIFY(overwrite(cert, savedCert));
    QVERIFY(m_server->reloadTls().ok());
}

void tst_Tls::hangupAsksForReload()
{
    ShutdownSignals handler(nullptr, true);
    QSignalSpy reload(&handler, &ShutdownSignals::reloadRequested);
    QSignalSpy shutdown(&handler, &ShutdownSignals::shutdownRequested);
    QCOMPARE(::raise(SIGHUP), 0);
    QVERIFY(reload.wait(5000));
    QCOMPARE(shutdown.count(), 0);
}

void tst_Tls::haproxyEndsTls()
{
    // The shipped HAProxy template ending TLS in front of plain instances: HTTPS on its
    // port (the shop's certificate), the instances' answers through it, and no plain
    // HTTP on that port.
    if (LoadBalancer::executable().isEmpty())
        QSKIP("haproxy is not installed (installer/install-deps.sh installs it)");
    ServerConfig config = TestStack::serverConfig(2);
    config.connections.trustedProxies = { QHostAddress(QStringLiteral("127.0.0.1")) };
    StorefrontServer plain(config);
    QVERIFY(plain.start().ok());
    QVERIFY(plain.baseUrl().startsWith(QLatin1String("http://")));
    const QString pem = m_certs.path(QStringLiteral("haproxy.pem"));
    {
        QFile out(pem);
        QFile cert(m_certs.serverCert());
        QFile key(m_certs.serverKey());
        QVERIFY(out.open(QIODevice::WriteOnly) && cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
        out.write(cert.readAll() + key.readAll());
        QVERIFY(out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    }
    LoadBalancer balancer;
    balancer.useTls(pem, m_certs.caCert());
    QVERIFY2(balancer.start({ plain.port() }, QDeadlineTimer(20000)), qPrintable(balancer.log()));
    QCOMPARE(balancer.url().scheme(), QStringLiteral("https"));
    HttpClient client(balancer.url());
    client.trust(m_certs.caCert());
    QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/readyz")).status, 200, 10000);
    const HttpClient::Reply registered = client.post(QStringLiteral("/api/v1/auth/register"),
                                                     { { "username", "behind-haproxy" }, { "password", "password-123" } });
    QCOMPARE(registered.status, 201);
    QVERIFY(registered.encrypted);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, balancer.url().port());
    QVERIFY(socket.waitForConnected());
    socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 10000);
    QVERIFY(!socket.readAll().contains("\"ok\""));
    balancer.stop();
}

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"

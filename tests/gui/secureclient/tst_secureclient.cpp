#include "MainWindow.h"
#include "NoticeBar.h"
#include "ShopClient.h"
#include "StorefrontServer.h"
#include "TestCertificates.h"
#include "TestStack.h"

#include <QtCore/QLoggingCategory>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>

#include <memory>

// The desktop app and an https:// server (API.md, Operations: secure connections): a
// shop's private CA given to the app is trusted; a certificate from another CA, or an
// expired one, is refused in words naming the host and the SHA-256 fingerprint, never
// silently; a plain http:// server on another machine shows a lasting warning.
class tst_SecureClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void trustedAuthoritySignsIn();
    void untrustedCertificateRefused_data();
    void untrustedCertificateRefused();
    void plainHttpToAnotherMachineWarns_data();
    void plainHttpToAnotherMachineWarns();

private:
    std::unique_ptr<StorefrontServer> start(const QString &cert, const QString &key);
    static QString fingerprintOf(const QString &pemFile);
    Result<Session> signIn(ShopClient &client);

    TestCertificates m_certs;
    std::unique_ptr<StorefrontServer> m_server; // the shop's certificate, signed by its CA
    std::unique_ptr<StorefrontServer> m_expired; // a certificate that expired in 2020
};

std::unique_ptr<StorefrontServer> tst_SecureClient::start(const QString &cert, const QString &key)
{
    ServerConfig config = TestStack::serverConfig(2);
    config.passwordIterations = 1000;
    config.adminPassword = QStringLiteral("admin-password-1");
    config.tlsCertFile = cert;
    config.tlsKeyFile = key;
    auto server = std::make_unique<StorefrontServer>(config);
    if (!server->start().ok())
        return nullptr;
    return server;
}

void tst_SecureClient::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("storefront.http.requests.info=false"));
    QVERIFY2(m_certs.ok(), qPrintable(m_certs.error()));
    QVERIFY(TestStack::instance());
    QVERIFY(TestStack::truncateAll());
    m_server = start(m_certs.serverCert(), m_certs.serverKey());
    QVERIFY(m_server);
    m_expired = start(m_certs.expiredCert(), m_certs.path(QStringLiteral("expired.key")));
    QVERIFY(m_expired);
}

void tst_SecureClient::cleanupTestCase()
{
    m_expired.reset();
    m_server.reset();
}

QString tst_SecureClient::fingerprintOf(const QString &pemFile)
{
    QStringList hex;
    for (const char byte : QSslCertificate::fromPath(pemFile).value(0).digest(QCryptographicHash::Sha256))
        hex << QString::number(quint8(byte), 16).rightJustified(2, QLatin1Char('0')).toUpper();
    return hex.join(QLatin1Char(':'));
}

Result<Session> tst_SecureClient::signIn(ShopClient &client)
{
    std::optional<Result<Session>> answer;
    client.login(QStringLiteral("admin"), QStringLiteral("admin-password-1"), this,
                 [&answer](const Result<Session> &session) { answer = session; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 15000))
        return Failure { ErrorCode::Internal, QStringLiteral("no answer"), {} };
    return *answer;
}

void tst_SecureClient::trustedAuthoritySignsIn()
{
    ShopClient client;
    client.setTrustedAuthorities(QSslCertificate::fromPath(m_certs.caCert()));
    client.setServer(QUrl(m_server->baseUrl()));
    QVERIFY(m_server->baseUrl().startsWith(QLatin1String("https://")));
    QVERIFY(!client.unencryptedRemote());
    QSignalSpy refused(&client, &ShopClient::certificateRefused);
    const Result<Session> session = signIn(client);
    QVERIFY2(session.ok(), session.ok() ? "" : qPrintable(session.failure().message));
    QCOMPARE(session->role, QStringLiteral("ADMIN"));
    QCOMPARE(refused.count(), 0);
}

void tst_SecureClient::untrustedCertificateRefused_data()
{
    QTest::addColumn<bool>("expired");
    QTest::addColumn<bool>("trustTheCa");
    QTest::addColumn<QString>("why");
    QTest::newRow("another CA's client") << false << false << QStringLiteral("issuer certificate");
    QTest::newRow("an expired certificate") << true << true << QStringLiteral("expired");
}

void tst_SecureClient::untrustedCertificateRefused()
{
    QFETCH(bool, expired);
    QFETCH(bool, trustTheCa);
    QFETCH(QString, why);
    StorefrontServer &server = expired ? *m_expired : *m_server;
    MainWindow window;
    ShopClient &client = *window.client();
    client.setTrustedAuthorities(QSslCertificate::fromPath(trustTheCa ? m_certs.caCert() : m_certs.otherCaCert()));
    QSignalSpy refused(&client, &ShopClient::certificateRefused);
    client.setServer(QUrl(server.baseUrl()));
    const Result<Session> session = signIn(client);
    QVERIFY(!session.ok());
    const QString text = session.failure().message;
    const QString fingerprint = fingerprintOf(expired ? m_certs.expiredCert() : m_certs.serverCert());
    QVERIFY2(text.contains(QLatin1String("127.0.0.1")), qPrintable(text));
    QVERIFY2(text.contains(fingerprint), qPrintable(text + QLatin1String(" / ") + fingerprint));
    QVERIFY2(text.contains(why, Qt::CaseInsensitive), qPrintable(text));
    QVERIFY(!client.session().loggedIn());
    QCOMPARE(refused.count(), 1);
    // The window says it too, and it stays.
    auto *banner = window.findChild<NoticeBar *>(QStringLiteral("securityBanner"));
    QVERIFY(banner);
    QTRY_VERIFY(banner->isVisibleTo(&window));
    QVERIFY(banner->text().contains(fingerprint));
}

void tst_SecureClient::plainHttpToAnotherMachineWarns_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<bool>("warned");
    QTest::newRow("another machine, plain") << QStringLiteral("http://192.0.2.10:8080") << true;
    QTest::newRow("a name, plain") << QStringLiteral("http://shop.example.com") << true;
    QTest::newRow("this machine, plain") << QStringLiteral("http://127.0.0.1:8080") << false;
    QTest::newRow("localhost, plain") << QStringLiteral("http://localhost:8080") << false;
    QTest::newRow("another machine, https") << QStringLiteral("https://192.0.2.10:8443") << false;
}

void tst_SecureClient::plainHttpToAnotherMachineWarns()
{
    QFETCH(QString, server);
    QFETCH(bool, warned);
    MainWindow window;
    window.connectTo(server);
    auto *banner = window.findChild<NoticeBar *>(QStringLiteral("securityBanner"));
    QVERIFY(banner);
    QCOMPARE(window.client()->unencryptedRemote(), warned);
    QCOMPARE(banner->isVisibleTo(&window), warned);
    if (warned)
        QVERIFY(banner->text().contains(QLatin1String("not encrypted")));
}

QTEST_MAIN(tst_SecureClient)
#include "tst_secureclient.moc"

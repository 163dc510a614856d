#include "ClusterFixture.h"
#include "TestStack.h"

#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>

// What several instances must share without any set-up beyond the services'
// addresses (issue 15, points 1-4; API.md Authentication and Operations): three
// instances WITHOUT --token-secret, believing X-Forwarded-For from 127.0.0.1, behind
// HAProxy; and two instances started at the same moment on an empty database (the
// admin bootstrap). These wait for the server side of that work: until it is merged
// the instances do not even start (--trusted-proxy is unknown to them), and of two
// fresh instances the one that loses the race to create `admin` exits.
class tst_ClusterShared : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void readyzSaysReady_data();
    void readyzSaysReady();
    void tokenWithoutSecretAcceptedByAll_data();
    void tokenWithoutSecretAcceptedByAll();
    void loginLimitsShared();
    void passwordChangeRevokesEverywhere();
    void disabledAccountRefusedEverywhere();
    void simultaneousStartOnEmptyDatabase();

private:
    static QHash<QByteArray, QByteArray> bearer(const HttpClient::Reply &login);
    HttpClient::Reply login(int instance, const QString &username, const QString &password,
                            const QByteArray &clientAddress = QByteArray());
    ClusterFixture m_cluster;
};

QHash<QByteArray, QByteArray> tst_ClusterShared::bearer(const HttpClient::Reply &login)
{
    return { { "Authorization", "Bearer " + login.json().value("token").toString().toLatin1() } };
}

HttpClient::Reply tst_ClusterShared::login(int instance, const QString &username, const QString &password,
                                           const QByteArray &clientAddress)
{
    HttpClient client(m_cluster.instance(instance).url());
    QHash<QByteArray, QByteArray> headers;
    if (!clientAddress.isEmpty())
        headers.insert("X-Forwarded-For", clientAddress);
    return client.post(QStringLiteral("/api/v1/auth/login"), { { "username", username }, { "password", password } }, headers);
}

void tst_ClusterShared::initTestCase()
{
    if (ServerInstance::binary().isEmpty())
        QSKIP("STOREFRONT_SERVER_BINARY is not set (run through ctest)");
    QVERIFY(TestStack::instance());
    ClusterFixture::Options options;
    options.sharedSecret = false;
    options.extraArguments = QStringList { QStringLiteral("--trusted-proxy"), QStringLiteral("127.0.0.1") };
    const QString failed = m_cluster.start(options);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
}

void tst_ClusterShared::cleanupTestCase()
{
    m_cluster.stop();
}

void tst_ClusterShared::readyzSaysReady_data()
{
    QTest::addColumn<int>("instance");
    QTest::newRow("instance 1") << 0;
    QTest::newRow("instance 2") << 1;
    QTest::newRow("instance 3") << 2;
}

void tst_ClusterShared::readyzSaysReady()
{
    QFETCH(int, instance);
    HttpClient client(m_cluster.instance(instance).url());
    const HttpClient::Reply ready = client.get(QStringLiteral("/readyz"));
    QCOMPARE(ready.status, 200);
    QCOMPARE(ready.json().value("status").toString(), QStringLiteral("ready"));
}

void tst_ClusterShared::tokenWithoutSecretAcceptedByAll_data()
{
    QTest::addColumn<int>("issuer");
    QTest::newRow("issued by instance 1") << 0;
    QTest::newRow("issued by instance 2") << 1;
    QTest::newRow("issued by instance 3") << 2;
}

void tst_ClusterShared::tokenWithoutSecretAcceptedByAll()
{
    QFETCH(int, issuer);
    const ShopFixture::User user = m_cluster.shop().newShopper();
    QVERIFY(user.id > 0);
    const HttpClient::Reply issued = login(issuer, user.username, QStringLiteral("password-123"));
    QCOMPARE(issued.status, 200);
    for (int i = 0; i < m_cluster.size(); ++i) {
        HttpClient client(m_cluster.instance(i).url());
        const HttpClient::Reply balance = client.get(QStringLiteral("/api/v1/users/%1/balance").arg(user.id), bearer(issued));
        QVERIFY2(balance.status == 200, qPrintable(m_cluster.instance(i).name() + QLatin1Char(' ') + QString::fromUtf8(balance.body)));
    }
}

void tst_ClusterShared::loginLimitsShared()
{
    const ShopFixture::User user = m_cluster.shop().newShopper();
    QVERIFY(user.id > 0);
    const QByteArray attacker = "198.51.100.10";
    // Five bad passwords for one username from one client, spread over the instances.
    for (int i = 0; i < 5; ++i) {
        const HttpClient::Reply bad = login(i % m_cluster.size(), user.username, QStringLiteral("wrong-password"), attacker);
        QCOMPARE(bad.status, 401);
        QCOMPARE(bad.errorCode(), QStringLiteral("INVALID_CREDENTIALS"));
    }
    // The sixth is refused by any instance, whichever answered the five.
    for (int i = 0; i < m_cluster.size(); ++i) {
        const HttpClient::Reply limited = login(i, user.username, QStringLiteral("wrong-password"), attacker);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), QStringLiteral("RATE_LIMITED"));
    }
    // Another client with the right password still gets in: nobody can lock a user out.
    const HttpClient::Reply owner = login(0, user.username, QStringLiteral("password-123"), "203.0.113.20");
    QCOMPARE(owner.status, 200);
}

void tst_ClusterShared::passwordChangeRevokesEverywhere()
{
    const ShopFixture::User user = m_cluster.shop().newShopper();
    QVERIFY(user.id > 0);
    const HttpClient::Reply before = login(0, user.username, QStringLiteral("password-123"));
    QCOMPARE(before.status, 200);
    for (int i = 0; i < m_cluster.size(); ++i) {
        HttpClient client(m_cluster.instance(i).url());
        QCOMPARE(client.get(QStringLiteral("/api/v1/users/%1/balance").arg(user.id), bearer(before)).status, 200);
    }
    HttpClient first(m_cluster.instance(1).url());
    const HttpClient::Reply changed = first.post(QStringLiteral("/api/v1/users/%1/password").arg(user.id),
                                                 { { "currentPassword", "password-123" }, { "newPassword", "new-password-456" } },
                                                 bearer(before));
    QCOMPARE(changed.status, 204);
    // Within 5 s of the 204, on every instance at once.
    const auto refusedEverywhere = [&] {
        for (int i = 0; i < m_cluster.size(); ++i) {
            HttpClient client(m_cluster.instance(i).url());
            if (client.get(QStringLiteral("/api/v1/users/%1/balance").arg(user.id), bearer(before)).status != 401)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(refusedEverywhere(), 5000);
    for (int i = 0; i < m_cluster.size(); ++i) {
        QCOMPARE(login(i, user.username, QStringLiteral("password-123")).status, 401);
        const HttpClient::Reply after = login(i, user.username, QStringLiteral("new-password-456"));
        QCOMPARE(after.status, 200);
        HttpClient client(m_cluster.instance(i).url());
        QCOMPARE(client.get(QStringLiteral("/api/v1/users/%1/balance").arg(user.id), bearer(after)).status, 200);
    }
}

void tst_ClusterShared::disabledAccountRefusedEverywhere()
{
    const ShopFixture::User user = m_cluster.shop().newShopper();
    QVERIFY(user.id > 0);
    const HttpClient::Reply before = login(0, user.username, QStringLiteral("password-123"));
    QCOMPARE(before.status, 200);
    // Every instance has the account's state cached (TokenVersions) before the change.
    for (int i = 0; i < m_cluster.size(); ++i) {
        HttpClient client(m_cluster.instance(i).url());
        QCOMPARE(client.get(QStringLiteral("/api/v1/users/%1/balance").arg(user.id), bearer(before)).status, 200);
    }
    const HttpClient::Reply admin = login(1, QStringLiteral("admin"), QString::fromLatin1(ShopFixture::kAdminPassword));
    QCOMPARE(admin.status, 200);
    HttpClient second(m_cluster.instance(1).url());
    const HttpClient::Reply disabled = second.send("PATCH", QStringLiteral("/api/v1/admin/users/%1").arg(user.id),
                                                   R"({"disabled":true})", bearer(admin));
    QCOMPARE(disabled.status, 200);
    QCOMPARE(disabled.json().value("disabled").toBool(), true);
    // Within 5 s of the answer, on every instance: its tokens fail, it cannot log in.
    const auto refusedEverywhere = [&] {
        for (int i = 0; i < m_cluster.size(); ++i) {
            HttpClient client(m_cluster.instance(i).url());
            if (client.get(QStringLiteral("/api/v1/users/%1/balance").arg(user.id), bearer(before)).status != 401)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(refusedEverywhere(), 5000);
    for (int i = 0; i < m_cluster.size(); ++i) {
        // The right password of a disabled account: told so (403), on every instance.
        const HttpClient::Reply refused = login(i, user.username, QStringLiteral("password-123"));
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), QStringLiteral("ACCOUNT_DISABLED"));
    }
    // Enabled again: a new login works everywhere (the old token stays revoked).
    QCOMPARE(second.send("PATCH", QStringLiteral("/api/v1/admin/users/%1").arg(user.id), R"({"disabled":false})", bearer(admin)).status,
             200);
    const HttpClient::Reply again = login(2, user.username, QStringLiteral("password-123"));
    QCOMPARE(again.status, 200);
    for (int i = 0; i < m_cluster.size(); ++i) {
        HttpClient client(m_cluster.instance(i).url());
        QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/api/v1/users/%1/balance").arg(user.id), bearer(again)).status, 200, 5000);
        QCOMPARE(client.get(QStringLiteral("/api/v1/users/%1/balance").arg(user.id), bearer(before)).status, 401);
    }
}

void tst_ClusterShared::simultaneousStartOnEmptyDatabase()
{
    const QString database = QStringLiteral("cluster_fresh_%1").arg(QRandomGenerator::global()->bounded(1000000));
    QCOMPARE(m_cluster.shop().scalar(QStringLiteral("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?"), { database }), 0);
    m_cluster.shop().scalar(QStringLiteral("CREATE DATABASE `%1` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci").arg(database));
    QCOMPARE(m_cluster.shop().scalar(QStringLiteral("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?"), { database }), 1);
    // Its own Redis prefix: the fresh database hands out ids the shared one already uses.
    const QStringList arguments = ClusterFixture::serviceArguments(database) + m_cluster.commonArguments()
            + QStringList { QStringLiteral("--redis-prefix"), database + QLatin1Char(':') };
    ServerInstance first(QStringLiteral("fresh 1"), arguments, ClusterFixture::environment());
    ServerInstance second(QStringLiteral("fresh 2"), arguments, ClusterFixture::environment());
    QVERIFY(first.start());
    QVERIFY(second.start());
    const QDeadlineTimer deadline(60000);
    QVERIFY2(first.waitReady(deadline), qPrintable(first.logTail()));
    QVERIFY2(second.waitReady(deadline), qPrintable(second.logTail()));
    QCOMPARE(m_cluster.shop().scalar(QStringLiteral("SELECT COUNT(*) FROM `%1`.users WHERE username = 'admin'").arg(database)), 1);
    for (ServerInstance *instance : { &first, &second }) {
        HttpClient client(instance->url());
        QCOMPARE(client.post(QStringLiteral("/api/v1/auth/login"), { { "username", "admin" }, { "password", ShopFixture::kAdminPassword } })
                         .status,
                 200);
    }
    first.terminate();
    second.terminate();
    m_cluster.shop().scalar(QStringLiteral("DROP DATABASE `%1`").arg(database));
}

QTEST_GUILESS_MAIN(tst_ClusterShared)
#include "tst_cluster_shared.moc"

#include "Database.h"
#include "HttpClient.h"
#include "ParallelRequests.h"
#include "ServerInstance.h"
#include "StorefrontServer.h"
#include "TestStack.h"

#include <QtCore/QLoggingCategory>
#include <QtCore/QProcess>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

#include <memory>

// Who may become the shop's administrator (API.md, Authentication): nobody by
// registering `admin`; never a shopper by the start-up; the first owner of a new
// desktop shop through POST /api/v1/auth/owner with the app's one-time secret; a
// standalone shop through STOREFRONT_ADMIN_PASSWORD or `storefront-server admin create`.
class tst_ShopOwner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void adminIsNeverRegistrable_data();
    void adminIsNeverRegistrable();
    void startUpNeverPromotesAShopper();
    void ownerRouteRefuses_data();
    void ownerRouteRefuses();
    void firstOwnerOnce();
    void ownerClaimsAtOnceMakeOne();
    void adminCreateCommand();

private:
    bool startServer(const QByteArray &ownerSecret, const QString &adminPassword = QString());
    qint64 scalar(const QString &sql);
    HttpClient::Reply ownerPost(const QByteArray &secret, const QString &username, const QString &password = QStringLiteral("owner-password-1"));

    static constexpr const char *kSecret = "0123456789abcdef0123456789abcdef";
    std::unique_ptr<StorefrontServer> m_server;
    std::unique_ptr<HttpClient> m_client;
};

void tst_ShopOwner::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("storefront.http.requests.info=false"));
    QVERIFY(TestStack::instance());
}

void tst_ShopOwner::init()
{
    QVERIFY(TestStack::truncateAll());
}

void tst_ShopOwner::cleanup()
{
    m_client.reset();
    m_server.reset();
}

bool tst_ShopOwner::startServer(const QByteArray &ownerSecret, const QString &adminPassword)
{
    ServerConfig config = TestStack::serverConfig(2);
    config.passwordIterations = 1000;
    config.tokenSecret = QStringLiteral("test-secret-test-secret-test-secret");
    config.ownerSecret = ownerSecret;
    config.adminPassword = adminPassword;
    m_client.reset();
    m_server = std::make_unique<StorefrontServer>(config);
    if (!m_server->start().ok())
        return false;
    m_client = std::make_unique<HttpClient>(QUrl(m_server->baseUrl()));
    return true;
}

qint64 tst_ShopOwner::scalar(const QString &sql)
{
    Database db(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(), QStringLiteral("owner-check"));
    if (!db.open())
        return -1;
    QSqlQuery q(db.handle());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

HttpClient::Reply tst_ShopOwner::ownerPost(const QByteArray &secret, const QString &username, const QString &password)
{
    QHash<QByteArray, QByteArray> headers;
    if (!secret.isNull())
        headers.insert("X-Owner-Secret", secret);
    return m_client->post(QStringLiteral("/api/v1/auth/owner"), { { "username", username }, { "password", password } }, headers);
}

void tst_ShopOwner::adminIsNeverRegistrable_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<bool>("adminExists");
    QTest::newRow("admin, no admin yet") << QStringLiteral("admin") << false;
    QTest::newRow("admin, an admin exists") << QStringLiteral("admin") << true;
    QTest::newRow("Admin") << QStringLiteral("Admin") << false;
    QTest::newRow("ADMIN") << QStringLiteral("ADMIN") << true;
}

void tst_ShopOwner::adminIsNeverRegistrable()
{
    QFETCH(QString, username);
    QFETCH(bool, adminExists);
    QVERIFY(startServer(QByteArray(), adminExists ? QStringLiteral("configured-admin-1") : QString()));
    const HttpClient::Reply reply = m_client->post(QStringLiteral("/api/v1/auth/register"),
                                                   { { "username", username }, { "password", "password-123" } });
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.errorCode(), QStringLiteral("USERNAME_TAKEN"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'SHOPPER'")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users")), adminExists ? 1 : 0);
    // Any other name is a shopper as before.
    QCOMPARE(m_client->post(QStringLiteral("/api/v1/auth/register"), { { "username", "admin2" }, { "password", "password-123" } }).status,
             201);
}

void tst_ShopOwner::startUpNeverPromotesAShopper()
{
    // A shopper who took `admin` on an older version, with money in the wallet.
    QVERIFY(startServer(QByteArray()));
    QCOMPARE(m_client->post(QStringLiteral("/api/v1/auth/register"), { { "username", "taker" }, { "password", "password-123" } }).status,
             201);
    m_server.reset();
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE username = 'taker'")), 1);
    Database db(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(), QStringLiteral("owner-rename"));
    QVERIFY(db.open().ok());
    QVERIFY(QSqlQuery(db.handle()).exec(QStringLiteral("UPDATE users SET username = 'admin' WHERE username = 'taker'")));

    // The owner then starts the shop with STOREFRONT_ADMIN_PASSWORD: it opens, and the
    // shopper stays a shopper whose password is unchanged.
    QVERIFY(startServer(QByteArray(), QStringLiteral("owner-chose-this")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'ADMIN'")), 0);
    const HttpClient::Reply asOwner = m_client->post(QStringLiteral("/api/v1/auth/login"),
                                                     { { "username", "admin" }, { "password", "owner-chose-this" } });
    QCOMPARE(asOwner.status, 401);
    const HttpClient::Reply asTaker = m_client->post(QStringLiteral("/api/v1/auth/login"),
                                                     { { "username", "admin" }, { "password", "password-123" } });
    QCOMPARE(asTaker.status, 200);
    QCOMPARE(asTaker.json().value("user").toObject().value("role").toString(), QStringLiteral("SHOPPER"));
}

void tst_ShopOwner::ownerRouteRefuses_data()
{
    QTest::addColumn<QByteArray>("serverSecret");
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<bool>("adminExists");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QByteArray secret(kSecret);
    QTest::newRow("standalone server, no secret sent") << QByteArray() << QByteArray() << false << 403 << "FORBIDDEN";
    QTest::newRow("standalone server, a secret sent") << QByteArray() << secret << false << 403 << "FORBIDDEN";
    QTest::newRow("app's server, no secret sent") << secret << QByteArray() << false << 403 << "FORBIDDEN";
    QTest::newRow("app's server, a wrong secret") << secret << QByteArray("0123456789abcdef0123456789abcdee") << false << 403
                                                  << "FORBIDDEN";
    QTest::newRow("app's server, a prefix of it") << secret << secret.left(16) << false << 403 << "FORBIDDEN";
    QTest::newRow("right secret, an admin exists") << secret << secret << true << 403 << "FORBIDDEN";
}

void tst_ShopOwner::ownerRouteRefuses()
{
    QFETCH(QByteArray, serverSecret);
    QFETCH(QByteArray, sent);
    QFETCH(bool, adminExists);
    QFETCH(int, status);
    QFETCH(QString, code);
    QVERIFY(startServer(serverSecret, adminExists ? QStringLiteral("configured-admin-1") : QString()));
    const qint64 before = scalar(QStringLiteral("SELECT COUNT(*) FROM users"));
    const HttpClient::Reply reply = ownerPost(sent, QStringLiteral("owner"));
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.errorCode(), code);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users")), before);
    QHash<QByteArray, QByteArray> headers;
    if (!sent.isNull())
        headers.insert("X-Owner-Secret", sent);
    QCOMPARE(m_client->get(QStringLiteral("/api/v1/auth/owner"), headers).status, adminExists ? 200 : 403);
}

void tst_ShopOwner::firstOwnerOnce()
{
    const QByteArray secret(kSecret);
    QVERIFY(startServer(secret));
    const QHash<QByteArray, QByteArray> withSecret { { "X-Owner-Secret", secret } };
    const HttpClient::Reply needed = m_client->get(QStringLiteral("/api/v1/auth/owner"), withSecret);
    QCOMPARE(needed.status, 200);
    QCOMPARE(needed.json().value("ownerNeeded"), QJsonValue(true));

    // Bad input changes nothing and does not spend the secret.
    const HttpClient::Reply shortPassword = ownerPost(secret, QStringLiteral("kim.owner"), QStringLiteral("short"));
    QCOMPARE(shortPassword.status, 400);
    QCOMPARE(shortPassword.errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(shortPassword.json().value("error").toObject().value("details").toObject().value("field").toString(),
             QStringLiteral("password"));
    QCOMPARE(m_client->post(QStringLiteral("/api/v1/auth/register"), { { "username", "shopper1" }, { "password", "password-123" } }).status,
             201);
    const HttpClient::Reply taken = ownerPost(secret, QStringLiteral("shopper1"));
    QCOMPARE(taken.status, 409);
    QCOMPARE(taken.errorCode(), QStringLiteral("USERNAME_TAKEN"));

    const HttpClient::Reply created = ownerPost(secret, QStringLiteral("kim.owner"));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json().value("username").toString(), QStringLiteral("kim.owner"));
    QCOMPARE(created.json().value("role").toString(), QStringLiteral("ADMIN"));
    const HttpClient::Reply login = m_client->post(QStringLiteral("/api/v1/auth/login"),
                                                   { { "username", "kim.owner" }, { "password", "owner-password-1" } });
    QCOMPARE(login.status, 200);
    QCOMPARE(login.json().value("user").toObject().value("role").toString(), QStringLiteral("ADMIN"));
    const QByteArray token = login.json().value("token").toString().toLatin1();
    QCOMPARE(m_client->get(QStringLiteral("/api/v1/admin/users"), { { "Authorization", "Bearer " + token } }).status, 200);

    // Spent: the same secret claims nothing more, and asks nothing more.
    const HttpClient::Reply second = ownerPost(secret, QStringLiteral("someone.else"));
    QCOMPARE(second.status, 403);
    QCOMPARE(second.errorCode(), QStringLiteral("FORBIDDEN"));
    QCOMPARE(m_client->get(QStringLiteral("/api/v1/auth/owner"), withSecret).status, 403);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'ADMIN'")), 1);
}

void tst_ShopOwner::ownerClaimsAtOnceMakeOne()
{
    const QByteArray secret(kSecret);
    QVERIFY(startServer(secret));
    QList<ParallelRequests::Request> claims;
    for (int i = 0; i < 8; ++i)
        claims.append({ "POST", QStringLiteral("/api/v1/auth/owner"),
                        QJsonDocument(QJsonObject { { "username", QStringLiteral("owner%1").arg(i) },
                                                    { "password", "owner-password-1" } })
                                .toJson(QJsonDocument::Compact),
                        { { "X-Owner-Secret", secret }, { "Content-Type", "application/json" } } });
    const QList<HttpClient::Reply> replies = ParallelRequests::run(QUrl(m_server->baseUrl()), claims);
    int created = 0;
    for (const HttpClient::Reply &reply : replies) {
        QVERIFY2(reply.status == 201 || reply.status == 403, reply.body.constData());
        created += reply.status == 201;
    }
    QCOMPARE(created, 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'ADMIN'")), 1);
}

void tst_ShopOwner::adminCreateCommand()
{
    // A standalone shop's first administrator, from the command line; the password is
    // read from standard input (a pipe here, a hidden prompt on a terminal).
    QVERIFY(!ServerInstance::binary().isEmpty());
    LocalStack *stack = TestStack::instance();
    const QStringList services { QStringLiteral("--mysql"), stack->mysql().url(), QStringLiteral("--redis"), stack->redis().url(),
                                 QStringLiteral("--kafka"), stack->kafka().bootstrapServers() };
    const auto run = [&](const QStringList &arguments, const QByteArray &input) {
        QProcess process;
        process.start(ServerInstance::binary(), arguments);
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(60000);
        return std::make_pair(process.exitCode(), QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()));
    };
    const QStringList create { QStringLiteral("admin"), QStringLiteral("create"), QStringLiteral("--username"),
                               QStringLiteral("boss") };
    const auto made = run(create + services, "boss-password-1\n");
    QVERIFY2(made.first == 0, qPrintable(made.second));
    QVERIFY2(made.second.contains(QStringLiteral("administrator boss created")), qPrintable(made.second));
    QVERIFY(startServer(QByteArray()));
    const HttpClient::Reply login = m_client->post(QStringLiteral("/api/v1/auth/login"),
                                                   { { "username", "boss" }, { "password", "boss-password-1" } });
    QCOMPARE(login.status, 200);
    QCOMPARE(login.json().value("user").toObject().value("role").toString(), QStringLiteral("ADMIN"));

    const auto again = run(create + services, "another-password\n");
    QCOMPARE(again.first, 1);
    QVERIFY2(again.second.contains(QStringLiteral("taken")), qPrintable(again.second));
    const auto weak = run(QStringList { QStringLiteral("admin"), QStringLiteral("create"), QStringLiteral("--username"),
                                        QStringLiteral("boss2") } + services,
                          "short\n");
    QCOMPARE(weak.first, 1);
    QVERIFY2(weak.second.contains(QStringLiteral("8 to 128")), qPrintable(weak.second));
    const auto nameless = run(QStringList { QStringLiteral("admin"), QStringLiteral("create") } + services, "x\n");
    QCOMPARE(nameless.first, 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = 'ADMIN'")), 1);
}

QTEST_GUILESS_MAIN(tst_ShopOwner)
#include "tst_shopowner.moc"

#include "AuthService.h"
#include "Database.h"
#include "LoginThrottle.h"
#include "MysqlEndpoint.h"
#include "ShopFixture.h"
#include "TestStack.h"
#include "TokenSigner.h"

#include <QtCore/QLoggingCategory>
#include <QtTest/QTest>

#include <mutex>

namespace {
// Everything the server logs during this test, to look for secrets in it.
std::mutex g_logMutex;
QString g_log;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        std::lock_guard<std::mutex> lock(g_logMutex);
        g_log += message + QLatin1Char('\n');
    }
    if (g_previous)
        g_previous(type, context, message);
}

const QString kTokenSecret = QStringLiteral("test-secret-test-secret-test-secret");
}

// No one let in: failed logins are rate-limited per username and per address, forged
// or expired tokens are refused over HTTP, every answer carries the security headers,
// and no password, token or signing secret reaches the log.
class tst_Security : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void securityHeaders_data();
    void securityHeaders();
    void forgedTokens_data();
    void forgedTokens();
    void loginLimitedPerUsername();
    void loginNameOutsideThePattern();
    void malformedNameCostsNothing_data();
    void malformedNameCostsNothing();
    void processCopyKeepsTheSameRules();
    void onePasswordRunPerRequest_data();
    void onePasswordRunPerRequest();
    void passwordWorkBounded();
    void secretsNeverLogged();
    void loginLimitedPerAddress(); // last: it blocks this address for the rest of the run

private:
    HttpClient::Reply login(const QString &username, const QString &password);
    ShopFixture m_shop;
    ShopFixture::User m_user;
};

void tst_Security::initTestCase()
{
    g_previous = qInstallMessageHandler(capture);
    // The request log is where a leak would be: make sure it is on.
    QLoggingCategory::setFilterRules(QStringLiteral("storefront.*.debug=true"));
    QVERIFY(TestStack::instance());
    QVERIFY(m_shop.start(4));
    m_user = m_shop.newShopper();
    QVERIFY(m_user.id > 0);
}

void tst_Security::cleanupTestCase()
{
    m_shop.stop();
    qInstallMessageHandler(g_previous);
}

HttpClient::Reply tst_Security::login(const QString &username, const QString &password)
{
    return m_shop.client().post(QStringLiteral("/api/v1/auth/login"), { { "username", username }, { "password", password } });
}

void tst_Security::securityHeaders_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("signedIn");
    QTest::addColumn<int>("status");
    QTest::newRow("healthz") << QByteArray("GET") << QStringLiteral("/healthz") << false << 200;
    QTest::newRow("balance") << QByteArray("GET") << QStringLiteral("/api/v1/users/%1/balance") << true << 200;
    QTest::newRow("products") << QByteArray("GET") << QStringLiteral("/api/v1/products") << true << 200;
    QTest::newRow("unauthenticated") << QByteArray("GET") << QStringLiteral("/api/v1/products") << false << 401;
    QTest::newRow("not found") << QByteArray("GET") << QStringLiteral("/api/v1/nothing") << true << 404;
    QTest::newRow("wrong method") << QByteArray("DELETE") << QStringLiteral("/api/v1/products") << true << 405;
    QTest::newRow("bad json") << QByteArray("POST") << QStringLiteral("/api/v1/orders") << true << 400;
}

void tst_Security::securityHeaders()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(bool, signedIn);
    QFETCH(int, status);
    const HttpClient::Reply r = m_shop.client().send(method, path.contains(QLatin1String("%1")) ? path.arg(m_user.id) : path,
                                                     method == "POST" ? QByteArray("{not json") : QByteArray(),
                                                     signedIn ? m_user.auth() : QHash<QByteArray, QByteArray> {});
    QCOMPARE(r.status, status);
    QCOMPARE(r.headers.value("x-content-type-options"), QByteArray("nosniff"));
    QCOMPARE(r.headers.value("cache-control"), QByteArray("no-store"));
}

void tst_Security::forgedTokens_data()
{
    QTest::addColumn<QByteArray>("token");
    const QByteArray good = m_user.token;
    const qsizetype dot = good.indexOf('.');
    QByteArray tampered = good;
    tampered[dot - 2] = tampered[dot - 2] == 'A' ? 'B' : 'A';
    const Principal admin { m_user.id, m_user.username, QStringLiteral("ADMIN") };
    const TokenSigner rightKey(kTokenSecret.toUtf8(), 3600);
    const TokenSigner wrongKey(QByteArrayLiteral("another-secret-another-secret-0000"), 3600);
    QTest::newRow("claims tampered") << tampered;
    QTest::newRow("signature removed") << good.left(dot + 1);
    QTest::newRow("signed with another key") << wrongKey.issue(admin, QDateTime::currentDateTimeUtc()).token.toLatin1();
    QTest::newRow("expired an hour ago")
            << rightKey.issue(admin, QDateTime::currentDateTimeUtc().addSecs(-7200)).token.toLatin1();
    QTest::newRow("alg none") << QByteArray("eyJhbGciOiJub25lIn0.") + good.left(dot) + '.';
    QTest::newRow("garbage") << QByteArray("Bearer");
}

void tst_Security::forgedTokens()
{
    QFETCH(QByteArray, token);
    const HttpClient::Reply r = m_shop.client().get(QStringLiteral("/api/v1/users/%1/balance").arg(m_user.id),
                                                    { { "Authorization", "Bearer " + token } });
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), QStringLiteral("UNAUTHENTICATED"));
}

void tst_Security::loginLimitedPerUsername()
{
    const ShopFixture::User victim = m_shop.newShopper();
    const QString password = QStringLiteral("password-123"); // ShopFixture's shoppers
    QCOMPARE(login(victim.username, password).status, 200);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(login(victim.username, QStringLiteral("guess-%1").arg(i)).errorCode(), QStringLiteral("INVALID_CREDENTIALS"));
    // Now even the right password waits: the limit must not tell a guesser when it was right.
    const HttpClient::Reply limited = login(victim.username, password);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.errorCode(), QStringLiteral("RATE_LIMITED"));
    const int retryAfter = limited.headers.value("retry-after").toInt();
    QVERIFY(retryAfter > 0 && retryAfter <= 300);
    // Names compare byte for byte (utf8mb4_bin): another case is another name, which
    // neither logs in as this account nor waits on its count.
    QCOMPARE(login(victim.username.toUpper(), password).status, 401);
    // Another account from the same address is not affected.
    QCOMPARE(login(m_user.username, QStringLiteral("password-123")).status, 200);
}

// MariaDB's PAD SPACE comparison finds `name` for `name  `: such a spelling would log
// in with its own limits. A name registration could never have made is refused as
// malformed (400) before the look-up, so it neither logs in nor counts.
void tst_Security::loginNameOutsideThePattern()
{
    const ShopFixture::User victim = m_shop.newShopper();
    const HttpClient::Reply padded = login(victim.username + QStringLiteral("   "), QStringLiteral("password-123"));
    QCOMPARE(padded.status, 400);
    QCOMPARE(padded.errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(padded.json().value("error").toObject().value("details").toObject().value("field").toString(), QStringLiteral("username"));
    QVERIFY(!padded.json().contains(QStringLiteral("token")));
    // More guesses under such spellings than the address's limit (20) allows, and the
    // owner still signs in at once from this address: none of them was counted.
    for (int i = 0; i < 25; ++i)
        QCOMPARE(login(victim.username + QString(i % 3 + 1, QLatin1Char(' ')), QStringLiteral("guess-%1").arg(i)).status, 400);
    QCOMPARE(login(victim.username, QStringLiteral("password-123")).status, 200);
}

namespace {
constexpr int kCheapIterations = 1000;
}

void tst_Security::malformedNameCostsNothing_data()
{
    QTest::addColumn<QString>("username");
    QTest::newRow("trailing spaces") << QStringLiteral("admin  ");
    QTest::newRow("leading space") << QStringLiteral(" admin");
    QTest::newRow("trailing newline") << QStringLiteral("admin\n");
    QTest::newRow("tab inside") << QStringLiteral("ad\tmin");
    QTest::newRow("too short") << QStringLiteral("ad");
    QTest::newRow("too long") << QStringLiteral("a123456789b123456789c123456789d12");
    QTest::newRow("hangul") << QStringLiteral("관리자");
}

// The service itself refuses such a name before anything: no look-up can match it, no
// PBKDF2 runs, VALIDATION_FAILED naming the field.
void tst_Security::malformedNameCostsNothing()
{
    QFETCH(QString, username);
    Database database(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(), QStringLiteral("auth-test"));
    const TokenSigner tokens(kTokenSecret.toLatin1(), 3600);
    WorkGate gate(1, 1000);
    PasswordWork passwords(PasswordHasher(kCheapIterations), gate);
    AuthService auth(database, tokens, passwords);
    const Result<AuthService::Session> session = auth.login({ username, QString::fromLatin1(ShopFixture::kAdminPassword) });
    QVERIFY(!session);
    QCOMPARE(session.failure().code, ErrorCode::ValidationFailed);
    QCOMPARE(session.failure().details.value(QStringLiteral("field")).toString(), QStringLiteral("username"));
    QCOMPARE(passwords.runs(), quint64(0));
}

// An unknown name must cost what a known one does (one PBKDF2 run), or response
// times tell which usernames exist; counted, not timed.
void tst_Security::onePasswordRunPerRequest_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown user") << QStringLiteral("unknown") << QStringLiteral("password-123") << QStringLiteral("INVALID_CREDENTIALS");
    QTest::newRow("wrong password") << QStringLiteral("known") << QStringLiteral("password-999") << QStringLiteral("INVALID_CREDENTIALS");
    QTest::newRow("right password") << QStringLiteral("known") << QStringLiteral("password-123") << QString();
}

void tst_Security::onePasswordRunPerRequest()
{
    QFETCH(QString, who);
    QFETCH(QString, password);
    QFETCH(QString, code);
    Database database(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(), QStringLiteral("auth-test"));
    const TokenSigner tokens(kTokenSecret.toLatin1(), 3600);
    WorkGate gate(1, 1000);
    PasswordWork passwords(PasswordHasher(kCheapIterations), gate);
    AuthService auth(database, tokens, passwords);
    QCOMPARE(passwords.runs(), quint64(0)); // the dummy hash is made once, before any request

    const QString username = QStringLiteral("runs-%1-%2").arg(who).arg(QDateTime::currentMSecsSinceEpoch());
    if (who == QLatin1String("known")) {
        QVERIFY(auth.registerShopper({ username, QStringLiteral("password-123") }));
        QCOMPARE(passwords.runs(), quint64(1));
    }
    const quint64 before = passwords.runs();
    const Result<AuthService::Session> session = auth.login({ username, password });
    QCOMPARE(session ? QString() : ErrorCodes::name(session.failure().code), code);
    QCOMPARE(passwords.runs() - before, quint64(1));
}

// While every slot is taken, registration and login answer RATE_LIMITED instead of
// queueing more PBKDF2 behind it; a freed slot serves them again.
// While Redis is down each process counts alone (LoginThrottle), by the same rules: per
// account and address, per account across addresses (its owner's address exempt), and
// an attempt taken back counts for nothing. Times are given, not waited for.
void tst_Security::processCopyKeepsTheSameRules()
{
    LoginThrottle throttle(LoginThrottle::Limits {});
    const QString account = LoginThrottle::subject(42, QStringLiteral("victim"));
    const QString home = QStringLiteral("192.0.2.7");
    const qint64 t = 1700000000000;
    QCOMPARE(throttle.admit(account, home, t), qint64(0));
    throttle.succeeded(account, home, t, t);

    const QString guesser = QStringLiteral("198.18.9.1");
    for (int i = 0; i < 5; ++i)
        QCOMPARE(throttle.admit(account, guesser, t + 10), qint64(0));
    QCOMPARE(throttle.admit(account, guesser, t + 10), qint64(1)); // the pair's backoff
    QCOMPARE(throttle.admit(account, guesser, t + 1010), qint64(0));
    throttle.release(account, guesser, t + 1010); // tested no password: not a failure
    for (int i = 0; i < 25; ++i)
        QCOMPARE(throttle.admit(account, QStringLiteral("198.18.9.%1").arg(10 + i), t + 2000), qint64(0));
    // 30 failures within the hour: a new address waits for the oldest to leave it (at
    // t + 10 + 3,600,000 ms, 3,598,010 ms from now); the address that signed in does
    // not, and another account is not touched.
    QCOMPARE(throttle.admit(account, QStringLiteral("198.18.10.1"), t + 2000), qint64(3599));
    QCOMPARE(throttle.admit(account, home, t + 2000), qint64(0));
    QCOMPARE(throttle.admit(LoginThrottle::subject(43, QStringLiteral("other")), QStringLiteral("198.18.10.2"), t + 2000), qint64(0));
    QCOMPARE(throttle.admit(account, QStringLiteral("198.18.10.1"), t + 10 + 3600000), qint64(0));
}

void tst_Security::passwordWorkBounded()
{
    Database database(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(), QStringLiteral("auth-test"));
    const TokenSigner tokens(kTokenSecret.toLatin1(), 3600);
    WorkGate gate(1, 0);
    PasswordWork passwords(PasswordHasher(kCheapIterations), gate);
    AuthService auth(database, tokens, passwords);
    const QString username = QStringLiteral("bounded-%1").arg(QDateTime::currentMSecsSinceEpoch());
    {
        const std::optional<WorkGate::Ticket> held = gate.enter();
        QVERIFY(held);
        const Result<Principal> registered = auth.registerShopper({ username, QStringLiteral("password-123") });
        QVERIFY(!registered);
        QCOMPARE(registered.failure().code, ErrorCode::RateLimited);
        QCOMPARE(registered.failure().details.value(QStringLiteral("retryAfterSeconds")).toInt(), 1);
        const Result<AuthService::Session> unknown = auth.login({ QStringLiteral("nobody-at-all"), QStringLiteral("password-123") });
        QVERIFY(!unknown);
        QCOMPARE(unknown.failure().code, ErrorCode::RateLimited);
        QCOMPARE(passwords.runs(), quint64(0));
    }
    QVERIFY(auth.registerShopper({ username, QStringLiteral("password-123") }));
    QVERIFY(auth.login({ username, QStringLiteral("password-123") }));
}

void tst_Security::secretsNeverLogged()
{
    // A full run of the secret-bearing routes, including failures.
    const ShopFixture::User user = m_shop.newShopper();
    const QString password = QStringLiteral("password-123");
    const HttpClient::Reply session = login(user.username, password);
    QCOMPARE(session.status, 200);
    const QByteArray token = session.json().value("token").toString().toLatin1();
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/users/%1/balance/charge").arg(user.id), { { "amount", 1000 } },
                                  { { "Authorization", "Bearer " + token } }).status,
             200);
    QCOMPARE(m_shop.client().get(QStringLiteral("/api/v1/users/%1/balance").arg(user.id),
                                 { { "Authorization", "Bearer " + token + "x" } }).status,
             401);
    QCOMPARE(login(user.username, QStringLiteral("a-wrong-password-1")).status, 401);

    std::lock_guard<std::mutex> lock(g_logMutex);
    QVERIFY(g_log.contains(QStringLiteral("/api/v1/auth/login"))); // the log did see these requests
    QVERIFY(!g_log.contains(password));
    QVERIFY(!g_log.contains(QStringLiteral("a-wrong-password-1")));
    QVERIFY(!g_log.contains(QString::fromLatin1(token)));
    QVERIFY(!g_log.contains(QString::fromLatin1(token.left(token.indexOf('.')))));
    QVERIFY(!g_log.contains(kTokenSecret));
    QVERIFY(!g_log.contains(QString::fromLatin1(ShopFixture::kAdminPassword)));
}

void tst_Security::loginLimitedPerAddress()
{
    // Failures from one address, each on a different account: by the 20th (the
    // earlier tests already failed 7 times from here) the address is refused, and then
    // a new account's right password is refused too.
    int refusedAt = -1;
    for (int i = 0; i < 25 && refusedAt < 0; ++i) {
        const int status = login(QStringLiteral("nobody-%1").arg(i), QStringLiteral("guess-guess")).status;
        QVERIFY(status == 401 || status == 429);
        if (status == 429)
            refusedAt = i;
    }
    QVERIFY2(refusedAt > 0 && refusedAt <= 20, qPrintable(QString::number(refusedAt)));
    const ShopFixture::User fresh = m_shop.newShopper();
    const HttpClient::Reply limited = login(fresh.username, QStringLiteral("password-123"));
    QCOMPARE(limited.status, 429);
    QVERIFY(limited.headers.value("retry-after").toInt() > 0);
}

QTEST_GUILESS_MAIN(tst_Security)
#include "tst_security.moc"

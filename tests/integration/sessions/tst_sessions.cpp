#include "ParallelRequests.h"
#include "ShopFixture.h"
#include "TestStack.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QLoggingCategory>
#include <QtCore/QScopeGuard>
#include <QtTest/QTest>

// Sign-ins as several instances of one shop see them: two servers in this process on
// one test stack (one MariaDB, one Redis), neither given a token secret. A token from
// either is valid on both; a password change or a disabled account refuses older
// tokens on both within 5 s; failed-login limits count on both; behind a trusted proxy
// the client's own address decides, and nobody else's X-Forwarded-For is believed;
// one account's guesses are limited across addresses too, except from an address its
// owner signed in from; with MySQL stopped a revoked token stays refused.
class tst_Sessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void tokenValidOnEveryInstance();
    void passwordChange_data();
    void passwordChange();
    void passwordChangeRevokesEverywhere();
    void disabledAccountRefusedEverywhere();
    void loginLimitsShared();
    void backoffLetsTheOwnerIn();
    void forwardedForOnlyFromTrustedProxies();
    void accountLimitedAcrossAddresses();
    void ownerSignsInFromAKnownAddress();
    void parallelTriesCountedAtOnce();
    void revokedStaysRefusedWithMysqlDown(); // last: it stops the stack's MariaDB

private:
    HttpClient::Reply login(HttpClient &client, const QString &username, const QString &password,
                            const QByteArray &forwardedFor = {});
    static QHash<QByteArray, QByteArray> bearer(const QByteArray &token) { return { { "Authorization", "Bearer " + token } }; }
    QByteArray tokenOf(const HttpClient::Reply &reply) { return reply.json().value("token").toString().toLatin1(); }

    ShopFixture m_a;
    ShopFixture m_b;
};

void tst_Sessions::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("storefront.http.requests.info=false"));
    QVERIFY(TestStack::instance());
    QVERIFY(TestStack::truncateAll());
    const auto shared = [](ServerConfig &config) {
        config.tokenSecret.clear(); // the shop's database keeps the one both use
        config.connections.trustedProxies = { QHostAddress(QStringLiteral("127.0.0.1")) };
    };
    m_a.configure(shared);
    m_b.configure(shared);
    QVERIFY(m_a.start(2));
    QVERIFY(m_b.start(2));
}

void tst_Sessions::cleanupTestCase()
{
    m_a.stop();
    m_b.stop();
}

HttpClient::Reply tst_Sessions::login(HttpClient &client, const QString &username, const QString &password,
                                      const QByteArray &forwardedFor)
{
    QHash<QByteArray, QByteArray> headers;
    if (!forwardedFor.isEmpty())
        headers.insert("X-Forwarded-For", forwardedFor);
    return client.post(QStringLiteral("/api/v1/auth/login"), { { "username", username }, { "password", password } }, headers);
}

void tst_Sessions::tokenValidOnEveryInstance()
{
    const ShopFixture::User user = m_a.newShopper();
    QVERIFY(user.id > 0);
    const QString path = QStringLiteral("/api/v1/users/%1/balance").arg(user.id);
    QCOMPARE(m_a.client().get(path, user.auth()).status, 200);
    QCOMPARE(m_b.client().get(path, user.auth()).status, 200);
    const QByteArray fromB = tokenOf(login(m_b.client(), user.username, QStringLiteral("password-123")));
    QCOMPARE(m_a.client().get(path, bearer(fromB)).status, 200);
    // Both admins too: each instance's bootstrap found the one admin.
    QCOMPARE(m_a.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE username = 'admin'")), qint64(1));
}

void tst_Sessions::passwordChange_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("wrong current") << QJsonObject { { "currentPassword", "not-it-at-all" }, { "newPassword", "brand-new-1" } }
                                   << 401 << "INVALID_CREDENTIALS";
    QTest::newRow("new too short") << QJsonObject { { "currentPassword", "password-123" }, { "newPassword", "short" } } << 400
                                   << "VALIDATION_FAILED";
    QTest::newRow("current missing") << QJsonObject { { "newPassword", "brand-new-1" } } << 400 << "VALIDATION_FAILED";
}

void tst_Sessions::passwordChange()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const ShopFixture::User user = m_a.newShopper();
    const HttpClient::Reply refused = m_a.client().post(QStringLiteral("/api/v1/users/%1/password").arg(user.id), body, user.auth());
    QCOMPARE(refused.status, status);
    QCOMPARE(refused.errorCode(), code);
    // Nothing changed: the old password and token still work.
    QCOMPARE(login(m_a.client(), user.username, QStringLiteral("password-123")).status, 200);
    QCOMPARE(m_a.client().get(QStringLiteral("/api/v1/users/%1/balance").arg(user.id), user.auth()).status, 200);
    // Another shopper's password is not theirs to change.
    const ShopFixture::User other = m_a.newShopper();
    QCOMPARE(m_a.client().post(QStringLiteral("/api/v1/users/%1/password").arg(other.id),
                               { { "currentPassword", "password-123" }, { "newPassword", "brand-new-1" } }, user.auth())
                     .status,
             403);
}

void tst_Sessions::passwordChangeRevokesEverywhere()
{
    const ShopFixture::User user = m_a.newShopper();
    const QString balance = QStringLiteral("/api/v1/users/%1/balance").arg(user.id);
    QCOMPARE(m_b.client().get(balance, user.auth()).status, 200); // B has cached the account's state
    const HttpClient::Reply changed = m_a.client().post(QStringLiteral("/api/v1/users/%1/password").arg(user.id),
                                                        { { "currentPassword", "password-123" }, { "newPassword", "brand-new-1" } },
                                                        user.auth());
    QCOMPARE(changed.status, 204);
    QVERIFY(changed.body.isEmpty());
    // The instance that changed it refuses the old token at once; the other within 5 s.
    const HttpClient::Reply onA = m_a.client().get(balance, user.auth());
    QCOMPARE(onA.status, 401);
    QCOMPARE(onA.errorCode(), QStringLiteral("UNAUTHENTICATED"));
    QTRY_COMPARE_WITH_TIMEOUT(m_b.client().get(balance, user.auth()).status, 401, 5000);
    QCOMPARE(login(m_b.client(), user.username, QStringLiteral("password-123")).status, 401);
    const HttpClient::Reply fresh = login(m_b.client(), user.username, QStringLiteral("brand-new-1"));
    QCOMPARE(fresh.status, 200);
    QCOMPARE(m_a.client().get(balance, bearer(tokenOf(fresh))).status, 200);
}

void tst_Sessions::disabledAccountRefusedEverywhere()
{
    const ShopFixture::User user = m_a.newShopper();
    const QString balance = QStringLiteral("/api/v1/users/%1/balance").arg(user.id);
    QCOMPARE(m_a.client().get(balance, user.auth()).status, 200);
    QCOMPARE(m_b.client().get(balance, user.auth()).status, 200);
    // The admin's route on A: A forgets the account at once, B learns it from the feed.
    const HttpClient::Reply off = m_a.client().send("PATCH", QStringLiteral("/api/v1/admin/users/%1").arg(user.id),
                                                    R"({"disabled":true})",
                                                    { { "Authorization", "Bearer " + m_a.admin().token },
                                                      { "Content-Type", "application/json" } });
    QCOMPARE(off.status, 200);
    QCOMPARE(m_a.client().get(balance, user.auth()).status, 401);
    QTRY_COMPARE_WITH_TIMEOUT(m_b.client().get(balance, user.auth()).status, 401, 5000);
    // The right password learns that the account is disabled (403), a wrong one learns
    // nothing more than for any account (401).
    const HttpClient::Reply refused = login(m_b.client(), user.username, QStringLiteral("password-123"));
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode(), QStringLiteral("ACCOUNT_DISABLED"));
    const HttpClient::Reply wrong = login(m_b.client(), user.username, QStringLiteral("password-124"));
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.errorCode(), QStringLiteral("INVALID_CREDENTIALS"));
}

void tst_Sessions::loginLimitsShared()
{
    const ShopFixture::User victim = m_a.newShopper();
    const QByteArray from = "198.51.100.10";
    // Five failures spread over both instances...
    for (int i = 0; i < 5; ++i) {
        HttpClient &client = i % 2 ? m_b.client() : m_a.client();
        QCOMPARE(login(client, victim.username, QStringLiteral("guess-%1").arg(i), from).errorCode(),
                 QStringLiteral("INVALID_CREDENTIALS"));
    }
    // ...slow the next attempt from that address on either, right password or not.
    for (ShopFixture *instance : { &m_a, &m_b }) {
        const HttpClient::Reply limited = login(instance->client(), victim.username, QStringLiteral("password-123"), from);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), QStringLiteral("RATE_LIMITED"));
        QVERIFY(limited.headers.value("retry-after").toInt() >= 1);
    }
    // The owner, from their own address, is not locked out by someone else's guesses.
    QCOMPARE(login(m_b.client(), victim.username, QStringLiteral("password-123"), "198.51.100.99").status, 200);
}

void tst_Sessions::backoffLetsTheOwnerIn()
{
    const ShopFixture::User user = m_a.newShopper();
    const QByteArray from = "198.51.100.20";
    for (int i = 0; i < 5; ++i)
        QCOMPARE(login(m_a.client(), user.username, QStringLiteral("typo-%1").arg(i), from).status, 401);
    QCOMPARE(login(m_a.client(), user.username, QStringLiteral("password-123"), from).status, 429);
    // A backoff, not a lockout: after it (1 s after the fifth failure) the right
    // password passes from the same address.
    QTRY_COMPARE_WITH_TIMEOUT(login(m_b.client(), user.username, QStringLiteral("password-123"), from).status, 200, 4000);
}

void tst_Sessions::forwardedForOnlyFromTrustedProxies()
{
    // This server trusts no proxy: the X-Forwarded-For a client sends changes nothing,
    // so failures with made-up addresses all count against the real one.
    ShopFixture untrusting;
    untrusting.configure([](ServerConfig &config) { config.tokenSecret.clear(); });
    QVERIFY(untrusting.start(1));
    // Made by m_a: each fixture numbers its shoppers from 1, so a second fixture's
    // first name is taken already (the same database) and its newShopper() fails.
    const ShopFixture::User user = m_a.newShopper();
    QVERIFY(user.id > 0);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(login(untrusting.client(), user.username, QStringLiteral("nope-%1").arg(i),
                       "203.0.113." + QByteArray::number(i + 1))
                         .status,
                 401);
    QCOMPARE(login(untrusting.client(), user.username, QStringLiteral("password-123"), "203.0.113.77").status, 429);
    untrusting.stop();
}

// Guesses at one account from many addresses (a botnet, each address under its own
// limits) are limited per account too: 30 failures within the hour, on any instance,
// hold off every address the owner has not signed in from.
void tst_Sessions::accountLimitedAcrossAddresses()
{
    const ShopFixture::User victim = m_a.newShopper();
    for (int i = 0; i < 30; ++i) {
        HttpClient &client = i % 2 ? m_b.client() : m_a.client();
        QCOMPARE(login(client, victim.username, QStringLiteral("guess-%1").arg(i), "198.18.0." + QByteArray::number(i + 1)).errorCode(),
                 QStringLiteral("INVALID_CREDENTIALS"));
    }
    // A 31st address, right password or not: no address or pair reached its limit, the
    // account did, until its oldest failure leaves the hour.
    for (ShopFixture *instance : { &m_a, &m_b }) {
        const HttpClient::Reply limited = login(instance->client(), victim.username, QStringLiteral("password-123"), "198.18.1.1");
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), QStringLiteral("RATE_LIMITED"));
        const int retryAfter = limited.headers.value("retry-after").toInt();
        QVERIFY2(retryAfter > 300 && retryAfter <= 3600, limited.headers.value("retry-after").constData());
    }
    // Another account is not affected.
    const ShopFixture::User other = m_a.newShopper();
    QCOMPARE(login(m_a.client(), other.username, QStringLiteral("password-123"), "198.18.1.1").status, 200);
}

// The account's limit never locks its owner out: an address that has signed in to the
// account before is exempt from it, on every instance.
void tst_Sessions::ownerSignsInFromAKnownAddress()
{
    const ShopFixture::User owner = m_a.newShopper();
    const QByteArray home = "192.0.2.44";
    QCOMPARE(login(m_b.client(), owner.username, QStringLiteral("password-123"), home).status, 200);
    for (int i = 0; i < 30; ++i) {
        HttpClient &client = i % 2 ? m_b.client() : m_a.client();
        QCOMPARE(login(client, owner.username, QStringLiteral("guess-%1").arg(i), "198.18.2." + QByteArray::number(i + 1)).status, 401);
    }
    QCOMPARE(login(m_a.client(), owner.username, QStringLiteral("password-123"), "198.18.3.1").status, 429);
    QCOMPARE(login(m_a.client(), owner.username, QStringLiteral("password-123"), home).status, 200);
    QCOMPARE(login(m_b.client(), owner.username, QStringLiteral("password-123"), home).status, 200);
}

// The check and the count are one step: 16 tries at once at one account from one
// address get exactly the 5 the limit allows, whatever the interleaving.
void tst_Sessions::parallelTriesCountedAtOnce()
{
    ShopFixture racing;
    racing.configure([](ServerConfig &config) {
        config.connections.trustedProxies = { QHostAddress(QStringLiteral("127.0.0.1")) };
        // A guess holds its worker a while (PBKDF2), as in production: a check made
        // apart from the count lets every try that arrives meanwhile through.
        config.passwordIterations = 20000;
    });
    QVERIFY(racing.start(16));
    const ShopFixture::User victim = m_a.newShopper(); // the same shop (see forwardedForOnlyFromTrustedProxies)
    QVERIFY(victim.id > 0);
    QList<ParallelRequests::Request> tries;
    for (int i = 0; i < 16; ++i)
        tries << ParallelRequests::Request { "POST", QStringLiteral("/api/v1/auth/login"),
                                             QJsonDocument(QJsonObject { { "username", victim.username },
                                                                         { "password", QStringLiteral("guess-%1").arg(i) } })
                                                     .toJson(QJsonDocument::Compact),
                                             { { "X-Forwarded-For", "198.18.4.1" } } };
    const QList<HttpClient::Reply> replies = ParallelRequests::run(racing.baseUrl(), tries);
    int wrong = 0, limited = 0;
    QStringList seen;
    for (const HttpClient::Reply &r : replies) {
        seen << QStringLiteral("%1 %2").arg(r.status).arg(r.errorCode());
        if (r.status == 401 && r.errorCode() == QLatin1String("INVALID_CREDENTIALS"))
            ++wrong;
        else if (r.status == 429 && r.errorCode() == QLatin1String("RATE_LIMITED"))
            ++limited;
    }
    QVERIFY2(wrong == 5 && limited == 11, qPrintable(seen.join(QStringLiteral(", "))));
    racing.stop();
}

// Revocation fails closed: with MySQL stopped after a disable, neither instance lets
// the old token through, however long the outage (past the 3 s a feed reading and
// the 2 s a looked-up state are trusted). A pass would reach the route, which answers
// 503 without MySQL; a refusal is 401.
void tst_Sessions::revokedStaysRefusedWithMysqlDown()
{
    const ShopFixture::User user = m_a.newShopper();
    const QString balance = QStringLiteral("/api/v1/users/%1/balance").arg(user.id);
    QCOMPARE(m_a.client().get(balance, user.auth()).status, 200);
    QCOMPARE(m_b.client().get(balance, user.auth()).status, 200);
    const HttpClient::Reply off = m_a.client().send("PATCH", QStringLiteral("/api/v1/admin/users/%1").arg(user.id),
                                                    R"({"disabled":true})",
                                                    { { "Authorization", "Bearer " + m_a.admin().token },
                                                      { "Content-Type", "application/json" } });
    QCOMPARE(off.status, 200);
    QCOMPARE(m_a.client().get(balance, user.auth()).status, 401);
    QTRY_COMPARE_WITH_TIMEOUT(m_b.client().get(balance, user.auth()).status, 401, 5000);

    // Every connection warns of the outage; the test's own lines should stay readable.
    QLoggingCategory::setFilterRules(QStringLiteral("storefront.http.requests.info=false\nstorefront.*.debug=false\nstorefront.*.warning=false"));
    MariaDbInstance &mysql = TestStack::instance()->mysql();
    mysql.stop();
    auto restart = qScopeGuard([&mysql] {
        mysql.start(QDeadlineTimer(30000));
        QLoggingCategory::setFilterRules(QStringLiteral("storefront.http.requests.info=false"));
    });
    QTRY_COMPARE_WITH_TIMEOUT(m_a.client().get(QStringLiteral("/readyz")).status, 503, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_b.client().get(QStringLiteral("/readyz")).status, 503, 5000);
    QElapsedTimer outage;
    outage.start();
    int asked = 0;
    while (outage.elapsed() < 6000) {
        for (ShopFixture *instance : { &m_a, &m_b }) {
            const HttpClient::Reply r = instance->client().get(balance, user.auth());
            QCOMPARE(r.status, 401);
            QCOMPARE(r.errorCode(), QStringLiteral("UNAUTHENTICATED"));
            ++asked;
        }
    }
    qInfo("MySQL down for %lld ms: the revoked token asked for %d times, refused every time", outage.elapsed(), asked);
    restart.dismiss();
    QVERIFY(mysql.start(QDeadlineTimer(30000)).ok());
    QLoggingCategory::setFilterRules(QStringLiteral("storefront.http.requests.info=false"));
    QTRY_COMPARE_WITH_TIMEOUT(m_a.client().get(QStringLiteral("/readyz")).status, 200, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_b.client().get(QStringLiteral("/readyz")).status, 200, 15000);
    QCOMPARE(m_a.client().get(balance, user.auth()).status, 401);
}

QTEST_GUILESS_MAIN(tst_Sessions)
#include "tst_sessions.moc"

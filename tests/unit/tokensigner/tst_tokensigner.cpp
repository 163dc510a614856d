#include "TokenSigner.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QMessageAuthenticationCode>
#include <QtTest/QTest>

class tst_TokenSigner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void expiresAt();
    void expiry_data();
    void expiry();
    void otherSecret();
    void tamperedClaims();
    void tamperedSignature();
    void forgedClaims_data();
    void forgedClaims();
    void malformed_data();
    void malformed();
    void handSigned_data();
    void handSigned();
    void otherAlgorithm_data();
    void otherAlgorithm();
};

namespace {
const QByteArray kSecret("0123456789abcdef0123456789abcdef-test-secret");
constexpr qint64 kLifetime = 3600;
const QDateTime kNow(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

const TokenSigner &signer()
{
    static const TokenSigner s(kSecret, kLifetime);
    return s;
}

Principal alice()
{
    return Principal { 7, QStringLiteral("alice"), QStringLiteral("SHOPPER") };
}

// A token signed by hand the way TokenSigner.cpp signs one:
// base64url(claims) "." base64url(HMAC-SHA256(secret, claims)), no padding.
QString handSign(const QJsonObject &claims, const QByteArray &secret = kSecret)
{
    const QByteArray json = QJsonDocument(claims).toJson(QJsonDocument::Compact);
    const QByteArray mac = QMessageAuthenticationCode::hash(json, secret, QCryptographicHash::Sha256);
    return QString::fromLatin1(json.toBase64(kBase64) + '.' + mac.toBase64(kBase64));
}

QJsonObject claimsOf(const QString &token)
{
    const QByteArray part = token.section(QLatin1Char('.'), 0, 0).toLatin1();
    return QJsonDocument::fromJson(QByteArray::fromBase64(part, QByteArray::Base64UrlEncoding)).object();
}

// Unauthenticated when `verify` refused the token; Internal (which it never returns) when it accepted it.
ErrorCode refusal(const Result<Principal> &result)
{
    return result.ok() ? ErrorCode::Internal : result.failure().code;
}

// `text` with the character at `index` replaced by another base64url character.
QString flip(QString text, qsizetype index)
{
    text[index] = text[index] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    return text;
}
}

void tst_TokenSigner::roundTrip_data()
{
    QTest::addColumn<qint64>("userId");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("role");

    QTest::newRow("shopper") << qint64(7) << "alice" << "SHOPPER";
    QTest::newRow("admin") << qint64(1) << "admin" << "ADMIN";
    QTest::newRow("large id") << qint64(9'000'000'000'000) << "bob.smith-2" << "SHOPPER";
    QTest::newRow("non-ASCII name") << qint64(42) << "Jörg 김" << "SHOPPER";
}

void tst_TokenSigner::roundTrip()
{
    QFETCH(qint64, userId);
    QFETCH(QString, username);
    QFETCH(QString, role);

    const TokenSigner::Issued issued = signer().issue(Principal { userId, username, role }, kNow);
    QVERIFY(!issued.token.isEmpty());
    QCOMPARE(issued.token.count(QLatin1Char('.')), 1);
    QVERIFY(!issued.token.contains(QLatin1Char('=')));

    const Result<Principal> p = signer().verify(issued.token, kNow);
    QVERIFY(p.ok());
    QCOMPARE(p->userId, userId);
    QCOMPARE(p->username, username);
    QCOMPARE(p->role, role);
    QCOMPARE(p->isAdmin(), role == QLatin1String("ADMIN"));

    // Another signer with the same secret (another worker) accepts it too.
    const Result<Principal> again = TokenSigner(kSecret, 60).verify(issued.token, kNow.addSecs(1));
    QVERIFY(again.ok());
    QCOMPARE(again->userId, userId);
}

void tst_TokenSigner::expiresAt()
{
    const TokenSigner::Issued issued = signer().issue(alice(), kNow);
    QCOMPARE(issued.expiresAt, kNow.addSecs(kLifetime));
    QCOMPARE(claimsOf(issued.token).value(QStringLiteral("exp")).toInteger(), kNow.toSecsSinceEpoch() + kLifetime);

    const TokenSigner shortLived(kSecret, 90);
    QCOMPARE(shortLived.issue(alice(), kNow).expiresAt, kNow.addSecs(90));
}

void tst_TokenSigner::expiry_data()
{
    QTest::addColumn<qint64>("offset"); // seconds after issue when verified
    QTest::addColumn<bool>("valid");

    QTest::newRow("before issue") << qint64(-60) << true;
    QTest::newRow("at issue") << qint64(0) << true;
    QTest::newRow("one second before expiry") << qint64(kLifetime - 1) << true;
    QTest::newRow("at expiry") << qint64(kLifetime) << false;
    QTest::newRow("one second after expiry") << qint64(kLifetime + 1) << false;
    QTest::newRow("a day later") << qint64(86'400) << false;
}

void tst_TokenSigner::expiry()
{
    QFETCH(qint64, offset);
    QFETCH(bool, valid);

    const QString token = signer().issue(alice(), kNow).token;
    const Result<Principal> p = signer().verify(token, kNow.addSecs(offset));
    QCOMPARE(p.ok(), valid);
    if (valid)
        QCOMPARE(p->userId, qint64(7));
    else
        QCOMPARE(refusal(p), ErrorCode::Unauthenticated);
}

void tst_TokenSigner::otherSecret()
{
    const TokenSigner other(QByteArray("a-different-secret-of-similar-length-000000"), kLifetime);
    const QString token = other.issue(alice(), kNow).token;
    QVERIFY(other.verify(token, kNow).ok());

    QCOMPARE(refusal(signer().verify(token, kNow)), ErrorCode::Unauthenticated);
    // And the other way round.
    QCOMPARE(refusal(other.verify(signer().issue(alice(), kNow).token, kNow)), ErrorCode::Unauthenticated);
}

void tst_TokenSigner::tamperedClaims()
{
    const QString token = signer().issue(alice(), kNow).token;
    QVERIFY(signer().verify(token, kNow).ok());
    const qsizetype dot = token.indexOf(QLatin1Char('.'));
    QVERIFY(dot > 4);

    for (const qsizetype index : { qsizetype(0), dot / 2, dot - 2 }) {
        const QString tampered = flip(token, index);
        QVERIFY(tampered != token);
        QCOMPARE(refusal(signer().verify(tampered, kNow)), ErrorCode::Unauthenticated);
    }
}

void tst_TokenSigner::tamperedSignature()
{
    const QString token = signer().issue(alice(), kNow).token;
    const qsizetype dot = token.indexOf(QLatin1Char('.'));

    for (const qsizetype index : { dot + 1, dot + 10, token.size() - 2 }) {
        const QString tampered = flip(token, index);
        QVERIFY(tampered != token);
        QCOMPARE(refusal(signer().verify(tampered, kNow)), ErrorCode::Unauthenticated);
    }
    // A signature cut short, or with bytes too many.
    QCOMPARE(refusal(signer().verify(token.chopped(4), kNow)), ErrorCode::Unauthenticated);
    QCOMPARE(refusal(signer().verify(token + QStringLiteral("AAAA"), kNow)), ErrorCode::Unauthenticated);
    // Claims alone, without a signature.
    QCOMPARE(refusal(signer().verify(token.left(dot + 1), kNow)), ErrorCode::Unauthenticated);
}

void tst_TokenSigner::forgedClaims_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");

    QTest::newRow("role ADMIN") << "role" << QJsonValue(QStringLiteral("ADMIN"));
    QTest::newRow("another user") << "sub" << QJsonValue(qint64(1));
    QTest::newRow("another name") << "name" << QJsonValue(QStringLiteral("admin"));
    QTest::newRow("expiry a year later") << "exp" << QJsonValue(kNow.toSecsSinceEpoch() + 365 * 86'400);
}

// Claims changed and re-encoded, but with the signature of the original claims.
void tst_TokenSigner::forgedClaims()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);

    const QString token = signer().issue(alice(), kNow).token;
    QJsonObject claims = claimsOf(token);
    QCOMPARE(claims.value(QStringLiteral("role")).toString(), QStringLiteral("SHOPPER"));
    QVERIFY(claims.value(key) != value);
    claims.insert(key, value);

    const QString oldSignature = token.section(QLatin1Char('.'), 1, 1);
    const QString forged = QString::fromLatin1(QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(kBase64))
            + QLatin1Char('.') + oldSignature;
    QCOMPARE(refusal(signer().verify(forged, kNow)), ErrorCode::Unauthenticated);

    // The same claims signed with the secret do verify: only the signature refused the forgery.
    QVERIFY(signer().verify(handSign(claims), kNow).ok());
}

void tst_TokenSigner::malformed_data()
{
    QTest::addColumn<QString>("token");

    QTest::newRow("empty") << "";
    QTest::newRow("no dot") << "abc";
    QTest::newRow("only a dot") << ".";
    QTest::newRow("empty signature") << "a.";
    QTest::newRow("empty claims") << ".b";
    QTest::newRow("not base64") << "!!!.###";
    QTest::newRow("two dots") << "eyJ9.eyJ9.eyJ9";
    QTest::newRow("3000 characters")
            << QString(1500, QLatin1Char('a')) + QLatin1Char('.') + QString(1499, QLatin1Char('b'));
    QTest::newRow("3000 characters, no dot") << QString(3000, QLatin1Char('a'));
    QTest::newRow("non-Latin-1") << QStringLiteral("토큰.서명");
    QTest::newRow("JSON, not base64") << "{\"sub\":1,\"role\":\"ADMIN\"}.sig";
}

void tst_TokenSigner::malformed()
{
    QFETCH(QString, token);

    QCOMPARE(refusal(signer().verify(token, kNow)), ErrorCode::Unauthenticated);
}

void tst_TokenSigner::handSigned_data()
{
    QTest::addColumn<QJsonObject>("claims");
    QTest::addColumn<bool>("valid");

    const qint64 exp = kNow.toSecsSinceEpoch() + kLifetime;
    const QJsonObject shopper { { "sub", 7 }, { "name", "mallory" }, { "role", "SHOPPER" }, { "exp", exp } };
    const auto withValue = [&shopper](const QString &key, const QJsonValue &value) {
        QJsonObject o = shopper;
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        return o;
    };

    // Controls: the hand-built signing matches TokenSigner's.
    QTest::newRow("SHOPPER") << shopper << true;
    QTest::newRow("ADMIN") << withValue("role", "ADMIN") << true;
    QTest::newRow("role ROOT") << withValue("role", "ROOT") << false;
    QTest::newRow("role lowercase shopper") << withValue("role", "shopper") << false;
    QTest::newRow("role empty") << withValue("role", "") << false;
    QTest::newRow("role a number") << withValue("role", 1) << false;
    QTest::newRow("role missing") << withValue("role", QJsonValue(QJsonValue::Undefined)) << false;
    QTest::newRow("sub 0") << withValue("sub", 0) << false;
    QTest::newRow("sub negative") << withValue("sub", -7) << false;
    QTest::newRow("sub missing") << withValue("sub", QJsonValue(QJsonValue::Undefined)) << false;
    QTest::newRow("exp missing") << withValue("exp", QJsonValue(QJsonValue::Undefined)) << false;
    QTest::newRow("exp in the past") << withValue("exp", kNow.toSecsSinceEpoch() - 1) << false;
}

void tst_TokenSigner::handSigned()
{
    QFETCH(QJsonObject, claims);
    QFETCH(bool, valid);

    const Result<Principal> p = signer().verify(handSign(claims), kNow);
    QCOMPARE(p.ok(), valid);
    if (valid) {
        QCOMPARE(p->userId, claims.value(QStringLiteral("sub")).toInteger());
        QCOMPARE(p->role, claims.value(QStringLiteral("role")).toString());
    } else {
        QCOMPARE(refusal(p), ErrorCode::Unauthenticated);
    }
    // Signed with another secret, the same claims never verify.
    QVERIFY(!signer().verify(handSign(claims, QByteArray("not-the-secret")), kNow).ok());
}

void tst_TokenSigner::otherAlgorithm_data()
{
    QTest::addColumn<QString>("token");

    const QJsonObject claims { { "sub", 7 }, { "name", "alice" }, { "role", "SHOPPER" },
                               { "exp", kNow.toSecsSinceEpoch() + kLifetime } };
    const QByteArray json = QJsonDocument(claims).toJson(QJsonDocument::Compact);
    const auto signedWith = [&](const QByteArray &mac) { return QString::fromLatin1(json.toBase64(kBase64) + '.' + mac.toBase64(kBase64)); };
    // Valid claims with the right secret, under another algorithm: never accepted.
    QTest::newRow("HMAC-SHA1") << signedWith(QMessageAuthenticationCode::hash(json, kSecret, QCryptographicHash::Sha1));
    QTest::newRow("HMAC-SHA512") << signedWith(QMessageAuthenticationCode::hash(json, kSecret, QCryptographicHash::Sha512));
    QTest::newRow("HMAC-SHA3-256") << signedWith(QMessageAuthenticationCode::hash(json, kSecret, QCryptographicHash::Sha3_256));
    QTest::newRow("plain SHA-256, no key") << signedWith(QCryptographicHash::hash(json, QCryptographicHash::Sha256));
    QTest::newRow("SHA-256 of secret + claims")
            << signedWith(QCryptographicHash::hash(kSecret + json, QCryptographicHash::Sha256));
    QTest::newRow("empty signature") << QString::fromLatin1(json.toBase64(kBase64) + '.');
    QTest::newRow("JWT alg none")
            << QString::fromLatin1(QByteArray(R"({"alg":"none","typ":"JWT"})").toBase64(kBase64) + '.' + json.toBase64(kBase64) + '.');
    QTest::newRow("JWT alg HS256 header")
            << QString::fromLatin1(QByteArray(R"({"alg":"HS256","typ":"JWT"})").toBase64(kBase64) + '.' + json.toBase64(kBase64)
                                   + '.' + QMessageAuthenticationCode::hash(json, kSecret, QCryptographicHash::Sha256).toBase64(kBase64));
}

void tst_TokenSigner::otherAlgorithm()
{
    QFETCH(QString, token);

    QCOMPARE(refusal(signer().verify(token, kNow)), ErrorCode::Unauthenticated);
}

QTEST_GUILESS_MAIN(tst_TokenSigner)
#include "tst_tokensigner.moc"

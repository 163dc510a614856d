#include "TokenSigner.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QMessageAuthenticationCode>

#include <openssl/crypto.h>

namespace {
constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

Failure unauthenticated(const QString &why)
{
    return Failure { ErrorCode::Unauthenticated, why, {} };
}
}

TokenSigner::TokenSigner(QByteArray secret, qint64 lifetimeSeconds)
    : m_secret(std::move(secret)), m_lifetimeSeconds(lifetimeSeconds)
{
}

QByteArray TokenSigner::signature(const QByteArray &claims) const
{
    return QMessageAuthenticationCode::hash(claims, m_secret, QCryptographicHash::Sha256);
}

TokenSigner::Issued TokenSigner::issue(const Principal &principal, const QDateTime &now) const
{
    const QDateTime expires = now.addSecs(m_lifetimeSeconds);
    const QByteArray claims = QJsonDocument(QJsonObject { { QStringLiteral("sub"), principal.userId },
                                                          { QStringLiteral("name"), principal.username },
                                                          { QStringLiteral("role"), principal.role },
                                                          { QStringLiteral("tv"), principal.tokenVersion },
                                                          { QStringLiteral("exp"), expires.toSecsSinceEpoch() } })
                                      .toJson(QJsonDocument::Compact);
    const QByteArray token = claims.toBase64(kBase64) + '.' + signature(claims).toBase64(kBase64);
    return Issued { QString::fromLatin1(token), expires };
}

Result<Principal> TokenSigner::verify(const QString &token, const QDateTime &now) const
{
    const QByteArray bytes = token.toLatin1();
    const qsizetype dot = bytes.indexOf('.');
    if (dot <= 0 || bytes.size() > 2048)
        return unauthenticated(QStringLiteral("malformed token"));
    const auto claims = QByteArray::fromBase64Encoding(bytes.left(dot), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    const auto mac = QByteArray::fromBase64Encoding(bytes.mid(dot + 1), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!claims || !mac)
        return unauthenticated(QStringLiteral("malformed token"));
    const QByteArray expected = signature(*claims);
    if (mac.decoded.size() != expected.size() || CRYPTO_memcmp(mac.decoded.constData(), expected.constData(), size_t(expected.size())) != 0)
        return unauthenticated(QStringLiteral("invalid token"));
    const QJsonObject json = QJsonDocument::fromJson(*claims).object();
    if (json.value(QStringLiteral("exp")).toInteger() <= now.toSecsSinceEpoch())
        return unauthenticated(QStringLiteral("the token has expired; log in again"));
    Principal p { json.value(QStringLiteral("sub")).toInteger(), json.value(QStringLiteral("name")).toString(),
                  json.value(QStringLiteral("role")).toString(), json.value(QStringLiteral("tv")).toInt() };
    if (p.userId <= 0 || (p.role != QLatin1String("SHOPPER") && p.role != QLatin1String("ADMIN")))
        return unauthenticated(QStringLiteral("invalid token"));
    return p;
}

#pragma once

#include "Result.h"

#include <QtCore/QDateTime>
#include <QtCore/QString>

// Who a request is from, once its bearer token checked out.
struct Principal {
    qint64 userId = 0;
    QString username;
    QString role; // SHOPPER or ADMIN
    // The account's token version when the token was issued: a password change bumps
    // the account's, so older tokens stop working (AuthGuard, TokenVersions).
    int tokenVersion = 0;
    bool isAdmin() const { return role == QLatin1String("ADMIN"); }
};

// Bearer tokens: base64url(JSON claims) "." base64url(HMAC-SHA256(secret, claims)),
// with an expiry. Stateless, so every worker checks them without a lookup.
class TokenSigner
{
public:
    TokenSigner(QByteArray secret, qint64 lifetimeSeconds);

    struct Issued {
        QString token;
        QDateTime expiresAt;
    };
    Issued issue(const Principal &principal, const QDateTime &now) const;
    // UNAUTHENTICATED for a malformed, forged or expired token.
    Result<Principal> verify(const QString &token, const QDateTime &now) const;

private:
    QByteArray signature(const QByteArray &claims) const;

    QByteArray m_secret;
    qint64 m_lifetimeSeconds;
};

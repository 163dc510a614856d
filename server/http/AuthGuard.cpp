#include "AuthGuard.h"

#include "Responses.h"
#include "RouteInput.h"
#include "TokenVersions.h"
#include "UserRepository.h"

Result<Principal> AuthGuard::authenticate(const RequestContext &context) const
{
    const QByteArray header = context.request.value("authorization");
    if (!header.startsWith("Bearer ") || header.size() <= 7)
        return Failure { ErrorCode::Unauthenticated, QStringLiteral("sign in first: send Authorization: Bearer <token>"), {} };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Result<Principal> principal = m_tokens.verify(QString::fromLatin1(header.mid(7).trimmed()), now);
    if (!principal || !m_versions || !m_database)
        return principal;
    UserRepository users(*m_database);
    const TokenVersions::Readers readers {
        [&users](qint64 userId) { return users.tokenState(userId); },
        [&users](int withinSeconds, int limit) { return users.tokenChanges(withinSeconds, limit); },
    };
    switch (m_versions->check(principal.value(), readers, now.toMSecsSinceEpoch())) {
    case TokenVersions::Verdict::Accepted:
        return principal;
    case TokenVersions::Verdict::Refused:
        return Failure { ErrorCode::Unauthenticated, QStringLiteral("this sign-in is no longer valid; log in again"), {} };
    case TokenVersions::Verdict::Unavailable:
        break;
    }
    // Not a pass (the token may have been revoked meanwhile) and not a 401 (signing in
    // again could not be checked either): the client retries once MySQL is back.
    return Failure { ErrorCode::Unavailable, QStringLiteral("this sign-in cannot be checked right now; try again shortly"), {} };
}

Router::Handler AuthGuard::signedIn(Handler handler) const
{
    return [this, handler = std::move(handler)](const RequestContext &context) {
        const Result<Principal> principal = authenticate(context);
        if (!principal)
            return Responses::failure(principal.failure());
        return handler(context, principal.value());
    };
}

Router::Handler AuthGuard::adminOnly(Handler handler) const
{
    return signedIn([handler = std::move(handler)](const RequestContext &context, const Principal &principal) {
        if (!principal.isAdmin())
            return Responses::failure(ErrorCode::Forbidden, QStringLiteral("this needs an admin account"));
        return handler(context, principal);
    });
}

Router::Handler AuthGuard::forUser(UserHandler handler) const
{
    return signedIn([handler = std::move(handler)](const RequestContext &context, const Principal &principal) {
        const Result<qint64> userId = RouteInput::pathId(context, QStringLiteral("userId"));
        if (!userId)
            return Responses::failure(userId.failure());
        if (auto denied = ownerOrAdmin(principal, userId.value()))
            return std::move(*denied);
        return handler(context, principal, userId.value());
    });
}

std::optional<QHttpServerResponse> AuthGuard::ownerOrAdmin(const Principal &principal, qint64 userId)
{
    if (principal.isAdmin() || principal.userId == userId)
        return std::nullopt;
    return Responses::failure(ErrorCode::Forbidden, QStringLiteral("this belongs to another user"));
}

#pragma once

#include "Router.h"
#include "TokenSigner.h"

class Database;
class TokenVersions;

#include <optional>

// The one place a bearer token is checked: wraps handlers that need a signed-in user
// (401 UNAUTHENTICATED otherwise) or an admin (403 FORBIDDEN for a shopper). With
// `versions`, one per worker: a token issued before its account's password changed,
// or for a disabled account, is refused too (looked up on the worker's connection);
// when neither MySQL nor anything known can tell, 503 UNAVAILABLE, never a pass.
class AuthGuard
{
public:
    using Handler = std::function<QHttpServerResponse(const RequestContext &, const Principal &)>;

    explicit AuthGuard(const TokenSigner &tokens, TokenVersions *versions = nullptr, Database *database = nullptr)
        : m_tokens(tokens), m_versions(versions), m_database(database)
    {
    }

    Router::Handler signedIn(Handler handler) const;
    Router::Handler adminOnly(Handler handler) const;

    // For routes under /users/{userId}: parses the id (404 when it names nothing) and
    // lets only that user or an admin through (403 otherwise).
    using UserHandler = std::function<QHttpServerResponse(const RequestContext &, const Principal &, qint64 userId)>;
    Router::Handler forUser(UserHandler handler) const;

    // 403 unless the principal is that user or an admin; nullopt when allowed.
    static std::optional<QHttpServerResponse> ownerOrAdmin(const Principal &principal, qint64 userId);

private:
    Result<Principal> authenticate(const RequestContext &context) const;
    const TokenSigner &m_tokens;
    TokenVersions *m_versions;
    Database *m_database;
};

#include "AuthService.h"

#include "Database.h"

AuthService::AuthService(Database &database, const TokenSigner &tokens, PasswordHasher hasher)
    : m_database(database), m_users(database), m_tokens(tokens), m_hasher(hasher)
{
}

Result<Principal> AuthService::registerShopper(const RequestValidation::Credentials &credentials)
{
    const QString role = QStringLiteral("SHOPPER");
    const Result<qint64> id = createAccount(credentials.username, m_hasher.hash(credentials.password), role);
    if (!id)
        return id.failure();
    return Principal { id.value(), credentials.username, role };
}

Result<AuthService::Session> AuthService::login(const RequestValidation::Credentials &credentials)
{
    const Failure wrong { ErrorCode::InvalidCredentials, QStringLiteral("wrong username or password"), {} };
    const Result<UserRepository::Account> account = m_users.findByUsername(credentials.username);
    if (!account) {
        if (account.failure().code != ErrorCode::NotFound)
            return account.failure();
        // Spend the same time as a real check, so response times do not tell which
        // usernames exist.
        PasswordHasher::verify(credentials.password, m_hasher.hash(QStringLiteral("x")));
        return wrong;
    }
    if (!PasswordHasher::verify(credentials.password, account->passwordHash))
        return wrong;
    if (m_hasher.needsRehash(account->passwordHash))
        m_users.setPasswordAndRole(account->principal.userId, m_hasher.hash(credentials.password), account->principal.role);
    return Session { m_tokens.issue(account->principal, QDateTime::currentDateTimeUtc()), account->principal };
}

Status AuthService::ensureAdmin(const QString &password)
{
    const QString admin = QStringLiteral("admin");
    const QString role = QStringLiteral("ADMIN");
    const Result<UserRepository::Account> existing = m_users.findByUsername(admin);
    if (existing)
        return m_users.setPasswordAndRole(existing->principal.userId, m_hasher.hash(password), role);
    if (existing.failure().code != ErrorCode::NotFound)
        return existing.failure();
    const Result<qint64> created = createAccount(admin, m_hasher.hash(password), role);
    if (!created)
        return created.failure();
    return Done {};
}

Result<qint64> AuthService::createAccount(const QString &username, const QString &passwordHash, const QString &role)
{
    // The hash is computed before: PBKDF2 never runs inside a transaction.
    return m_database.transaction<qint64>([&] { return m_users.create(username, passwordHash, role); });
}

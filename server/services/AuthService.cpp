#include "AuthService.h"

#include "Database.h"
#include "LoginLimiter.h"
#include "TokenVersions.h"

#include <algorithm>

namespace {
// Registration's pattern, ^[A-Za-z0-9_.-]{3,32}$, checked character by character (a
// regular expression's `$` also matches before a final newline).
bool wellFormedUsername(const QString &username)
{
    if (username.size() < 3 || username.size() > 32)
        return false;
    return std::all_of(username.cbegin(), username.cend(), [](QChar c) {
        return (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') || c == QLatin1Char('.')
                || c == QLatin1Char('-');
    });
}
}

AuthService::AuthService(Database &database, const TokenSigner &tokens, PasswordWork &passwords, TokenVersions *versions)
    : m_database(database), m_users(database), m_tokens(tokens), m_passwords(passwords), m_versions(versions)
{
}

Failure AuthService::busy() const
{
    const int wait = m_passwords.retryAfterSeconds();
    return Failure { ErrorCode::RateLimited, QStringLiteral("too many sign-ins at once; try again in %1 s").arg(wait),
                     QJsonObject { { QStringLiteral("retryAfterSeconds"), wait } } };
}

Result<Principal> AuthService::registerShopper(const RequestValidation::Credentials &credentials)
{
    if (RequestValidation::reservedUsername(credentials.username))
        return Failure { ErrorCode::UsernameTaken, QStringLiteral("that username is taken"),
                         QJsonObject { { QStringLiteral("field"), QStringLiteral("username") } } };
    const std::optional<QString> hash = m_passwords.hash(credentials.password);
    if (!hash)
        return busy();
    const QString role = QStringLiteral("SHOPPER");
    const Result<qint64> id = createAccount(credentials.username, *hash, role);
    if (!id)
        return id.failure();
    return Principal { id.value(), credentials.username, role };
}

Result<AuthService::Session> AuthService::login(const RequestValidation::Credentials &credentials, LoginLimiter *limiter,
                                                const QString &address)
{
    // Before anything: MariaDB compares names with PAD SPACE, so `name  ` would find
    // `name` and guess at it under a count of its own. No account can have such a name,
    // so saying so tells a guesser nothing.
    if (!wellFormedUsername(credentials.username))
        return Failure::validation(QStringLiteral("username"), QStringLiteral("username must be 3 to 32 of A-Z a-z 0-9 _ . -"));
    const Failure wrong { ErrorCode::InvalidCredentials, QStringLiteral("wrong username or password"), {} };
    const Result<UserRepository::Account> account = m_users.findByUsername(credentials.username);
    if (!account && account.failure().code != ErrorCode::NotFound)
        return account.failure();
    // Counted for the account, not the spelling, once the look-up has found it.
    std::optional<LoginLimiter::Attempt> attempt;
    if (limiter) {
        const std::optional<qint64> userId = account ? std::optional<qint64>(account->principal.userId) : std::nullopt;
        attempt = limiter->admit(LoginThrottle::subject(userId, credentials.username), address,
                                 QDateTime::currentMSecsSinceEpoch());
        if (const qint64 wait = attempt->retryAfterSeconds; wait > 0)
            return Failure { ErrorCode::RateLimited, QStringLiteral("too many failed logins; try again in %1 s").arg(wait),
                             QJsonObject { { QStringLiteral("retryAfterSeconds"), wait } } };
    }
    // admit() counted the attempt as a failure; these take that back.
    const auto notAFailure = [&] {
        if (attempt)
            limiter->release(*attempt);
    };
    if (!account) {
        // One run, as for a real account, so response times do not tell which
        // usernames exist.
        if (!m_passwords.verifyUnknown(credentials.password)) {
            notAFailure();
            return busy();
        }
        return wrong;
    }
    const std::optional<bool> verified = m_passwords.verify(credentials.password, account->passwordHash);
    if (!verified) {
        notAFailure();
        return busy();
    }
    if (!*verified)
        return wrong;
    // Only the right password learns that the account is disabled (API.md): its owner
    // then knows to ask the shop instead of retrying a password that is right.
    if (account->disabled) {
        notAFailure();
        return Failure { ErrorCode::AccountDisabled, QStringLiteral("this account is disabled; contact the shop"), {} };
    }
    if (attempt)
        limiter->succeeded(*attempt, QDateTime::currentMSecsSinceEpoch());
    // A hash made with fewer iterations is upgraded once; when busy, a later login does it.
    if (m_passwords.needsRehash(account->passwordHash)) {
        if (const std::optional<QString> rehashed = m_passwords.hash(credentials.password))
            m_users.setPasswordAndRole(account->principal.userId, *rehashed, account->principal.role);
    }
    return Session { m_tokens.issue(account->principal, QDateTime::currentDateTimeUtc()), account->principal };
}

Status AuthService::changePassword(qint64 userId, const QString &current, const QString &next)
{
    const Result<UserRepository::Account> account = m_users.findById(userId);
    if (!account)
        return account.failure();
    const std::optional<bool> verified = m_passwords.verify(current, account->passwordHash);
    if (!verified)
        return busy();
    if (!*verified)
        return Failure { ErrorCode::InvalidCredentials, QStringLiteral("the current password is wrong"),
                         QJsonObject { { QStringLiteral("field"), QStringLiteral("currentPassword") } } };
    const std::optional<QString> hash = m_passwords.hash(next);
    if (!hash)
        return busy();
    if (Status changed = m_users.changePassword(userId, *hash); !changed)
        return changed;
    if (m_versions)
        m_versions->forget(userId);
    return Done {};
}

Status AuthService::ensureAdmin(const QString &password)
{
    const QString admin = QStringLiteral("admin");
    const QString role = QStringLiteral("ADMIN");
    // Twice at most: a first create can lose to another instance creating it meanwhile.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const Result<UserRepository::Account> existing = m_users.findByUsername(admin);
        if (existing) {
            // An `admin` registered as a shopper (older versions allowed it) stays one:
            // promoting it would hand the shop to whoever took the name.
            if (existing->principal.role != role)
                return Failure { ErrorCode::UsernameTaken,
                                 QStringLiteral("the account `admin` is a shopper's, and is not made an administrator; "
                                                "create the administrator with `storefront-server admin create "
                                                "--username NAME` and unset STOREFRONT_ADMIN_PASSWORD"),
                                 {} };
            // Already as configured (another instance did it, or a restart): no write,
            // and its tokens stay valid.
            const std::optional<bool> same = m_passwords.verify(password, existing->passwordHash);
            if (same && *same)
                return Done {};
            const std::optional<QString> hash = m_passwords.hash(password);
            if (!hash)
                return busy();
            return m_users.changePassword(existing->principal.userId, *hash);
        }
        if (existing.failure().code != ErrorCode::NotFound)
            return existing.failure();
        const std::optional<QString> hash = m_passwords.hash(password);
        if (!hash)
            return busy();
        const Result<qint64> created = createAccount(admin, *hash, role);
        if (created)
            return Done {};
        if (created.failure().code != ErrorCode::UsernameTaken)
            return created.failure();
    }
    return Failure { ErrorCode::Unavailable, QStringLiteral("cannot set up the admin account"), {} };
}

Result<Principal> AuthService::createAdmin(const RequestValidation::Credentials &credentials)
{
    const std::optional<QString> hash = m_passwords.hash(credentials.password);
    if (!hash)
        return busy();
    const QString role = QStringLiteral("ADMIN");
    const Result<qint64> id = createAccount(credentials.username, *hash, role);
    if (!id)
        return id.failure();
    return Principal { id.value(), credentials.username, role };
}

Result<Principal> AuthService::createOwner(const RequestValidation::Credentials &credentials)
{
    const Result<bool> admin = m_users.adminExists();
    if (!admin)
        return admin.failure();
    if (admin.value())
        return Failure { ErrorCode::Forbidden, QStringLiteral("this shop already has an administrator"), {} };
    return createAdmin(credentials);
}

Result<bool> AuthService::ownerNeeded()
{
    const Result<bool> admin = m_users.adminExists();
    if (!admin)
        return admin.failure();
    return !admin.value();
}

Result<qint64> AuthService::createAccount(const QString &username, const QString &passwordHash, const QString &role)
{
    // The hash is computed before: PBKDF2 never runs inside a transaction.
    return m_database.transaction<qint64>([&] { return m_users.create(username, passwordHash, role); });
}

#pragma once

#include "PasswordWork.h"
#include "RequestValidation.h"
#include "TokenSigner.h"
#include "UserRepository.h"

class LoginLimiter;
class TokenVersions;

// Register, log in, and keep the `admin` account in step with its configured password.
// Every PBKDF2 run goes through the process's one PasswordWork: one run per request,
// known name or not, and a bounded number at once.
class AuthService
{
public:
    // `versions`: told when a password change revokes a user's tokens (may be null).
    AuthService(Database &database, const TokenSigner &tokens, PasswordWork &passwords, TokenVersions *versions = nullptr);

    // RATE_LIMITED (details: retryAfterSeconds) while every password slot stays busy,
    // here and in login().
    Result<Principal> registerShopper(const RequestValidation::Credentials &credentials);
    struct Session {
        TokenSigner::Issued token;
        Principal principal;
    };
    // INVALID_CREDENTIALS for an unknown name or a wrong password alike; ACCOUNT_DISABLED
    // for the right password of a disabled account. A name registration would refuse is
    // VALIDATION_FAILED before anything else: no look-up, no PBKDF2, nothing counted.
    // With `limiter`, the attempt is admitted for the account the name finds (or the
    // name, when it finds none) from `address` before the password is tested:
    // RATE_LIMITED (details: retryAfterSeconds) when a limit holds.
    Result<Session> login(const RequestValidation::Credentials &credentials, LoginLimiter *limiter = nullptr,
                          const QString &address = QString());
    // INVALID_CREDENTIALS when `current` is wrong; tokens issued before stop working on
    // every instance (TokenVersions).
    Status changePassword(qint64 userId, const QString &current, const QString &next);
    // Creates `admin` with role ADMIN, or sets its password when it differs. Never
    // promotes an `admin` that is a shopper (USERNAME_TAKEN with what to do instead).
    // Safe when several instances start at once: the one that loses the race to create
    // it finds it made.
    Status ensureAdmin(const QString &password);
    // A new administrator (`storefront-server admin create`); USERNAME_TAKEN when the name exists.
    Result<Principal> createAdmin(const RequestValidation::Credentials &credentials);
    // The first owner of a shop without any administrator (POST /auth/owner; the caller
    // checked the app's secret): FORBIDDEN once an administrator exists.
    Result<Principal> createOwner(const RequestValidation::Credentials &credentials);
    // True while the shop has no administrator.
    Result<bool> ownerNeeded();

private:
    Failure busy() const;
    // The user and their balance row, in one transaction.
    Result<qint64> createAccount(const QString &username, const QString &passwordHash, const QString &role);

    Database &m_database;
    UserRepository m_users;
    const TokenSigner &m_tokens;
    PasswordWork &m_passwords;
    TokenVersions *m_versions;
};

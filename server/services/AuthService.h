#pragma once

#include "PasswordWork.h"
#include "RequestValidation.h"
#include "TokenSigner.h"
#include "UserRepository.h"

// Register, log in, and keep the `admin` account in step with its configured password.
// Every PBKDF2 run goes through the process's one PasswordWork: one run per request,
// known name or not, and a bounded number at once.
class AuthService
{
public:
    AuthService(Database &database, const TokenSigner &tokens, PasswordWork &passwords);

    // RATE_LIMITED (details: retryAfterSeconds) while every password slot stays busy,
    // here and in login().
    Result<Principal> registerShopper(const RequestValidation::Credentials &credentials);
    struct Session {
        TokenSigner::Issued token;
        Principal principal;
    };
    // INVALID_CREDENTIALS for an unknown name or a wrong password alike.
    Result<Session> login(const RequestValidation::Credentials &credentials);
    // Creates `admin` with role ADMIN, or resets its password and role.
    Status ensureAdmin(const QString &password);

private:
    Failure busy() const;
    // The user and their balance row, in one transaction.
    Result<qint64> createAccount(const QString &username, const QString &passwordHash, const QString &role);

    Database &m_database;
    UserRepository m_users;
    const TokenSigner &m_tokens;
    PasswordWork &m_passwords;
};

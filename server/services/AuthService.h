#pragma once

#include "PasswordHasher.h"
#include "RequestValidation.h"
#include "TokenSigner.h"
#include "UserRepository.h"

// Register, log in, and keep the `admin` account in step with its configured password.
class AuthService
{
public:
    AuthService(Database &database, const TokenSigner &tokens, PasswordHasher hasher);

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
    // The user and their balance row, in one transaction.
    Result<qint64> createAccount(const QString &username, const QString &passwordHash, const QString &role);

    Database &m_database;
    UserRepository m_users;
    const TokenSigner &m_tokens;
    PasswordHasher m_hasher;
};

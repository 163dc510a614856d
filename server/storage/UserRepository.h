#pragma once

#include "Result.h"
#include "TokenSigner.h"

class Database;

// Accounts and their balance rows (every user has one from registration on).
class UserRepository
{
public:
    explicit UserRepository(Database &database) : m_database(database) { }

    struct Account {
        Principal principal; // with the account's current token version
        QString passwordHash;
        bool disabled = false;
    };
    // The user and their balance row, inside the caller's transaction. USERNAME_TAKEN
    // when the name exists.
    Result<qint64> create(const QString &username, const QString &passwordHash, const QString &role);
    // Not found: a failure with NotFound.
    Result<Account> findByUsername(const QString &username);
    Result<Account> findById(qint64 userId);
    // A new password: the token version goes up, so every older token fails.
    Status changePassword(qint64 userId, const QString &passwordHash);

    // What decides whether a token still counts (TokenVersions).
    struct TokenState {
        int version = 0;
        bool disabled = false;
        bool exists = false;
    };
    Result<TokenState> tokenState(qint64 userId);
    struct TokenChange {
        qint64 userId = 0;
        TokenState state;
    };
    // Accounts whose sign-in state changed in the last `withinSeconds` (by MySQL's
    // clock), or, with 0, every account whose state ever changed; at most `limit`.
    Result<QList<TokenChange>> tokenChanges(int withinSeconds, int limit);
    Result<bool> exists(qint64 userId);
    // Whether any account has the role ADMIN (a new desktop shop has none).
    Result<bool> adminExists();
    Status setPasswordAndRole(qint64 userId, const QString &passwordHash, const QString &role);

private:
    Database &m_database;
};

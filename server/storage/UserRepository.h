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
        Principal principal;
        QString passwordHash;
    };
    // The user and their balance row, inside the caller's transaction. USERNAME_TAKEN
    // when the name exists.
    Result<qint64> create(const QString &username, const QString &passwordHash, const QString &role);
    // Not found: a failure with NotFound.
    Result<Account> findByUsername(const QString &username);
    Result<bool> exists(qint64 userId);
    Status setPasswordAndRole(qint64 userId, const QString &passwordHash, const QString &role);

private:
    Database &m_database;
};

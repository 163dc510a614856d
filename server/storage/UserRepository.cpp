#include "UserRepository.h"

#include "Database.h"

Result<qint64> UserRepository::create(const QString &username, const QString &passwordHash, const QString &role)
{
    const auto user = m_database.run(QStringLiteral("INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?)"),
                                     { username, passwordHash, role });
    if (!user) {
        if (Database::isDuplicateKey(m_database.lastError()))
            return Failure { ErrorCode::UsernameTaken, QStringLiteral("the username %1 is taken").arg(username),
                             QJsonObject { { QStringLiteral("field"), QStringLiteral("username") } } };
        return user.failure();
    }
    const qint64 id = user.value()->lastInsertId().toLongLong();
    const auto balance = m_database.run(QStringLiteral("INSERT INTO balances (user_id, balance) VALUES (?, 0)"), { id });
    if (!balance)
        return balance.failure();
    return id;
}

Result<UserRepository::Account> UserRepository::findByUsername(const QString &username)
{
    const auto found = m_database.run(QStringLiteral("SELECT id, username, role, password_hash FROM users WHERE username = ?"),
                                      { username });
    if (!found)
        return found.failure();
    QSqlQuery *q = found.value();
    if (!q->next())
        return Failure { ErrorCode::NotFound, QStringLiteral("no such user"), {} };
    return Account { Principal { q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString() },
                     q->value(3).toString() };
}

Result<bool> UserRepository::exists(qint64 userId)
{
    const auto found = m_database.run(QStringLiteral("SELECT 1 FROM users WHERE id = ?"), { userId });
    if (!found)
        return found.failure();
    return found.value()->next();
}

Status UserRepository::setPasswordAndRole(qint64 userId, const QString &passwordHash, const QString &role)
{
    const auto updated = m_database.run(QStringLiteral("UPDATE users SET password_hash = ?, role = ? WHERE id = ?"),
                                        { passwordHash, role, userId });
    if (!updated)
        return updated.failure();
    return Done {};
}

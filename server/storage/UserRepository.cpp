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

namespace {
Result<UserRepository::Account> accountFrom(const Result<Statement> &found)
{
    if (!found)
        return found.failure();
    QSqlQuery *q = found.value();
    if (!q->next())
        return Failure { ErrorCode::NotFound, QStringLiteral("no such user"), {} };
    return UserRepository::Account { Principal { q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                                                 q->value(4).toInt() },
                                     q->value(3).toString(), q->value(5).toBool() };
}
}

Result<UserRepository::Account> UserRepository::findByUsername(const QString &username)
{
    return accountFrom(m_database.run(QStringLiteral("SELECT id, username, role, password_hash, token_version, "
                                                     "disabled_at IS NOT NULL FROM users WHERE username = ?"),
                                      { username }));
}

Result<UserRepository::Account> UserRepository::findById(qint64 userId)
{
    return accountFrom(m_database.run(QStringLiteral("SELECT id, username, role, password_hash, token_version, "
                                                     "disabled_at IS NOT NULL FROM users WHERE id = ?"),
                                      { userId }));
}

Status UserRepository::changePassword(qint64 userId, const QString &passwordHash)
{
    const auto updated = m_database.run(
            QStringLiteral("UPDATE users SET password_hash = ?, token_version = token_version + 1, token_changed_at = NOW(3) WHERE id = ?"),
            { passwordHash, userId });
    if (!updated)
        return updated.failure();
    return Done {};
}

Result<UserRepository::TokenState> UserRepository::tokenState(qint64 userId)
{
    const auto found = m_database.run(
            QStringLiteral("SELECT token_version, disabled_at IS NOT NULL FROM users WHERE id = ?"), { userId });
    if (!found)
        return found.failure();
    if (!found.value()->next())
        return TokenState {};
    return TokenState { found.value()->value(0).toInt(), found.value()->value(1).toBool(), true };
}

Result<QList<UserRepository::TokenChange>> UserRepository::tokenChanges(int withinSeconds, int limit)
{
    // withinSeconds 0: every account that ever changed (the indexed column is not NULL).
    const auto found = withinSeconds > 0
            ? m_database.run(QStringLiteral("SELECT id, token_version, disabled_at IS NOT NULL FROM users "
                                            "WHERE token_changed_at >= NOW(3) - INTERVAL ? SECOND LIMIT ?"),
                             { withinSeconds, limit })
            : m_database.run(QStringLiteral("SELECT id, token_version, disabled_at IS NOT NULL FROM users "
                                            "WHERE token_changed_at IS NOT NULL LIMIT ?"),
                             { limit });
    if (!found)
        return found.failure();
    QList<TokenChange> changes;
    while (found.value()->next())
        changes.append({ found.value()->value(0).toLongLong(),
                         TokenState { found.value()->value(1).toInt(), found.value()->value(2).toBool(), true } });
    return changes;
}

Result<bool> UserRepository::exists(qint64 userId)
{
    const auto found = m_database.run(QStringLiteral("SELECT 1 FROM users WHERE id = ?"), { userId });
    if (!found)
        return found.failure();
    return found.value()->next();
}

Result<bool> UserRepository::adminExists()
{
    const auto found = m_database.run(QStringLiteral("SELECT 1 FROM users WHERE role = 'ADMIN' LIMIT 1"));
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

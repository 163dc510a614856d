#include "WalletRepository.h"

#include "Database.h"
#include "SqlBatch.h"
#include "SqlTime.h"

// The new balance comes back through a session variable set by the UPDATE itself,
// so the ledger row needs no extra SELECT round trip.

Result<qint64> WalletRepository::credit(qint64 userId, qint64 amount, const QString &type, qint64 orderId, qint64 ceiling)
{
    const auto updated = m_database.run(
            QStringLiteral("UPDATE balances SET balance = (@storefront_balance := balance + ?), updated_at = NOW(3) "
                           "WHERE user_id = ? AND balance + ? <= ?"),
            { amount, userId, amount, ceiling });
    if (!updated)
        return updated.failure();
    if (updated.value()->numRowsAffected() != 1) {
        const Result<qint64> current = balance(userId);
        if (!current)
            return current.failure();
        // What may still be charged, so a client can say it; 0 while refunds keep the
        // balance over the ceiling (refund()), until payments bring it back under.
        const qint64 room = qMax<qint64>(0, ceiling - current.value());
        const QString message = current.value() > ceiling
                ? QStringLiteral("the balance, %1 won after refunds, is over the most a balance may be charged to "
                                 "(%2 won): no charge until payments bring it under")
                          .arg(current.value())
                          .arg(ceiling)
                : QStringLiteral("the balance may not exceed %1 won: at most %2 more won can be charged")
                          .arg(ceiling)
                          .arg(room);
        return Failure { ErrorCode::InvalidAmount, message,
                         QJsonObject { { QStringLiteral("field"), QStringLiteral("amount") },
                                       { QStringLiteral("balance"), current.value() },
                                       { QStringLiteral("maxBalance"), ceiling },
                                       { QStringLiteral("chargeable"), room } } };
    }
    return recorded(userId, type, amount, orderId);
}

Result<qint64> WalletRepository::refund(qint64 userId, qint64 amount, qint64 orderId)
{
    const auto updated = m_database.run(
            QStringLiteral("UPDATE balances SET balance = (@storefront_balance := balance + ?), updated_at = NOW(3) "
                           "WHERE user_id = ?"),
            { amount, userId });
    if (!updated)
        return updated.failure();
    if (updated.value()->numRowsAffected() != 1)
        return Failure { ErrorCode::NotFound, QStringLiteral("no such user"), {} };
    return recorded(userId, QStringLiteral("REFUND"), amount, orderId);
}

Result<qint64> WalletRepository::recorded(qint64 userId, const QString &type, qint64 amount, qint64 orderId)
{
    // The ledger row and the balance it says in one round trip (INSERT … RETURNING).
    const auto ledger = m_database.run(
            QStringLiteral("INSERT INTO balance_ledger (user_id, type, amount, balance_after, order_id) "
                           "VALUES (?, ?, ?, @storefront_balance, ?) RETURNING balance_after"),
            { userId, type, amount, orderId > 0 ? QVariant(orderId) : QVariant(QMetaType(QMetaType::LongLong)) });
    if (!ledger)
        return ledger.failure();
    if (!ledger.value()->next())
        return Failure { ErrorCode::Internal, QStringLiteral("the ledger row said no balance"), {} };
    return ledger.value()->value(0).toLongLong();
}

Result<qint64> WalletRepository::debit(qint64 userId, qint64 amount, qint64 orderId)
{
    const auto updated = m_database.run(
            QStringLiteral("UPDATE balances SET balance = (@storefront_balance := balance - ?), updated_at = NOW(3) "
                           "WHERE user_id = ? AND balance >= ?"),
            { amount, userId, amount });
    if (!updated)
        return updated.failure();
    if (updated.value()->numRowsAffected() != 1)
        return Failure { ErrorCode::InsufficientBalance, QStringLiteral("the balance is too low for this order"),
                         QJsonObject { { QStringLiteral("required"), amount } } };
    if (Result<qint64> after = recorded(userId, QStringLiteral("PAYMENT"), amount, orderId); !after)
        return after.failure();
    return amount;
}

Result<bool> WalletRepository::take(qint64 userId, qint64 amount)
{
    const auto updated = m_database.run(
            QStringLiteral("UPDATE balances SET balance = balance - ?, updated_at = NOW(3) WHERE user_id = ? AND balance >= ?"),
            { amount, userId, amount });
    if (!updated)
        return updated.failure();
    return updated.value()->numRowsAffected() == 1;
}

Result<QHash<qint64, qint64>> WalletRepository::balances(const QList<qint64> &userIds)
{
    QHash<qint64, qint64> out;
    for (const QList<qint64> &piece : SqlBatch::pieces(userIds)) {
        QVariantList bindings;
        const auto rows = m_database.run(
                QStringLiteral("SELECT user_id, balance FROM balances WHERE user_id IN (%1)").arg(SqlBatch::inList(piece, bindings)),
                bindings);
        if (!rows)
            return rows.failure();
        while (rows.value()->next())
            out.insert(rows.value()->value(0).toLongLong(), rows.value()->value(1).toLongLong());
    }
    return out;
}

Status WalletRepository::recordPayments(const QList<Payment> &payments)
{
    for (const QList<Payment> &chunk : SqlBatch::chunks(payments)) {
        QVariantList bindings;
        for (const Payment &p : chunk)
            bindings << p.userId << p.amount << p.balanceAfter << p.orderId;
        const auto inserted = m_database.run(
                QStringLiteral("INSERT INTO balance_ledger (user_id, type, amount, balance_after, order_id) VALUES %1")
                        .arg(SqlBatch::repeat(int(chunk.size()), QStringLiteral("(?, 'PAYMENT', ?, ?, ?)"))),
                bindings);
        if (!inserted)
            return inserted.failure();
    }
    return Done {};
}

Result<qint64> WalletRepository::balance(qint64 userId)
{
    const auto found = m_database.run(QStringLiteral("SELECT balance FROM balances WHERE user_id = ?"), { userId });
    if (!found)
        return found.failure();
    if (!found.value()->next())
        return Failure { ErrorCode::NotFound, QStringLiteral("no such user"), {} };
    return found.value()->value(0).toLongLong();
}

Result<QPair<QList<LedgerEntry>, qint64>> WalletRepository::history(qint64 userId, int limit, int offset)
{
    const auto count = m_database.run(QStringLiteral("SELECT COUNT(*) FROM balance_ledger WHERE user_id = ?"), { userId });
    if (!count)
        return count.failure();
    count.value()->next();
    const qint64 total = count.value()->value(0).toLongLong();
    const auto rows = m_database.run(QStringLiteral("SELECT id, type, amount, balance_after, order_id, created_at "
                                                    "FROM balance_ledger WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?"),
                                     { userId, limit, offset });
    if (!rows)
        return rows.failure();
    QList<LedgerEntry> entries;
    QSqlQuery *q = rows.value();
    while (q->next())
        entries.append(LedgerEntry { q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong(),
                                     q->value(3).toLongLong(), q->value(4).toLongLong(), SqlTime::utc(q->value(5)) });
    return qMakePair(entries, total);
}

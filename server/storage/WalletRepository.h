#pragma once

#include "Result.h"
#include "ShopTypes.h"

class Database;

// Balances and their ledger. Every change is one atomic UPDATE of the balance row
// (no read-modify-write, so no lost update) plus its ledger row, inside the caller's
// transaction.
class WalletRepository
{
public:
    explicit WalletRepository(Database &database) : m_database(database) { }

    // Adds `amount` (a CHARGE) unless the balance would pass `ceiling`; returns the
    // balance after, or INVALID_AMOUNT (details: balance, maxBalance, chargeable).
    Result<qint64> credit(qint64 userId, qint64 amount, const QString &type, qint64 orderId, qint64 ceiling);
    // Gives an order's money back (a REFUND, by a refund or a cancel): always, even
    // past ShopLimits::kMaxBalance, because the money was the shopper's; while the
    // balance is over it, credit() refuses charges. Returns the balance after.
    Result<qint64> refund(qint64 userId, qint64 amount, qint64 orderId);
    // Takes `amount` for an order; INSUFFICIENT_BALANCE when the balance is short.
    Result<qint64> debit(qint64 userId, qint64 amount, qint64 orderId);
    // A batch of orders (OrderService::placeBatch): the balance taken without its ledger
    // row (false: too low, nothing changed), the balances after, then every payment's
    // ledger row in one multi-row INSERT with the balance each one left.
    Result<bool> take(qint64 userId, qint64 amount);
    Result<QHash<qint64, qint64>> balances(const QList<qint64> &userIds);
    struct Payment {
        qint64 userId = 0;
        qint64 amount = 0;
        qint64 balanceAfter = 0;
        qint64 orderId = 0;
    };
    Status recordPayments(const QList<Payment> &payments);
    // NOT_FOUND when the user has no balance row (no such user).
    Result<qint64> balance(qint64 userId);
    Result<QPair<QList<LedgerEntry>, qint64>> history(qint64 userId, int limit, int offset);

private:
    // The ledger row of the UPDATE just run, and the balance it left.
    Result<qint64> recorded(qint64 userId, const QString &type, qint64 amount, qint64 orderId);

    Database &m_database;
};

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
    // NOT_FOUND when the user has no balance row (no such user).
    Result<qint64> balance(qint64 userId);
    Result<QPair<QList<LedgerEntry>, qint64>> history(qint64 userId, int limit, int offset);

private:
    Status record(qint64 userId, const QString &type, qint64 amount, qint64 orderId);
    // The ledger row of the UPDATE just run, and the balance it left.
    Result<qint64> recorded(qint64 userId, const QString &type, qint64 amount, qint64 orderId);

    Database &m_database;
};

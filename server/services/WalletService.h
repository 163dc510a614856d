#pragma once

#include "IdempotencyStore.h"
#include "IdempotentAnswer.h"
#include "OperationLocks.h"
#include "RequestValidation.h"
#include "WalletRepository.h"

class Database;

class WalletService
{
public:
    // locks: may be null (no Redis lock strategy, MySQL's row locks alone).
    explicit WalletService(Database &database, OperationLocks *locks = nullptr);

    Result<qint64> balance(qint64 userId);
    // key empty: no idempotency. requestHash identifies the request the key was used for.
    Result<IdempotentAnswer> charge(qint64 userId, qint64 amount, const QString &key, const QByteArray &requestHash);
    Result<QPair<QList<LedgerEntry>, qint64>> history(qint64 userId, const RequestValidation::PageRequest &page);

private:
    Result<IdempotentAnswer> chargeOnce(qint64 userId, qint64 amount, const QString &key, const QByteArray &requestHash);

    Database &m_database;
    WalletRepository m_wallet;
    IdempotencyStore m_keys;
    OperationLocks *m_locks;
};

#pragma once

#include "ChargeBatcher.h"
#include "IdempotencyStore.h"
#include "IdempotentAnswer.h"
#include "OperationLocks.h"
#include "RequestValidation.h"
#include "WalletRepository.h"

class Database;

class WalletService
{
public:
    // locks: may be null (no Redis lock strategy, MySQL's row locks alone). batcher: may
    // be null (each charge its own transaction); not used with Redis locks.
    explicit WalletService(Database &database, OperationLocks *locks = nullptr, ChargeBatcher *batcher = nullptr);

    Result<qint64> balance(qint64 userId);
    // key empty: no idempotency. requestHash identifies the request the key was used for.
    Result<IdempotentAnswer> charge(qint64 userId, qint64 amount, const QString &key, const QByteArray &requestHash);
    Result<QPair<QList<LedgerEntry>, qint64>> history(qint64 userId, const RequestValidation::PageRequest &page);

private:
    Result<IdempotentAnswer> chargeOnce(const ChargeBatcher::Charge &charge);
    // The charge's rows inside the running transaction: its key, the credit, its answer.
    Result<IdempotentAnswer> credit(const ChargeBatcher::Charge &charge);
    // Several charges (ChargeBatcher): one transaction, each from its own savepoint, one
    // COMMIT; each one alone again if the batch cannot go through as one.
    void chargeBatch(const QList<ChargeBatcher::Charge *> &batch);

    Database &m_database;
    WalletRepository m_wallet;
    IdempotencyStore m_keys;
    OperationLocks *m_locks;
    ChargeBatcher *m_batcher;
};

#pragma once

#include "TransactionBatcher.h"

#include <QtCore/QString>

// A charge waiting for its answer in ChargeBatcher.
struct BatchedCharge {
    qint64 userId = 0;
    qint64 amount = 0;
    QString key; // Idempotency-Key, may be empty
    QByteArray requestHash;
    std::optional<Result<IdempotentAnswer>> answer; // set by the batch that ran it
};

// Many users' charges share a transaction and its COMMIT (TransactionBatcher, one lane
// for all charges). WalletService::chargeBatch runs a batch: a savepoint each, one
// COMMIT.
class ChargeBatcher : public TransactionBatcher<BatchedCharge>
{
public:
    using Charge = BatchedCharge;

    explicit ChargeBatcher(int cap, int inFlight = 8) : TransactionBatcher(cap, inFlight) { }

    Result<IdempotentAnswer> place(Charge &charge, const Runner &runner) { return TransactionBatcher::place(0, charge, runner); }
    QByteArray prometheus() const { return TransactionBatcher::prometheus("charge"); }
};

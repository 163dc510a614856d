#include "WalletService.h"

#include "Database.h"
#include "ShopLimits.h"

#include <QtCore/QJsonDocument>

namespace {
const QString kScope = QStringLiteral("charge");
}

WalletService::WalletService(Database &database, OperationLocks *locks, ChargeBatcher *batcher)
    : m_database(database), m_wallet(database), m_keys(database), m_locks(locks),
      m_batcher(locks && locks->strategy() == ConcurrencyStrategy::RedisLock ? nullptr : batcher)
{
}

Result<qint64> WalletService::balance(qint64 userId)
{
    return m_wallet.balance(userId);
}

Result<IdempotentAnswer> WalletService::charge(qint64 userId, qint64 amount, const QString &key,
                                               const QByteArray &requestHash)
{
    ChargeBatcher::Charge charge { userId, amount, key, requestHash, std::nullopt };
    if (m_batcher && m_batcher->cap() > 1)
        return m_batcher->place(charge, [this](const QList<ChargeBatcher::Charge *> &batch) { chargeBatch(batch); });
    const std::function<Result<IdempotentAnswer>()> work = [&] { return chargeOnce(charge); };
    if (!m_locks)
        return work();
    return m_locks->run<IdempotentAnswer>({ "user:" + QByteArray::number(userId) }, work);
}

Result<IdempotentAnswer> WalletService::chargeOnce(const ChargeBatcher::Charge &charge)
{
    return m_database.transaction<IdempotentAnswer>([&]() -> Result<IdempotentAnswer> { return credit(charge); });
}

Result<IdempotentAnswer> WalletService::credit(const ChargeBatcher::Charge &charge)
{
    if (!charge.key.isEmpty()) {
        const auto claimed = m_keys.claim(charge.userId, kScope, charge.key, charge.requestHash);
        if (!claimed)
            return claimed.failure();
        if (claimed.value())
            return IdempotentAnswer { QJsonDocument::fromJson(claimed.value()->body).object(), true };
    }
    const Result<qint64> after = m_wallet.credit(charge.userId, charge.amount, QStringLiteral("CHARGE"), 0, ShopLimits::kMaxBalance);
    if (!after)
        return after.failure();
    const QJsonObject body { { QStringLiteral("userId"), charge.userId }, { QStringLiteral("balance"), after.value() } };
    if (!charge.key.isEmpty()) {
        const Status stored = m_keys.complete(charge.userId, kScope, charge.key,
                                              { 200, QJsonDocument(body).toJson(QJsonDocument::Compact) });
        if (!stored)
            return stored.failure();
    }
    return IdempotentAnswer { body, false };
}

void WalletService::chargeBatch(const QList<ChargeBatcher::Charge *> &batch)
{
    if (batch.size() == 1) {
        batch.first()->answer = chargeOnce(*batch.first());
        return;
    }
    QList<Result<IdempotentAnswer>> answers;
    const Result<bool> done = m_database.transaction<bool>(
            [&]() -> Result<bool> {
                answers.clear();
                for (const ChargeBatcher::Charge *charge : batch) {
                    if (Status saved = m_database.savepoint(); !saved)
                        return saved.failure();
                    Result<IdempotentAnswer> answer = credit(*charge);
                    // A charge refused (over the ceiling, no such user, a key used for
                    // another request) is undone alone; anything else ends the batch.
                    if (!answer) {
                        const ErrorCode code = answer.failure().code;
                        if (code != ErrorCode::InvalidAmount && code != ErrorCode::NotFound
                            && code != ErrorCode::IdempotencyKeyReused)
                            return answer.failure();
                        if (Status back = m_database.rollbackToSavepoint(); !back)
                            return back.failure();
                    }
                    answers.append(answer);
                }
                return true;
            },
            1);
    if (!done) {
        m_batcher->countFallback();
        for (ChargeBatcher::Charge *charge : batch)
            charge->answer = chargeOnce(*charge);
        return;
    }
    for (int i = 0; i < batch.size(); ++i)
        batch[i]->answer = answers[i];
}

Result<QPair<QList<LedgerEntry>, qint64>> WalletService::history(qint64 userId, const RequestValidation::PageRequest &page)
{
    return m_wallet.history(userId, page.size, page.offset());
}

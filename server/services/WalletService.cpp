#include "WalletService.h"

#include "Database.h"
#include "ShopLimits.h"

#include <QtCore/QJsonDocument>

namespace {
const QString kScope = QStringLiteral("charge");
}

WalletService::WalletService(Database &database, OperationLocks *locks)
    : m_database(database), m_wallet(database), m_keys(database), m_locks(locks)
{
}

Result<qint64> WalletService::balance(qint64 userId)
{
    return m_wallet.balance(userId);
}

Result<IdempotentAnswer> WalletService::charge(qint64 userId, qint64 amount, const QString &key,
                                               const QByteArray &requestHash)
{
    const std::function<Result<IdempotentAnswer>()> work = [&] { return chargeOnce(userId, amount, key, requestHash); };
    if (!m_locks)
        return work();
    return m_locks->run<IdempotentAnswer>({ "user:" + QByteArray::number(userId) }, work);
}

Result<IdempotentAnswer> WalletService::chargeOnce(qint64 userId, qint64 amount, const QString &key,
                                                   const QByteArray &requestHash)
{
    return m_database.transaction<IdempotentAnswer>([&]() -> Result<IdempotentAnswer> {
        if (!key.isEmpty()) {
            const auto claimed = m_keys.claim(userId, kScope, key, requestHash);
            if (!claimed)
                return claimed.failure();
            if (claimed.value())
                return IdempotentAnswer { QJsonDocument::fromJson(claimed.value()->body).object(), true };
        }
        const Result<qint64> after = m_wallet.credit(userId, amount, QStringLiteral("CHARGE"), 0, ShopLimits::kMaxBalance);
        if (!after)
            return after.failure();
        const QJsonObject body { { QStringLiteral("userId"), userId }, { QStringLiteral("balance"), after.value() } };
        if (!key.isEmpty()) {
            const Status stored = m_keys.complete(userId, kScope, key,
                                                  { 200, QJsonDocument(body).toJson(QJsonDocument::Compact) });
            if (!stored)
                return stored.failure();
        }
        return IdempotentAnswer { body, false };
    });
}

Result<QPair<QList<LedgerEntry>, qint64>> WalletService::history(qint64 userId, const RequestValidation::PageRequest &page)
{
    return m_wallet.history(userId, page.size, page.offset());
}

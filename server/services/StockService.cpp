#include "StockService.h"

#include "Database.h"
#include "ShopLimits.h"

namespace {
Failure ceilingFailure(qint64 productId, qint64 stock, qint64 delta)
{
    return Failure { ErrorCode::ValidationFailed,
                     QStringLiteral("%1 in stock: adding %2 would pass the most a product may hold, %3")
                             .arg(stock)
                             .arg(delta)
                             .arg(ShopLimits::kMaxStock),
                     QJsonObject { { QStringLiteral("field"), QStringLiteral("delta") },
                                   { QStringLiteral("productId"), productId },
                                   { QStringLiteral("stock"), stock },
                                   { QStringLiteral("maxStock"), ShopLimits::kMaxStock } } };
}
}

Result<qint64> StockService::adjust(qint64 productId, const AdminRequests::StockChange &change, qint64 adminId)
{
    return m_database.transaction<qint64>([&]() -> Result<qint64> {
        const Result<qint64> before = m_products.lockStock(productId);
        if (!before)
            return before.failure();
        // The row is locked: `before` is the stock the delta applies to, so the refusal
        // says which bound it met. Past the ceiling is a request the shop does not take
        // (400, like a create or PATCH stock past it), below 0 a conflict with what is
        // there (409 OUT_OF_STOCK); the conditional UPDATE still decides.
        if (change.delta > 0 && before.value() + change.delta > ShopLimits::kMaxStock)
            return ceilingFailure(productId, before.value(), change.delta);
        const Result<bool> adjusted = m_products.adjust(productId, change.delta, ShopLimits::kMaxStock);
        if (!adjusted)
            return adjusted.failure();
        if (!adjusted.value() && change.delta > 0)
            return ceilingFailure(productId, before.value(), change.delta);
        if (!adjusted.value())
            return Failure { ErrorCode::OutOfStock,
                             QStringLiteral("only %1 in stock: cannot take %2").arg(before.value()).arg(-change.delta),
                             QJsonObject { { QStringLiteral("productId"), productId }, { QStringLiteral("stock"), before.value() } } };
        if (Status ledger = m_ledger.record({ { productId, change.delta, QStringLiteral("ADJUSTMENT"), 0, change.reason, adminId } });
            !ledger)
            return ledger.failure();
        const qint64 after = before.value() + change.delta;
        if (Status audited = m_audit.record(adminId, QStringLiteral("product.stock"), QStringLiteral("product"), productId,
                                            QJsonObject { { QStringLiteral("stock"), before.value() } },
                                            QJsonObject { { QStringLiteral("stock"), after },
                                                          { QStringLiteral("delta"), change.delta },
                                                          { QStringLiteral("reason"), change.reason } });
            !audited)
            return audited.failure();
        return after;
    });
}

Result<QPair<QList<StockLedgerRepository::Entry>, qint64>> StockService::history(qint64 productId,
                                                                                  const RequestValidation::PageRequest &page)
{
    const Result<Product> product = m_products.get(productId);
    if (!product)
        return product.failure();
    return m_ledger.history(productId, page.size, page.offset());
}

#include "StockService.h"

#include "Database.h"

Result<qint64> StockService::adjust(qint64 productId, const AdminRequests::StockChange &change, qint64 adminId)
{
    return m_database.transaction<qint64>([&]() -> Result<qint64> {
        const Result<qint64> before = m_products.lockStock(productId);
        if (!before)
            return before.failure();
        const Result<bool> adjusted = m_products.adjust(productId, change.delta);
        if (!adjusted)
            return adjusted.failure();
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

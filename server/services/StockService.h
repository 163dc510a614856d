#pragma once

#include "AdminRequests.h"
#include "AuditRepository.h"
#include "ProductRepository.h"
#include "StockLedgerRepository.h"

// An admin's stock changes (API.md, Stock): a delta with its reason, never below 0, in
// one transaction with its ledger row and its audit entry; and the ledger, read back.
class StockService
{
public:
    explicit StockService(Database &database)
        : m_database(database), m_products(database), m_ledger(database), m_audit(database)
    {
    }

    // The product's stock after; OUT_OF_STOCK (nothing changed) when it would go below 0.
    Result<qint64> adjust(qint64 productId, const AdminRequests::StockChange &change, qint64 adminId);
    // NOT_FOUND for an unknown product.
    Result<QPair<QList<StockLedgerRepository::Entry>, qint64>> history(qint64 productId,
                                                                        const RequestValidation::PageRequest &page);

private:
    Database &m_database;
    ProductRepository m_products;
    StockLedgerRepository m_ledger;
    AuditRepository m_audit;
};

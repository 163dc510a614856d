#pragma once

#include "AuditRepository.h"
#include "CatalogueRequests.h"
#include "CategoryRepository.h"
#include "ImageRepository.h"
#include "ProductRepository.h"
#include "ProductSearch.h"
#include "RankingBoard.h"
#include "RequestValidation.h"
#include "ReadThroughCache.h"
#include "SalesRepository.h"
#include "StockLedgerRepository.h"
#include "StockMirror.h"

#include <QtCore/QJsonArray>

// The catalogue, with Redis in front when there is one. Cached: products as they are
// described (name, price, SKU, description, category, pictures), and which products a
// list answer holds with its exact total, per distinct query. Stock is live on every
// answer: from the StockMirror, which every committed stock change clears before its
// answer goes out, or by primary key from MySQL without one, so the stock a shopper
// sees is exact at read time (DESIGN.md: Redis is never the only copy of what is paid
// for; the mirror is refilled from MySQL).
// Top products come from the Redis rankings, or from MySQL's aggregate without them.
class CatalogueService
{
public:
    // cache, rankings, stock: may be null (no Redis in front).
    CatalogueService(Database &database, ReadThroughCache *cache = nullptr, RankingBoard *rankings = nullptr,
                     StockMirror *stock = nullptr)
        : m_database(database), m_products(database), m_search(database), m_categories(database), m_images(database), m_sales(database),
          m_stockLedger(database), m_audit(database), m_cache(cache), m_rankings(rankings), m_stock(stock)
    {
    }

    // API.md's list items (no description, the main picture only), each with its live
    // stock, and the exact total. JSON, not Products: a cached page is answered by
    // setting each item's stock in the entry, without decoding it into products and
    // encoding them again.
    Result<QPair<QJsonArray, qint64>> list(const CatalogueRequests::ProductQuery &query);
    Result<Product> get(qint64 id);
    // Admin writes, each one transaction with its audit entry (by `adminId`); a stock
    // in an update is recorded in the stock ledger as an ADJUSTMENT of the difference.
    Result<Product> create(const RequestValidation::ProductDraft &draft, qint64 adminId);
    Result<Product> update(qint64 id, const RequestValidation::ProductDraft &draft, qint64 adminId);
    Result<QList<SalesRepository::Ranked>> top(int days, int limit);

private:
    Result<QPair<QList<Product>, qint64>> listFromMysql(const CatalogueRequests::ProductQuery &query);
    Result<Product> getFromMysql(qint64 id);
    // Fills in the live stock; drops nothing.
    Status withLiveStock(QList<Product> &products);
    Result<QHash<qint64, qint64>> liveStock(const QList<qint64> &ids);
    void changed();

    Database &m_database;
    ProductRepository m_products;
    ProductSearch m_search;
    CategoryRepository m_categories;
    ImageRepository m_images;
    SalesRepository m_sales;
    StockLedgerRepository m_stockLedger;
    AuditRepository m_audit;
    ReadThroughCache *m_cache;
    RankingBoard *m_rankings;
    StockMirror *m_stock;
};

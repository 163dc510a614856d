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
#include "StockTemplate.h"

#include <QtCore/QJsonArray>

#include <functional>

// The catalogue, with Redis in front when there is one. Cached: products as they are
// described (name, price, SKU, description, category, pictures), and which products a
// list answer holds with its exact total, per distinct query. Stock is live on every
// answer: from the StockMirror, which every committed stock change clears before its
// answer goes out, or by primary key from MySQL without one, so the stock a shopper
// sees is exact at read time (DESIGN.md: Redis is never the only copy of what is paid
// for; the mirror is refilled from MySQL).
// Top products come from the Redis rankings, or from MySQL's aggregate without them.
//
// A cached answer is kept as the bytes it is sent as (StockTemplate: the answer less its
// stocks, and where each goes); a hit is one script that returns those bytes and the
// mirrored stocks, and the stocks are written into the bytes: no JSON decoded or
// encoded per request.
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

    // The body of a list answer around its items and exact total (the route's page).
    using PageShape = std::function<QJsonObject(const QJsonArray &items, qint64 total)>;
    // A list answer's body, compact JSON: API.md's list items (no description, the main
    // picture only), each with its live stock, in `shape`.
    Result<QByteArray> list(const CatalogueRequests::ProductQuery &query, const PageShape &shape);
    // A product answer's body, compact JSON, with its live stock.
    Result<QByteArray> productAnswer(qint64 id);
    Result<Product> get(qint64 id);
    // Admin writes, each one transaction with its audit entry (by `adminId`); a stock
    // in an update is recorded in the stock ledger as an ADJUSTMENT of the difference.
    Result<Product> create(const RequestValidation::ProductDraft &draft, qint64 adminId);
    Result<Product> update(qint64 id, const RequestValidation::ProductDraft &draft, qint64 adminId);
    // Top products' `items`, compact JSON (API.md: rank, productId, name, price, live
    // stock, soldQuantity), best first.
    Result<QByteArray> topItems(int days, int limit);

private:
    using Build = std::function<Result<StockTemplate>()>;
    // The answer `build` makes, cached as `name` with live stock written in.
    Result<QByteArray> stockedAnswer(CacheMetrics::Cache kind, const QByteArray &name, const Build &build,
                                     ReadThroughCache::Depends depends = ReadThroughCache::Depends::Catalogue, int ttlMs = 0);
    Result<QList<SalesRepository::Ranked>> topFromSources(int days, int limit);
    Result<QPair<QList<Product>, qint64>> listFromMysql(const CatalogueRequests::ProductQuery &query);
    Result<Product> getFromMysql(qint64 id);
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

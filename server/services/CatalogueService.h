#pragma once

#include "ProductRepository.h"
#include "RankingBoard.h"
#include "RequestValidation.h"
#include "ReadThroughCache.h"
#include "SalesRepository.h"

// The catalogue, with Redis in front when there is one. Cached: a product's name and
// price, and which products a page holds with the exact total. Never cached: stock,
// read live from MySQL by primary key on every answer, so the stock a shopper sees is
// exact at read time (DESIGN.md: Redis is never the only copy of what is paid for).
// Top products come from the Redis rankings, or from MySQL's aggregate without them.
class CatalogueService
{
public:
    // cache, rankings: may be null (no Redis in front).
    CatalogueService(Database &database, ReadThroughCache *cache = nullptr, RankingBoard *rankings = nullptr)
        : m_products(database), m_sales(database), m_cache(cache), m_rankings(rankings)
    {
    }

    Result<QPair<QList<Product>, qint64>> page(const RequestValidation::PageRequest &page);
    Result<Product> get(qint64 id);
    Result<Product> create(const RequestValidation::ProductDraft &draft);
    Result<Product> update(qint64 id, const RequestValidation::ProductDraft &draft);
    Result<QList<SalesRepository::Ranked>> top(int days, int limit);

private:
    // Fills in the live stock; drops nothing.
    Status withLiveStock(QList<Product> &products);

    ProductRepository m_products;
    SalesRepository m_sales;
    ReadThroughCache *m_cache;
    RankingBoard *m_rankings;
};

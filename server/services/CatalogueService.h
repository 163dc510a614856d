#pragma once

#include "CatalogueRequests.h"
#include "CategoryRepository.h"
#include "ImageRepository.h"
#include "ProductRepository.h"
#include "ProductSearch.h"
#include "RankingBoard.h"
#include "RequestValidation.h"
#include "ReadThroughCache.h"
#include "SalesRepository.h"

// The catalogue, with Redis in front when there is one. Cached: products as they are
// described (name, price, SKU, description, category, pictures), and which products a
// list answer holds with its exact total, per distinct query. Never cached: stock,
// read live from MySQL by primary key on every answer, so the stock a shopper sees is
// exact at read time (DESIGN.md: Redis is never the only copy of what is paid for).
// Top products come from the Redis rankings, or from MySQL's aggregate without them.
class CatalogueService
{
public:
    // cache, rankings: may be null (no Redis in front).
    CatalogueService(Database &database, ReadThroughCache *cache = nullptr, RankingBoard *rankings = nullptr)
        : m_products(database), m_search(database), m_categories(database), m_images(database), m_sales(database),
          m_cache(cache), m_rankings(rankings)
    {
    }

    // List items: no description, the main picture only.
    Result<QPair<QList<Product>, qint64>> list(const CatalogueRequests::ProductQuery &query);
    Result<Product> get(qint64 id);
    Result<Product> create(const RequestValidation::ProductDraft &draft);
    Result<Product> update(qint64 id, const RequestValidation::ProductDraft &draft);
    Result<QList<SalesRepository::Ranked>> top(int days, int limit);

private:
    Result<QPair<QList<Product>, qint64>> listFromMysql(const CatalogueRequests::ProductQuery &query);
    Result<Product> getFromMysql(qint64 id);
    // Fills in the live stock; drops nothing.
    Status withLiveStock(QList<Product> &products);
    void changed();

    ProductRepository m_products;
    ProductSearch m_search;
    CategoryRepository m_categories;
    ImageRepository m_images;
    SalesRepository m_sales;
    ReadThroughCache *m_cache;
    RankingBoard *m_rankings;
};

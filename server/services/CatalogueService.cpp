#include "CatalogueService.h"

#include "Database.h"

#include "IsoTime.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

namespace {
ProductRepository::Fields fields(const RequestValidation::ProductDraft &draft)
{
    return ProductRepository::Fields { draft.name, draft.price, draft.stock, draft.sku, draft.description, draft.categoryId };
}

ProductSearch::Order orderOf(CatalogueRequests::Sort sort)
{
    using S = CatalogueRequests::Sort;
    using O = ProductSearch::Order;
    switch (sort) {
    case S::Relevance:
        return O::Relevance;
    case S::Price:
        return O::Price;
    case S::PriceDescending:
        return O::PriceDescending;
    case S::Newest:
        return O::Newest;
    case S::Popular:
        return O::Popular;
    case S::Id:
        break;
    }
    return O::Id;
}

// The window `popular` counts: 3 days of whole hours, as top products count them.
constexpr int kPopularDays = 3;

QList<qint64> idsOf(const QList<Product> &products)
{
    QList<qint64> ids;
    for (const Product &p : products)
        ids << p.id;
    return ids;
}
}

void CatalogueService::changed()
{
    if (m_cache)
        m_cache->invalidateAll();
}

Result<QHash<qint64, qint64>> CatalogueService::liveStock(const QList<qint64> &ids)
{
    const auto fromMysql = [this](const QList<qint64> &missing) { return m_products.stocks(missing); };
    return m_stock ? m_stock->stocks(ids, fromMysql) : fromMysql(ids);
}

Result<QPair<QList<Product>, qint64>> CatalogueService::listFromMysql(const CatalogueRequests::ProductQuery &query)
{
    ProductSearch::Filter filter;
    if (query.searching && query.words.isEmpty())
        return qMakePair(QList<Product>(), qint64(0)); // nothing a shopper typed is a word
    filter.searching = query.searching;
    filter.words = query.words;
    if (query.categoryId > 0) {
        const Result<CategoryRepository::Row> category = m_categories.get(query.categoryId);
        if (!category && category.failure().code == ErrorCode::NotFound)
            return Failure::validation(QStringLiteral("categoryId"), QStringLiteral("there is no category %1").arg(query.categoryId));
        if (!category)
            return category.failure();
        filter.categoryPath = category->path;
    }
    filter.minPrice = query.minPrice;
    filter.maxPrice = query.maxPrice;
    filter.inStock = query.inStock;
    filter.order = orderOf(query.sort);
    filter.soldSince = IsoTime::startOfHour(QDateTime::currentDateTimeUtc().addDays(-kPopularDays));
    filter.limit = query.page.size;
    filter.offset = query.page.offset();
    const Result<ProductSearch::Found> found = m_search.find(filter);
    if (!found)
        return found.failure();
    QList<Product> products = found->products;
    const auto images = m_images.forProducts(idsOf(products));
    if (!images)
        return images.failure();
    for (Product &p : products) {
        const QList<ProductImage> pictures = images->value(p.id);
        if (!pictures.isEmpty())
            p.images = { pictures.first() };
    }
    return qMakePair(products, found->total);
}

Result<QByteArray> CatalogueService::stockedAnswer(CacheMetrics::Cache kind, const QByteArray &name, const Build &build,
                                                   ReadThroughCache::Depends depends, int ttlMs)
{
    if (!m_cache) {
        // Without Redis the answer is read from MySQL now, stocks included.
        const Result<StockTemplate> built = build();
        if (!built)
            return built.failure();
        return built->render(built->storedStocks());
    }
    const auto load = [&]() -> Result<QByteArray> {
        const Result<StockTemplate> built = build();
        if (!built)
            return built.failure();
        return built->serialise();
    };
    Result<ReadThroughCache::Stocked> entry =
            m_cache->getWithStock(kind, name, load, depends, m_stock ? m_stock->prefix() : QByteArray(), ttlMs);
    if (!entry)
        return entry.failure();
    std::optional<StockTemplate> answer = StockTemplate::parse(entry->value);
    bool mirrored = entry->mirrored && m_stock;
    if (!answer) {
        // Not an entry this version wrote: answered from MySQL, left to its TTL.
        const Result<StockTemplate> built = build();
        if (!built)
            return built.failure();
        answer = built.value();
        mirrored = false;
    }
    const QList<qint64> &ids = answer->productIds();
    const auto fromMysql = [this](const QList<qint64> &missing) { return m_products.stocks(missing); };
    const Result<QHash<qint64, qint64>> live =
            mirrored ? m_stock->stocks(ids, entry->stockGeneration, entry->stocks, fromMysql) : liveStock(ids);
    if (!live)
        return live.failure();
    QList<qint64> stocks;
    stocks.reserve(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i)
        stocks << live->value(ids.at(i), answer->storedStocks().at(i));
    return answer->render(stocks);
}

namespace {
Result<StockTemplate> stockTemplate(const QJsonDocument &json, const QList<qint64> &ids)
{
    std::optional<StockTemplate> t = StockTemplate::fromJson(json.toJson(QJsonDocument::Compact), ids);
    if (!t)
        return Failure { ErrorCode::Internal, QStringLiteral("an answer's stocks do not match its products"), {} };
    return *t;
}
}

Result<QByteArray> CatalogueService::list(const CatalogueRequests::ProductQuery &query, const PageShape &shape)
{
    // One entry per distinct query, named by its digest: keys stay short whatever q is.
    // A list filtered by stock holds the products in stock when it was read: it is
    // also named by the in-stock generation, which a sale of the last unit or a
    // delivery to an empty shelf moves at once (ReadThroughCache::inStockChanged).
    const QByteArray name = "list:" + QCryptographicHash::hash(query.canonical().toUtf8(), QCryptographicHash::Sha1).toHex();
    const auto depends = query.inStock ? ReadThroughCache::Depends::InStock : ReadThroughCache::Depends::Catalogue;
    return stockedAnswer(
            CacheMetrics::Cache::Page, name,
            [&]() -> Result<StockTemplate> {
                const auto found = listFromMysql(query);
                if (!found)
                    return found.failure();
                QJsonArray items;
                for (const Product &p : found->first) {
                    QJsonObject item = p.toJson();
                    item.remove(QStringLiteral("description"));
                    items.append(item);
                }
                return stockTemplate(QJsonDocument(shape(items, found->second)), idsOf(found->first));
            },
            depends);
}

Result<QByteArray> CatalogueService::productAnswer(qint64 id)
{
    return stockedAnswer(CacheMetrics::Cache::Product, "product:" + QByteArray::number(id), [&]() -> Result<StockTemplate> {
        const Result<Product> found = getFromMysql(id);
        if (!found)
            return found.failure();
        return stockTemplate(QJsonDocument(found->toJson()), { id });
    });
}

Result<Product> CatalogueService::getFromMysql(qint64 id)
{
    Result<Product> product = m_products.get(id);
    if (!product)
        return product;
    const auto images = m_images.forProducts({ id });
    if (!images)
        return images.failure();
    Product p = product.value();
    p.images = images->value(id);
    return p;
}

Result<Product> CatalogueService::get(qint64 id)
{
    if (!m_cache)
        return getFromMysql(id);
    const Result<QByteArray> answer = productAnswer(id);
    if (!answer)
        return answer.failure();
    return Product::fromJson(QJsonDocument::fromJson(answer.value()).object());
}

Result<Product> CatalogueService::create(const RequestValidation::ProductDraft &draft, qint64 adminId)
{
    Result<Product> created = m_database.transaction<Product>([&]() -> Result<Product> {
        Result<Product> product = m_products.create(fields(draft));
        if (!product)
            return product;
        if (Status audited = m_audit.record(adminId, QStringLiteral("product.create"), QStringLiteral("product"), product->id,
                                            {}, product->toJson());
            !audited)
            return audited.failure();
        return product;
    });
    if (created)
        changed();
    return created;
}

Result<Product> CatalogueService::update(qint64 id, const RequestValidation::ProductDraft &draft, qint64 adminId)
{
    const Result<Product> updated = m_database.transaction<Product>([&]() -> Result<Product> {
        // The row locked first, so the stock difference is against what this update replaces.
        const Result<qint64> stockBefore = m_products.lockStock(id);
        if (!stockBefore)
            return stockBefore.failure();
        const Result<Product> before = m_products.get(id);
        if (!before)
            return before;
        Result<Product> after = m_products.update(id, fields(draft));
        if (!after)
            return after;
        if (draft.stock && *draft.stock != stockBefore.value()) {
            if (Status ledger = m_stockLedger.record({ { id, *draft.stock - stockBefore.value(), QStringLiteral("ADJUSTMENT"), 0,
                                                         QStringLiteral("stock set to %1").arg(*draft.stock), adminId } });
                !ledger)
                return ledger.failure();
        }
        if (Status audited = m_audit.record(adminId, QStringLiteral("product.update"), QStringLiteral("product"), id,
                                            before->toJson(), after->toJson());
            !audited)
            return audited.failure();
        return after;
    });
    if (!updated)
        return updated;
    changed();
    return getFromMysql(id);
}

Result<QList<SalesRepository::Ranked>> CatalogueService::topFromSources(int days, int limit)
{
    if (!m_rankings)
        return m_sales.top(days, limit);
    // Summed now when the answer is cached here (for as long as the rankings would have
    // kept theirs), so an answer is never older than that.
    const auto ranked = m_rankings->top(
            days, limit,
            [this](int window) -> std::optional<QList<HourlySales>> {
                const Result<QList<HourlySales>> rows = m_sales.hourly(window);
                return rows ? std::optional<QList<HourlySales>>(rows.value()) : std::nullopt;
            },
            m_cache == nullptr);
    if (!ranked)
        return m_sales.top(days, limit);
    QList<qint64> ids;
    for (const RankingBoard::Entry &e : *ranked)
        ids << e.productId;
    const Result<QHash<qint64, Product>> described = m_products.getMany(ids);
    if (!described)
        return described.failure();
    QList<SalesRepository::Ranked> out;
    for (const RankingBoard::Entry &e : *ranked)
        if (described->contains(e.productId))
            out.append(SalesRepository::Ranked { described->value(e.productId), e.units });
    return out;
}

Result<QByteArray> CatalogueService::topItems(int days, int limit)
{
    // One entry per window and length, cached as long as the rankings cache their
    // answer; its stocks are live like a page's.
    const QByteArray name = "top:" + QByteArray::number(days) + ':' + QByteArray::number(limit);
    return stockedAnswer(
            CacheMetrics::Cache::Page, name,
            [&]() -> Result<StockTemplate> {
                const Result<QList<SalesRepository::Ranked>> ranked = topFromSources(days, limit);
                if (!ranked)
                    return ranked.failure();
                QJsonArray items;
                QList<qint64> ids;
                int rank = 0;
                for (const SalesRepository::Ranked &r : ranked.value()) {
                    items.append(QJsonObject { { QStringLiteral("rank"), ++rank },
                                               { QStringLiteral("productId"), r.product.id },
                                               { QStringLiteral("name"), r.product.name },
                                               { QStringLiteral("price"), r.product.price },
                                               { QStringLiteral("stock"), r.product.stock },
                                               { QStringLiteral("soldQuantity"), r.sold } });
                    ids << r.product.id;
                }
                return stockTemplate(QJsonDocument(items), ids);
            },
            ReadThroughCache::Depends::Catalogue, RankingBoard::kAnswerCacheMs);
}

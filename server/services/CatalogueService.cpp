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

Status CatalogueService::withLiveStock(QList<Product> &products)
{
    const Result<QHash<qint64, qint64>> stock = liveStock(idsOf(products));
    if (!stock)
        return stock.failure();
    for (Product &p : products)
        p.stock = stock->value(p.id, p.stock);
    return Done {};
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

Result<QPair<QJsonArray, qint64>> CatalogueService::list(const CatalogueRequests::ProductQuery &query)
{
    const auto listItems = [](const QList<Product> &products) {
        QJsonArray items;
        for (const Product &p : products) {
            QJsonObject item = p.toJson();
            item.remove(QStringLiteral("description"));
            items.append(item);
        }
        return items;
    };
    if (!m_cache) {
        const auto found = listFromMysql(query);
        if (!found)
            return found.failure();
        QList<Product> products = found->first;
        if (Status live = withLiveStock(products); !live)
            return live.failure();
        return qMakePair(listItems(products), found->second);
    }
    // One entry per distinct query, named by its digest: keys stay short whatever q is.
    // A list filtered by stock holds the products in stock when it was read: it is
    // also named by the in-stock generation, which a sale of the last unit or a
    // delivery to an empty shelf moves at once (ReadThroughCache::inStockChanged).
    const QByteArray name = "list:" + QCryptographicHash::hash(query.canonical().toUtf8(), QCryptographicHash::Sha1).toHex();
    const auto depends = query.inStock ? ReadThroughCache::Depends::InStock : ReadThroughCache::Depends::Catalogue;
    const Result<QByteArray> cached = m_cache->get(
            CacheMetrics::Cache::Page, name,
            [&]() -> Result<QByteArray> {
                const auto found = listFromMysql(query);
                if (!found)
                    return found.failure();
                return QJsonDocument(QJsonObject { { QStringLiteral("total"), found->second },
                                                   { QStringLiteral("items"), listItems(found->first) } })
                        .toJson(QJsonDocument::Compact);
            },
            depends);
    if (!cached)
        return cached.failure();
    const QJsonObject json = QJsonDocument::fromJson(cached.value()).object();
    QJsonArray items = json.value(QStringLiteral("items")).toArray();
    QList<qint64> ids;
    for (const QJsonValue &item : items)
        ids << item.toObject().value(QStringLiteral("id")).toInteger();
    const Result<QHash<qint64, qint64>> stock = liveStock(ids);
    if (!stock)
        return stock.failure();
    for (qsizetype i = 0; i < items.size(); ++i) {
        QJsonObject item = items.at(i).toObject();
        item.insert(QStringLiteral("stock"), stock->value(ids.at(i), item.value(QStringLiteral("stock")).toInteger()));
        items.replace(i, item);
    }
    return qMakePair(items, json.value(QStringLiteral("total")).toInteger());
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
    const Result<QByteArray> cached =
            m_cache->get(CacheMetrics::Cache::Product, "product:" + QByteArray::number(id), [&]() -> Result<QByteArray> {
                const Result<Product> found = getFromMysql(id);
                if (!found)
                    return found.failure();
                return QJsonDocument(found->toJson()).toJson(QJsonDocument::Compact);
            });
    if (!cached)
        return cached.failure();
    QList<Product> one { Product::fromJson(QJsonDocument::fromJson(cached.value()).object()) };
    if (Status live = withLiveStock(one); !live)
        return live.failure();
    return one.first();
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

Result<QList<SalesRepository::Ranked>> CatalogueService::top(int days, int limit)
{
    if (!m_rankings)
        return m_sales.top(days, limit);
    const auto ranked = m_rankings->top(days, limit, [this](int window) -> std::optional<QList<HourlySales>> {
        const Result<QList<HourlySales>> rows = m_sales.hourly(window);
        return rows ? std::optional<QList<HourlySales>>(rows.value()) : std::nullopt;
    });
    if (!ranked)
        return m_sales.top(days, limit);
    QList<qint64> ids;
    QByteArray name = "top:";
    for (const RankingBoard::Entry &e : *ranked) {
        ids << e.productId;
        name += QByteArray::number(e.productId) + ',';
    }
    // The ranked products as described (cached like a list page, by which products they
    // are), then their live stock: no MySQL read while the rankings stand.
    const auto described = [&]() -> Result<QHash<qint64, Product>> {
        if (!m_cache)
            return m_products.getMany(ids);
        const Result<QByteArray> cached = m_cache->get(CacheMetrics::Cache::Page, name, [&]() -> Result<QByteArray> {
            const Result<QHash<qint64, Product>> found = m_products.getMany(ids);
            if (!found)
                return found.failure();
            QJsonArray items;
            for (const Product &p : found.value())
                items.append(p.toJson());
            return QJsonDocument(items).toJson(QJsonDocument::Compact);
        });
        if (!cached)
            return cached.failure();
        QList<Product> products;
        for (const QJsonValue &item : QJsonDocument::fromJson(cached.value()).array())
            products.append(Product::fromJson(item.toObject()));
        if (Status live = withLiveStock(products); !live)
            return live.failure();
        QHash<qint64, Product> byId;
        for (const Product &p : products)
            byId.insert(p.id, p);
        return byId;
    }();
    if (!described)
        return described.failure();
    QList<SalesRepository::Ranked> out;
    for (const RankingBoard::Entry &e : *ranked)
        if (described->contains(e.productId))
            out.append(SalesRepository::Ranked { described->value(e.productId), e.units });
    return out;
}

#include "CatalogueService.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>

namespace {
ProductRepository::Fields fields(const RequestValidation::ProductDraft &draft)
{
    return ProductRepository::Fields { draft.name, draft.price, draft.stock };
}

// Cached form of a product: everything but the stock.
QJsonObject described(const Product &p)
{
    return { { QStringLiteral("id"), p.id }, { QStringLiteral("name"), p.name }, { QStringLiteral("price"), p.price } };
}
}

Status CatalogueService::withLiveStock(QList<Product> &products)
{
    QList<qint64> ids;
    for (const Product &p : std::as_const(products))
        ids << p.id;
    const Result<QHash<qint64, qint64>> stock = m_products.stocks(ids);
    if (!stock)
        return stock.failure();
    for (Product &p : products)
        p.stock = stock->value(p.id, p.stock);
    return Done {};
}

Result<QPair<QList<Product>, qint64>> CatalogueService::page(const RequestValidation::PageRequest &page)
{
    if (!m_cache)
        return m_products.page(page.size, page.offset());
    const QByteArray name = "page:" + QByteArray::number(page.page) + ':' + QByteArray::number(page.size);
    const Result<QByteArray> cached = m_cache->get(CacheMetrics::Cache::Page, name, [&]() -> Result<QByteArray> {
        const auto found = m_products.page(page.size, page.offset());
        if (!found)
            return found.failure();
        QJsonArray items;
        for (const Product &p : found->first)
            items.append(described(p));
        return QJsonDocument(QJsonObject { { QStringLiteral("total"), found->second }, { QStringLiteral("items"), items } })
                .toJson(QJsonDocument::Compact);
    });
    if (!cached)
        return cached.failure();
    const QJsonObject json = QJsonDocument::fromJson(cached.value()).object();
    QList<Product> products;
    for (const QJsonValue &item : json.value(QStringLiteral("items")).toArray())
        products.append(Product::fromJson(item.toObject()));
    if (Status live = withLiveStock(products); !live)
        return live.failure();
    return qMakePair(products, json.value(QStringLiteral("total")).toInteger());
}

Result<Product> CatalogueService::get(qint64 id)
{
    if (!m_cache)
        return m_products.get(id);
    const Result<QByteArray> cached =
            m_cache->get(CacheMetrics::Cache::Product, "product:" + QByteArray::number(id), [&]() -> Result<QByteArray> {
                const Result<Product> found = m_products.get(id);
                if (!found)
                    return found.failure();
                return QJsonDocument(described(found.value())).toJson(QJsonDocument::Compact);
            });
    if (!cached)
        return cached.failure();
    QList<Product> one { Product::fromJson(QJsonDocument::fromJson(cached.value()).object()) };
    if (Status live = withLiveStock(one); !live)
        return live.failure();
    return one.first();
}

Result<Product> CatalogueService::create(const RequestValidation::ProductDraft &draft)
{
    Result<Product> created = m_products.create(fields(draft));
    if (created && m_cache)
        m_cache->invalidateAll();
    return created;
}

Result<Product> CatalogueService::update(qint64 id, const RequestValidation::ProductDraft &draft)
{
    Result<Product> updated = m_products.update(id, fields(draft));
    if (updated && m_cache)
        m_cache->invalidateAll();
    return updated;
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
    for (const RankingBoard::Entry &e : *ranked)
        ids << e.productId;
    const Result<QHash<qint64, Product>> products = m_products.getMany(ids);
    if (!products)
        return products.failure();
    QList<SalesRepository::Ranked> out;
    for (const RankingBoard::Entry &e : *ranked)
        out.append(SalesRepository::Ranked { products->value(e.productId), e.units });
    return out;
}

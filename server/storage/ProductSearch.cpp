#include "ProductSearch.h"

#include "Database.h"
#include "ProductRepository.h"
#include "SqlTime.h"

namespace {
// The list leaves the description out: '' in its place keeps fromRow's column order.
const QString kColumns = QStringLiteral("p.id, p.name, p.price, p.stock, p.sku, '', p.category_id, p.created_at");
const QString kMatch = QStringLiteral("MATCH (p.name, p.description, p.sku) AGAINST (? IN BOOLEAN MODE)");
// Every filter, always present; a NULL binding switches one off.
const QString kFilters = QStringLiteral(
        "(? IS NULL OR p.category_id IN (SELECT c.id FROM categories c WHERE c.path LIKE ?)) "
        "AND (? IS NULL OR p.price >= ?) AND (? IS NULL OR p.price <= ?) AND (? = 0 OR p.stock > 0)");
const QString kSearchWhere = QStringLiteral("MATCH (p.name, p.description, p.sku) AGAINST (? IN BOOLEAN MODE) AND ");
const QString kNoSearchWhere = QStringLiteral("");
const QString kScore = QStringLiteral("MATCH (p.name, p.description, p.sku) AGAINST (? IN BOOLEAN MODE) AS score");
const QString kNoScore = QStringLiteral("0 AS score");
// Units sold since the window's first hour, from the hourly aggregate (never orders).
const QString kSoldJoin = QStringLiteral(
        "LEFT JOIN (SELECT s.product_id, SUM(s.units) AS sold FROM product_sales_hourly s "
        "WHERE s.bucket_start >= ? GROUP BY s.product_id) sold ON sold.product_id = p.id");
const QString kNoSoldJoin = QStringLiteral("");
const QString kById = QStringLiteral("p.id");
const QString kByRelevance = QStringLiteral("score DESC, p.id");
const QString kByPrice = QStringLiteral("p.price, p.id");
const QString kByPriceDescending = QStringLiteral("p.price DESC, p.id");
const QString kByNewest = QStringLiteral("p.created_at DESC, p.id DESC");
const QString kByPopular = QStringLiteral("COALESCE(sold.sold, 0) DESC, p.id");

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}
QVariant nullableWon(const std::optional<qint64> &n)
{
    return n ? QVariant(*n) : QVariant(QMetaType(QMetaType::LongLong));
}
}

Result<ProductSearch::Found> ProductSearch::find(const Filter &filter)
{
    const bool searching = !filter.match.isEmpty();
    const bool popular = filter.order == Order::Popular;
    const bool byRelevance = filter.order == Order::Relevance && searching;
    const bool byPrice = filter.order == Order::Price;
    const bool byPriceDescending = filter.order == Order::PriceDescending;
    const bool byNewest = filter.order == Order::Newest;

    QVariantList filters { nullableText(filter.categoryPath), filter.categoryPath + QLatin1Char('%'),
                           nullableWon(filter.minPrice), nullableWon(filter.minPrice),
                           nullableWon(filter.maxPrice), nullableWon(filter.maxPrice), filter.inStock ? 1 : 0 };

    QVariantList countBindings;
    if (searching)
        countBindings << filter.match;
    countBindings << filters;
    const auto count = m_database.run(QStringLiteral("SELECT COUNT(*) FROM products p WHERE %1%2")
                                              .arg((searching ? kSearchWhere : kNoSearchWhere))
                                              .arg(kFilters),
                                      countBindings);
    if (!count)
        return count.failure();
    count.value()->next();
    Found found;
    found.total = count.value()->value(0).toLongLong();
    if (found.total <= filter.offset)
        return found;

    QVariantList bindings;
    if (searching)
        bindings << filter.match;
    if (popular)
        bindings << SqlTime::param(filter.soldSince);
    if (searching)
        bindings << filter.match;
    bindings << filters << filter.limit << filter.offset;
    const auto rows = m_database.run(
            QStringLiteral("SELECT %1, %2 FROM products p %3 WHERE %4%5 ORDER BY %6 LIMIT ? OFFSET ?")
                    .arg(kColumns)
                    .arg((searching ? kScore : kNoScore))
                    .arg((popular ? kSoldJoin : kNoSoldJoin))
                    .arg((searching ? kSearchWhere : kNoSearchWhere))
                    .arg(kFilters)
                    .arg((popular ? kByPopular : byRelevance ? kByRelevance : byPrice ? kByPrice : byPriceDescending ? kByPriceDescending : byNewest ? kByNewest : kById)),
            bindings);
    if (!rows)
        return rows.failure();
    while (rows.value()->next())
        found.products.append(ProductRepository::fromRow(rows.value()));
    return found;
}

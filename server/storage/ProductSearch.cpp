#include "ProductSearch.h"

#include "Database.h"
#include "ProductRepository.h"
#include "ProductSearchTerms.h"
#include "SqlTime.h"

namespace {
// The list leaves the description out: '' in its place keeps fromRow's column order.
const QString kColumns = QStringLiteral("p.id, p.name, p.price, p.stock, p.sku, '', p.category_id, p.created_at");
// Where the rows come from. Searching with bigrams: the products holding the probed
// bigrams (ProductSearchTerms::probes: one, or four each a primary-key lookup per
// candidate; the optimiser starts from the rarest), with their normalised text. A query
// of one-letter words has no bigram: its regular expression is checked on every product.
const QString kProducts = QStringLiteral("products p");
const QString kOneGramProducts = QStringLiteral(
        "product_search_grams g1 JOIN products p ON p.id = g1.product_id JOIN product_search s ON s.product_id = p.id");
const QString kGramProducts = QStringLiteral(
        "product_search_grams g1 "
        "JOIN product_search_grams g2 ON g2.product_id = g1.product_id AND g2.gram = ? "
        "JOIN product_search_grams g3 ON g3.product_id = g1.product_id AND g3.gram = ? "
        "JOIN product_search_grams g4 ON g4.product_id = g1.product_id AND g4.gram = ? "
        "JOIN products p ON p.id = g1.product_id JOIN product_search s ON s.product_id = p.id");
const QString kScannedProducts = QStringLiteral("products p JOIN product_search s ON s.product_id = p.id");
// The bigrams narrow; the words themselves are checked on the text unless the bigrams
// decide alone (ProductSearchTerms::exact: the first binding is 1).
const QString kGramWhere = QStringLiteral("g1.gram = ? AND (? = 1 OR s.body REGEXP ?) AND ");
const QString kScanWhere = QStringLiteral("s.body REGEXP ? AND ");
const QString kNoSearchWhere = QStringLiteral("");
// Every filter, always present; a NULL binding switches one off.
const QString kFilters = QStringLiteral(
        "(? IS NULL OR p.category_id IN (SELECT c.id FROM categories c WHERE c.path LIKE ?)) "
        "AND (? IS NULL OR p.price >= ?) AND (? IS NULL OR p.price <= ?) AND (? = 0 OR p.stock > 0)");
// Relevance, from the name alone: it begins with the first word (4), holds the words
// in a row (2), holds them all (1). A match in the description or a category only: 0.
const QString kScore = QStringLiteral(
        "(s.name_text REGEXP ?) * 4 + (s.name_text REGEXP ?) * 2 + (s.name_text REGEXP ?) AS score");
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
    const bool searching = filter.searching;
    const ProductSearchTerms terms(filter.words);
    const QStringList probes = terms.probes();
    const bool oneGram = searching && probes.size() == 1;
    const bool grams = searching && probes.size() > 1;
    const bool scan = searching && probes.isEmpty();
    const bool popular = filter.order == Order::Popular;
    const bool byRelevance = filter.order == Order::Relevance && searching;
    const bool byPrice = filter.order == Order::Price;
    const bool byPriceDescending = filter.order == Order::PriceDescending;
    const bool byNewest = filter.order == Order::Newest;

    // In the order the text has them: the joined bigrams (g2…), then g1 and the body.
    QVariantList joined;
    QVariantList where;
    for (qsizetype i = 1; i < probes.size(); ++i)
        joined << probes.at(i);
    if (!probes.isEmpty())
        where << probes.first() << (terms.exact() ? 1 : 0);
    if (searching)
        where << terms.bodyPattern();
    const QVariantList filters { nullableText(filter.categoryPath), filter.categoryPath + QLatin1Char('%'),
                                 nullableWon(filter.minPrice), nullableWon(filter.minPrice),
                                 nullableWon(filter.maxPrice), nullableWon(filter.maxPrice), filter.inStock ? 1 : 0 };

    QVariantList countBindings = joined;
    countBindings << where << filters;
    const auto count = m_database.run(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2%3")
                                              .arg((oneGram ? kOneGramProducts : grams ? kGramProducts : scan ? kScannedProducts : kProducts))
                                              .arg((oneGram || grams ? kGramWhere : scan ? kScanWhere : kNoSearchWhere))
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
    if (byRelevance)
        bindings << terms.namePrefixPattern() << terms.namePhrasePattern() << terms.nameAllPattern();
    bindings << joined;
    if (popular)
        bindings << SqlTime::param(filter.soldSince);
    bindings << where << filters << filter.limit << filter.offset;
    const auto rows = m_database.run(
            QStringLiteral("SELECT %1, %2 FROM %3 %4 WHERE %5%6 ORDER BY %7 LIMIT ? OFFSET ?")
                    .arg(kColumns)
                    .arg((byRelevance ? kScore : kNoScore))
                    .arg((oneGram ? kOneGramProducts : grams ? kGramProducts : scan ? kScannedProducts : kProducts))
                    .arg((popular ? kSoldJoin : kNoSoldJoin))
                    .arg((oneGram || grams ? kGramWhere : scan ? kScanWhere : kNoSearchWhere))
                    .arg(kFilters)
                    .arg((popular ? kByPopular : byRelevance ? kByRelevance : byPrice ? kByPrice : byPriceDescending ? kByPriceDescending : byNewest ? kByNewest : kById)),
            bindings);
    if (!rows)
        return rows.failure();
    while (rows.value()->next())
        found.products.append(ProductRepository::fromRow(rows.value()));
    return found;
}

#include "ProductSearchIndex.h"

#include "Database.h"

namespace {
// Runs of characters that are not a letter, digit, mark or '_' (what separates words
// for CatalogueRequests::searchWords too). Bound, so no backslash sits in SQL text.
const QString kGaps = QStringLiteral("[^\\p{L}\\p{N}\\p{M}_]+");

// The rows of product_search for the products a WHERE picks (`p`), as migration 0011
// writes them: name; '|' name '|' description '|' SKU '#' category names from the root.
const QString kRows = QStringLiteral(
        "SELECT p.id, LOWER(TRIM(REGEXP_REPLACE(p.name COLLATE utf8mb4_bin, ?, ' '))), "
        "CONCAT('|', LOWER(TRIM(REGEXP_REPLACE(p.name COLLATE utf8mb4_bin, ?, ' '))), "
        "'|', LOWER(TRIM(REGEXP_REPLACE(p.description COLLATE utf8mb4_bin, ?, ' '))), "
        "'|', LOWER(TRIM(REGEXP_REPLACE(COALESCE(p.sku, '') COLLATE utf8mb4_bin, ?, ' '))), "
        "'#', COALESCE((SELECT GROUP_CONCAT(LOWER(TRIM(REGEXP_REPLACE(a.name COLLATE utf8mb4_bin, ?, ' '))) "
        "ORDER BY LENGTH(a.path) SEPARATOR '|') FROM categories c JOIN categories a ON a.path = LEFT(c.path, LENGTH(a.path)) "
        "WHERE c.id = p.category_id), '')) FROM products p WHERE ");
const QString kProductIs = QStringLiteral("p.id = ?");
const QString kProductInCategory = QStringLiteral("p.category_id IN (SELECT k.id FROM categories k WHERE k.path LIKE ?)");
const QString kProductInRange = QStringLiteral("p.id BETWEEN ? AND ?");

// The same products as rows of product_search (`s`).
const QString kSearchIs = QStringLiteral("s.product_id = ?");
const QString kSearchInCategory = QStringLiteral(
        "s.product_id IN (SELECT p.id FROM products p WHERE p.category_id IN (SELECT k.id FROM categories k WHERE k.path LIKE ?))");
const QString kSearchInRange = QStringLiteral("s.product_id BETWEEN ? AND ?");
}

Status ProductSearchIndex::refreshProduct(qint64 productId)
{
    return refresh(Which::Product, { productId });
}

Status ProductSearchIndex::refreshCategory(const QString &path)
{
    // Paths hold only digits and '/', so the path is a plain LIKE prefix.
    return refresh(Which::Category, { path + QLatin1Char('%') });
}

Status ProductSearchIndex::refreshRange(qint64 first, qint64 last)
{
    return refresh(Which::Range, { first, last });
}

Status ProductSearchIndex::refresh(Which which, const QVariantList &key)
{
    const bool one = which == Which::Product;
    const bool category = which == Which::Category;

    QVariantList rowBindings { kGaps, kGaps, kGaps, kGaps, kGaps };
    rowBindings << key;
    const auto rows = m_database.run(QStringLiteral("REPLACE INTO product_search (product_id, name_text, body) %1%2").arg(kRows).arg((one ? kProductIs : category ? kProductInCategory : kProductInRange)),
                                     rowBindings);
    if (!rows)
        return rows.failure();
    // The longest body bounds the positions counted below (one row of the sequence each).
    const auto longest = m_database.run(
            QStringLiteral("SELECT COALESCE(MAX(CHAR_LENGTH(s.body)), 0) FROM product_search s WHERE %1").arg((one ? kSearchIs : category ? kSearchInCategory : kSearchInRange)), key);
    if (!longest)
        return longest.failure();
    longest.value()->next();
    const qint64 length = longest.value()->value(0).toLongLong();

    const auto gone = m_database.run(
            QStringLiteral("DELETE g FROM product_search_grams g JOIN product_search s ON s.product_id = g.product_id WHERE %1")
                    .arg((one ? kSearchIs : category ? kSearchInCategory : kSearchInRange)),
            key);
    if (!gone)
        return gone.failure();
    if (length < 2)
        return Done {};
    // Every two neighbouring characters of a field with its spaces removed: the
    // separators '|' and '#' end a field, so no bigram spans two.
    QVariantList gramBindings { length };
    gramBindings << key;
    const auto grams = m_database.run(
            QStringLiteral("INSERT IGNORE INTO product_search_grams (gram, product_id) "
                           "SELECT SUBSTRING(t.flat, n.i, 2), t.product_id "
                           "FROM (WITH RECURSIVE seq (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?) SELECT i FROM seq) n "
                           "JOIN (SELECT s.product_id, REPLACE(s.body, ' ', '') AS flat FROM product_search s WHERE %1) t "
                           "ON n.i < CHAR_LENGTH(t.flat) "
                           "WHERE LOCATE('|', SUBSTRING(t.flat, n.i, 2)) = 0 AND LOCATE('#', SUBSTRING(t.flat, n.i, 2)) = 0")
                    .arg((one ? kSearchIs : category ? kSearchInCategory : kSearchInRange)),
            gramBindings);
    if (!grams)
        return grams.failure();
    return Done {};
}

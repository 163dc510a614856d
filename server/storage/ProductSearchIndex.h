#pragma once

#include "Result.h"

#include <QtCore/QString>

class Database;

// Keeps the search index of migration 0011 (product_search, product_search_grams) in
// step with the products, inside the caller's transaction: a product created or
// changed, and every product under a category that was renamed or moved (its
// category names are part of what finds it). Statements only, set-based in MariaDB;
// the normalisation is the migration's, word for word.
class ProductSearchIndex
{
public:
    explicit ProductSearchIndex(Database &database) : m_database(database) { }

    Status refreshProduct(qint64 productId);
    // Every product in the category at `path` ("/3/17/") or under it.
    Status refreshCategory(const QString &path);
    // Products with ids from `first` to `last` (the seeder's plain products).
    Status refreshRange(qint64 first, qint64 last);

private:
    enum class Which { Product, Category, Range };
    Status refresh(Which which, const QVariantList &key);

    Database &m_database;
};

#pragma once

#include "Result.h"
#include "ShopTypes.h"

#include <QtCore/QHash>

#include <optional>

class Database;
class QSqlQuery;

class ProductRepository
{
public:
    explicit ProductRepository(Database &database) : m_database(database) { }

    // What create() writes (every field) or update() changes (the fields given).
    struct Fields {
        std::optional<QString> name;
        std::optional<qint64> price;
        std::optional<qint64> stock;
        std::optional<QString> sku; // empty: none
        std::optional<QString> description;
        std::optional<qint64> categoryId; // 0: none
    };

    // Every column but the pictures (ImageRepository has those).
    Result<Product> get(qint64 id);
    Result<QHash<qint64, Product>> getMany(const QList<qint64> &ids);
    // Stock now, by product id: the one field the catalogue cache never keeps.
    Result<QHash<qint64, qint64>> stocks(const QList<qint64> &ids);
    // SKU_TAKEN for a SKU another product has; VALIDATION_FAILED for an unknown category.
    // Writes the product's INITIAL stock ledger row too (inside the caller's transaction).
    Result<Product> create(const Fields &draft);
    Result<Product> update(qint64 id, const Fields &draft);

    enum class Take { Taken, OutOfStock, PriceChanged };
    // Takes `quantity` if that much is in stock and the price is still `price`: one
    // conditional UPDATE, which is where concurrent buyers of one product queue.
    Result<Take> take(qint64 id, qint64 quantity, qint64 price);
    // Units coming back (a cancel, a refund with restock): always taken back, even past
    // ShopLimits::kMaxStock (the column is 64 bits; the ceiling bounds what an admin adds).
    Status giveBack(qint64 id, qint64 quantity);
    // The stock now, the row locked until the caller's transaction ends; NOT_FOUND.
    Result<qint64> lockStock(qint64 id);
    // Adds `delta` (negative: takes) unless the stock would go below 0 or a positive
    // delta would take it past `ceiling` (false either way, nothing changed).
    Result<bool> adjust(qint64 id, qint64 delta, qint64 ceiling);

    // A product row as the catalogue's SELECTs list it (kProductColumns' order).
    static Product fromRow(QSqlQuery *row, int first = 0);

private:
    Failure refusal(const Fields &draft, const Failure &failure) const;

    Database &m_database;
};

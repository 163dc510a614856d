#pragma once

#include "Result.h"
#include "ShopTypes.h"

#include <QtCore/QHash>

#include <optional>

class Database;

class ProductRepository
{
public:
    explicit ProductRepository(Database &database) : m_database(database) { }

    // What create() writes (every field) or update() changes (the fields given).
    struct Fields {
        std::optional<QString> name;
        std::optional<qint64> price;
        std::optional<qint64> stock;
    };

    // `limit` products by id after skipping `offset`, and how many there are in all.
    Result<QPair<QList<Product>, qint64>> page(int limit, int offset);
    Result<Product> get(qint64 id);
    Result<QHash<qint64, Product>> getMany(const QList<qint64> &ids);
    // Stock now, by product id: the one field the catalogue cache never keeps.
    Result<QHash<qint64, qint64>> stocks(const QList<qint64> &ids);
    Result<Product> create(const Fields &draft);
    Result<Product> update(qint64 id, const Fields &draft);

    enum class Take { Taken, OutOfStock, PriceChanged };
    // Takes `quantity` if that much is in stock and the price is still `price`: one
    // conditional UPDATE, which is where concurrent buyers of one product queue.
    Result<Take> take(qint64 id, qint64 quantity, qint64 price);
    Status giveBack(qint64 id, qint64 quantity);

private:
    Database &m_database;
};

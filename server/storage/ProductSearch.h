#pragma once

#include "Result.h"
#include "ShopTypes.h"

#include <QtCore/QStringList>

#include <optional>

class Database;

// The catalogue's list query: words matched through our own bigram index (migration
// 0011, ProductSearchTerms), a category subtree, a price range, in stock, and one of a
// few orders, with the exact total for the filter.
//
// The SQL text is one of a fixed few (no search, one bigram, four bigrams, one-letter
// words × order), never built from the values: a query's bigrams are one binding or
// ProductSearchTerms::kProbes, and every filter is always in the text as `(? IS NULL OR …)` and takes its value
// as a binding, so however shoppers combine filters, a connection prepares at most a
// score of texts (DESIGN.md: SQL text never depends on data).
class ProductSearch
{
public:
    enum class Order { Id, Relevance, Price, PriceDescending, Newest, Popular };
    struct Filter {
        // The shopper's words (CatalogueRequests::searchWords), each matched as
        // ProductSearchTerms says; `searching` false: no text search.
        bool searching = false;
        QStringList words;
        QString categoryPath; // "/3/17/": that category and everything under it; empty: all
        std::optional<qint64> minPrice;
        std::optional<qint64> maxPrice;
        bool inStock = false;
        Order order = Order::Id;
        QDateTime soldSince; // Popular: units sold in buckets from this hour on
        int limit = 20;
        int offset = 0;
    };
    struct Found {
        QList<Product> products; // without description (a list item leaves it out) nor pictures
        qint64 total = 0;
    };

    explicit ProductSearch(Database &database) : m_database(database) { }
    Result<Found> find(const Filter &filter);

private:
    Database &m_database;
};

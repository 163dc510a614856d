#pragma once

#include "RequestValidation.h"

#include <QtCore/QJsonObject>
#include <QtCore/QStringList>
#include <QtCore/QUrlQuery>

#include <optional>

// The catalogue's query strings and bodies (API.md "Products and the catalogue"),
// turned into checked values or the VALIDATION_FAILED naming the parameter. Pure.
namespace CatalogueRequests {

enum class Sort { Id, Relevance, Price, PriceDescending, Newest, Popular };

struct ProductQuery {
    RequestValidation::PageRequest page;
    // The search words of `q` (case-folded, operators and punctuation gone), empty
    // without `q`. `searching` tells "no q" from "a q with no word in it", which
    // matches nothing.
    bool searching = false;
    QStringList words;
    qint64 categoryId = 0; // 0: every category
    std::optional<qint64> minPrice;
    std::optional<qint64> maxPrice;
    bool inStock = false;
    Sort sort = Sort::Id;

    // InnoDB boolean mode: every word required, each as a prefix ("+이어* +프로*").
    QString booleanQuery() const;
    // One text per distinct query, for naming a cache entry.
    QString canonical() const;
};
Result<ProductQuery> productQuery(const QUrlQuery &query);

// The words a shopper's text searches for. Anything that is not a letter, a digit, a
// combining mark or '_' separates words, as InnoDB's full-text parser splits what it
// indexes: search operators (+ - * " ( ) ~ < > @) typed by a shopper are plain
// separators, never syntax. Case-folded, duplicates dropped, order kept.
QStringList searchWords(const QString &text);

struct CategoryDraft {
    std::optional<QString> name;
    std::optional<qint64> parentId; // given; 0: a root (JSON null)
};
// {"name", "parentId"?} when creating; any of them, at least one, when updating.
Result<CategoryDraft> category(const QJsonObject &body, bool create);
}

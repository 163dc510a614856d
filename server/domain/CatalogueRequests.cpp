#include "CatalogueRequests.h"

#include "ShopLimits.h"

#include <cmath>
#include <limits>

namespace {
Failure invalid(const QString &field, const QString &message)
{
    return Failure::validation(field, message);
}

// An optional whole number of won in the query string.
Result<std::optional<qint64>> won(const QUrlQuery &query, const QString &name)
{
    if (!query.hasQueryItem(name))
        return std::optional<qint64>();
    bool ok = false;
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    const qint64 n = text.toLongLong(&ok);
    if (!ok || n < 0 || n > ShopLimits::kMaxPrice || text.startsWith(QLatin1Char('+')))
        return invalid(name, QStringLiteral("%1 must be a whole number of won from 0 to 1,000,000,000").arg(name));
    return std::optional<qint64>(n);
}

bool wordCharacter(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    return c == U'_' || QChar::isLetterOrNumber(c) || category == QChar::Mark_NonSpacing
            || category == QChar::Mark_SpacingCombining || category == QChar::Mark_Enclosing;
}

const struct {
    const char *name;
    CatalogueRequests::Sort sort;
} kSorts[] = {
    { "id", CatalogueRequests::Sort::Id },         { "relevance", CatalogueRequests::Sort::Relevance },
    { "price", CatalogueRequests::Sort::Price },   { "-price", CatalogueRequests::Sort::PriceDescending },
    { "newest", CatalogueRequests::Sort::Newest }, { "popular", CatalogueRequests::Sort::Popular },
};
}

QStringList CatalogueRequests::searchWords(const QString &text)
{
    QStringList words;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty() && !words.contains(word))
            words << word;
        word.clear();
    };
    for (const char32_t c : text.toCaseFolded().toUcs4()) {
        if (wordCharacter(c))
            word += QString::fromUcs4(&c, 1);
        else
            flush();
    }
    flush();
    return words;
}

QString CatalogueRequests::ProductQuery::booleanQuery() const
{
    QStringList terms;
    for (const QString &w : words)
        terms << QLatin1Char('+') + w + QLatin1Char('*');
    return terms.join(QLatin1Char(' '));
}

QString CatalogueRequests::ProductQuery::canonical() const
{
    QString sortName;
    for (const auto &s : kSorts) {
        if (s.sort == sort)
            sortName = QLatin1String(s.name);
    }
    return QStringLiteral("p=%1&s=%2&q=%3:%4&c=%5&min=%6&max=%7&in=%8&o=%9")
            .arg(page.page)
            .arg(page.size)
            .arg(searching ? 1 : 0)
            .arg(words.join(QLatin1Char(' ')))
            .arg(categoryId)
            .arg(minPrice ? QString::number(*minPrice) : QString())
            .arg(maxPrice ? QString::number(*maxPrice) : QString())
            .arg(inStock ? 1 : 0)
            .arg(sortName);
}

Result<CatalogueRequests::ProductQuery> CatalogueRequests::productQuery(const QUrlQuery &query)
{
    ProductQuery out;
    const auto page = RequestValidation::page(query);
    if (!page)
        return page.failure();
    out.page = page.value();

    if (query.hasQueryItem(QStringLiteral("q"))) {
        const QString q = query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
        if (q.isEmpty() || q.size() > ShopLimits::kMaxQueryLength)
            return invalid(QStringLiteral("q"), QStringLiteral("q must be 1 to 100 characters"));
        out.searching = true;
        out.words = searchWords(q);
    }
    if (query.hasQueryItem(QStringLiteral("categoryId"))) {
        const auto id = RequestValidation::id(query.queryItemValue(QStringLiteral("categoryId")), QStringLiteral("categoryId"));
        if (!id)
            return id.failure();
        out.categoryId = id.value();
    }
    const auto minPrice = won(query, QStringLiteral("minPrice"));
    if (!minPrice)
        return minPrice.failure();
    const auto maxPrice = won(query, QStringLiteral("maxPrice"));
    if (!maxPrice)
        return maxPrice.failure();
    out.minPrice = minPrice.value();
    out.maxPrice = maxPrice.value();
    if (out.minPrice && out.maxPrice && *out.minPrice > *out.maxPrice)
        return invalid(QStringLiteral("minPrice"), QStringLiteral("minPrice must not be above maxPrice"));

    if (query.hasQueryItem(QStringLiteral("inStock"))) {
        const QString value = query.queryItemValue(QStringLiteral("inStock"));
        if (value != QLatin1String("true") && value != QLatin1String("false"))
            return invalid(QStringLiteral("inStock"), QStringLiteral("inStock must be true or false"));
        out.inStock = value == QLatin1String("true");
    }

    out.sort = out.searching ? Sort::Relevance : Sort::Id;
    if (query.hasQueryItem(QStringLiteral("sort"))) {
        const QString value = query.queryItemValue(QStringLiteral("sort"), QUrl::FullyDecoded);
        bool known = false;
        for (const auto &s : kSorts) {
            if (value == QLatin1String(s.name)) {
                out.sort = s.sort;
                known = true;
            }
        }
        if (!known)
            return invalid(QStringLiteral("sort"), QStringLiteral("sort must be one of id, relevance, price, -price, newest, popular"));
    }
    // Without words there is no relevance to order by: the order is by id then.
    if (out.sort == Sort::Relevance && out.words.isEmpty())
        out.sort = Sort::Id;
    return out;
}

Result<CatalogueRequests::CategoryDraft> CatalogueRequests::category(const QJsonObject &body, bool create)
{
    CategoryDraft draft;
    if (body.contains(QStringLiteral("name")) || create) {
        const QJsonValue name = body.value(QStringLiteral("name"));
        const QString trimmed = name.toString().trimmed();
        if (!name.isString() || trimmed.isEmpty() || trimmed.size() > ShopLimits::kMaxCategoryNameLength
            || trimmed.contains(QLatin1Char('/')))
            return invalid(QStringLiteral("name"), QStringLiteral("name must be 1 to 100 characters, without '/'"));
        draft.name = trimmed;
    }
    if (body.contains(QStringLiteral("parentId"))) {
        const QJsonValue parent = body.value(QStringLiteral("parentId"));
        const double d = parent.toDouble();
        const bool whole = parent.isDouble() && d == std::floor(d) && d >= 1 && d < double(std::numeric_limits<qint64>::max() / 2);
        if (!parent.isNull() && !whole)
            return invalid(QStringLiteral("parentId"), QStringLiteral("parentId must be a positive whole number (or null)"));
        draft.parentId = parent.isNull() ? 0 : qint64(d);
    }
    if (!draft.name && !draft.parentId)
        return invalid(QStringLiteral("name"), QStringLiteral("give name or parentId"));
    return draft;
}

#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

// What the catalogue's search binds for a shopper's words (CatalogueRequests::searchWords:
// case-folded, nothing but letters, digits, marks and '_'), against the normalised text
// migration 0011 and ProductSearchIndex keep per product. Pure: no SQL runs here.
//
// A word of two or more characters matches a stretch of one field of the product with
// its spaces ignored, so `무선이어폰` finds "무선 이어폰" and `어폰` finds "이어폰"; a word of one
// character matches the beginning of a word of the name, description or SKU (a single
// letter anywhere would match nearly everything). Every word must match.
class ProductSearchTerms
{
public:
    // How many bigrams the list query looks up in the index: a fixed number, so its SQL
    // text never depends on the query (the rest are checked by bodyPattern()).
    static constexpr int kProbes = 8;

    explicit ProductSearchTerms(const QStringList &words);

    // No word has two characters: the index cannot narrow, bodyPattern() alone decides.
    bool hasGrams() const { return !m_grams.isEmpty(); }
    // kProbes bigrams of the words, spread over them, the last repeated to fill.
    QStringList probes() const;
    // One REGEXP for product_search.body that holds when every word matches.
    QString bodyPattern() const;
    // Relevance, on the normalised name: it begins with the first word; it holds the
    // words one after another; it holds every word.
    QString namePrefixPattern() const;
    QString namePhrasePattern() const;
    QString nameAllPattern() const;

    // The text as the index keeps it: lower case (SQL's LOWER), spaces ignored.
    static QString normalisedWord(const QString &word);

private:
    QStringList m_words;
    QStringList m_grams; // distinct, in order of appearance
};

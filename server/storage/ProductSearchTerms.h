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
    // How many bigrams the list query looks up in the index: one (a query with one
    // bigram) or kProbes, the last repeated to fill, so its SQL text is one of two
    // whatever the query (bigrams left out are checked by bodyPattern()). Measured on
    // 10,000 products: each probe beyond the first is a primary-key lookup per candidate,
    // and eight of them made a common word's count 12-21 ms against 2.5 ms for one.
    static constexpr int kProbes = 4;

    explicit ProductSearchTerms(const QStringList &words);

    // No word has two characters: the index cannot narrow, bodyPattern() alone decides.
    bool hasGrams() const { return !m_grams.isEmpty(); }
    // The one bigram, or kProbes bigrams of the words spread over them (the first and
    // the last among them), the last repeated to fill.
    QStringList probes() const;
    // The probed bigrams decide alone: every word is two characters and each of their
    // bigrams is probed (a bigram of a field is exactly a two-character word in it).
    bool exact() const;
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

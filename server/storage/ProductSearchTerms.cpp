#include "ProductSearchTerms.h"

#include <algorithm>

namespace {
// A character as a PCRE escape: the words hold only letters, digits, marks and '_',
// but written this way no character of a shopper's text can ever be regex syntax.
QString escaped(char32_t c)
{
    return QStringLiteral("\\x{%1}").arg(uint(c), 0, 16);
}

// A word's characters with any spaces between them: the body keeps the spaces between
// a field's words, and a shopper may leave them out.
QString spaced(const QString &word)
{
    QString out;
    const QList<uint> characters = word.toUcs4();
    for (qsizetype i = 0; i < characters.size(); ++i) {
        if (i > 0)
            out += QStringLiteral(" ?");
        out += escaped(characters.at(i));
    }
    return out;
}

bool single(const QString &word)
{
    return word.toUcs4().size() == 1;
}
}

ProductSearchTerms::ProductSearchTerms(const QStringList &words)
{
    for (const QString &w : words) {
        const QString word = normalisedWord(w);
        if (word.isEmpty() || m_words.contains(word))
            continue;
        m_words << word;
        const QList<uint> characters = word.toUcs4();
        for (qsizetype i = 0; i + 1 < characters.size(); ++i) {
            const char32_t pair[2] = { characters.at(i), characters.at(i + 1) };
            const QString gram = QString::fromUcs4(pair, 2);
            if (!m_grams.contains(gram))
                m_grams << gram;
        }
    }
}

QString ProductSearchTerms::normalisedWord(const QString &word)
{
    return word.toLower();
}

QStringList ProductSearchTerms::probes() const
{
    const qsizetype n = m_grams.size();
    if (n <= 1)
        return m_grams;
    // Spread over the words: the first and last bigrams and evenly between.
    QStringList out;
    const qsizetype take = qMin<qsizetype>(n, kProbes);
    for (qsizetype i = 0; i < take; ++i)
        out << m_grams.at(i * (n - 1) / (take - 1));
    while (out.size() < kProbes)
        out << out.last();
    return out;
}

bool ProductSearchTerms::exact() const
{
    if (m_grams.isEmpty() || m_grams.size() > kProbes)
        return false;
    return std::all_of(m_words.cbegin(), m_words.cend(), [](const QString &word) { return word.toUcs4().size() == 2; });
}

QString ProductSearchTerms::bodyPattern() const
{
    // body = '|' name '|' description '|' sku '#' categories: a one-character word must
    // begin a word before the '#'; a longer one may be anywhere but within one field.
    QString pattern = QStringLiteral("^");
    for (const QString &word : m_words) {
        if (single(word))
            pattern += QStringLiteral("(?=[^#]*[| ]%1)").arg(spaced(word));
        else
            pattern += QStringLiteral("(?=.*%1)").arg(spaced(word));
    }
    return pattern;
}

QString ProductSearchTerms::namePrefixPattern() const
{
    return m_words.isEmpty() ? QStringLiteral("^$") : QStringLiteral("^") + spaced(m_words.first());
}

QString ProductSearchTerms::namePhrasePattern() const
{
    return m_words.isEmpty() ? QStringLiteral("^$") : spaced(m_words.join(QString()));
}

QString ProductSearchTerms::nameAllPattern() const
{
    QString pattern = QStringLiteral("^");
    for (const QString &word : m_words) {
        if (single(word))
            pattern += QStringLiteral("(?=(.* )?%1)").arg(spaced(word));
        else
            pattern += QStringLiteral("(?=.*%1)").arg(spaced(word));
    }
    return pattern;
}

#include "ProductSearchTerms.h"

#include <QtTest/QTest>

// What the catalogue's search binds for a shopper's words (issue 27): the bigrams it
// looks up (one, or ProductSearchTerms::kProbes) and the regular expressions the
// normalised text and name are checked with, each character a \x{…} escape.
class tst_SearchTerms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void probes_data();
    void probes();
    void patterns();
    void oneLetterWordsHaveNoGrams();
};

void tst_SearchTerms::probes_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("exact");
    QTest::newRow("one two-letter word: its bigram decides") << QStringList { "무선" } << QStringList { "무선" } << true;
    QTest::newRow("two two-letter words") << QStringList { "에코", "러닝" } << QStringList { "에코", "러닝", "러닝", "러닝" } << true;
    QTest::newRow("hangul run together") << QStringList { "무선이어폰" } << QStringList { "무선", "선이", "이어", "어폰" } << false;
    QTest::newRow("two words, no bigram across them") << QStringList { "ear", "pro" } << QStringList { "ea", "ar", "pr", "ro" }
                                                      << false;
    QTest::newRow("a repeated bigram once") << QStringList { "lala" } << QStringList { "la", "al", "al", "al" } << false;
    QTest::newRow("three letters, one bigram") << QStringList { "aaa" } << QStringList { "aa" } << false;
    QTest::newRow("upper case as the index keeps it") << QStringList { "LED" } << QStringList { "le", "ed", "ed", "ed" } << false;
    // Ten bigrams: four of them, the first and last among them, spread between.
    QTest::newRow("more than four") << QStringList { "abcdefghijk" } << QStringList { "ab", "de", "gh", "jk" } << false;
    // Five two-letter words: five bigrams, one of them not probed.
    QTest::newRow("more two-letter words than probes") << QStringList { "ab", "cd", "ef", "gh", "ij" }
                                                       << QStringList { "ab", "cd", "ef", "ij" } << false;
}

void tst_SearchTerms::probes()
{
    QFETCH(QStringList, words);
    QFETCH(QStringList, expected);
    QFETCH(bool, exact);
    const ProductSearchTerms terms(words);
    QVERIFY(terms.hasGrams());
    QCOMPARE(terms.probes(), expected);
    QCOMPARE(terms.exact(), exact);
}

void tst_SearchTerms::patterns()
{
    const ProductSearchTerms terms({ "무선", "a" });
    // 무 U+BB34, 선 U+C120: spaces allowed between; "a" begins a word before the categories.
    QCOMPARE(terms.bodyPattern(), QStringLiteral("^(?=.*\\x{bb34} ?\\x{c120})(?=[^#]*[| ]\\x{61})"));
    QCOMPARE(terms.namePrefixPattern(), QStringLiteral("^\\x{bb34} ?\\x{c120}"));
    QCOMPARE(terms.namePhrasePattern(), QStringLiteral("\\x{bb34} ?\\x{c120} ?\\x{61}"));
    QCOMPARE(terms.nameAllPattern(), QStringLiteral("^(?=.*\\x{bb34} ?\\x{c120})(?=(.* )?\\x{61})"));
    // What looks like regex syntax is a character like any other.
    QCOMPARE(ProductSearchTerms({ "a_b" }).bodyPattern(), QStringLiteral("^(?=.*\\x{61} ?\\x{5f} ?\\x{62})"));
}

void tst_SearchTerms::oneLetterWordsHaveNoGrams()
{
    const ProductSearchTerms terms({ "a", "폰" });
    QVERIFY(!terms.hasGrams());
    QCOMPARE(terms.probes(), QStringList {});
    QVERIFY(!terms.exact());
    QCOMPARE(terms.bodyPattern(), QStringLiteral("^(?=[^#]*[| ]\\x{61})(?=[^#]*[| ]\\x{d3f0})"));
}

QTEST_GUILESS_MAIN(tst_SearchTerms)
#include "tst_searchterms.moc"

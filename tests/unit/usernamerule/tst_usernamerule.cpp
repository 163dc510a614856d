#include "Translator.h"
#include "UsernameRule.h"

#include <QtTest/QTest>

// The username rule as the forms say it (issue 27 point 8): the exact characters the
// server takes (API.md: 3..32 of [A-Za-z0-9_.-]), in English and Korean, so "letters"
// no longer lets a person type Hangul and be refused.
class tst_UsernameRule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Translator::use(QStringLiteral("en")); }
    void said_data();
    void said();
    void judged_data();
    void judged();
};

void tst_UsernameRule::said_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("hint");
    QTest::addColumn<QString>("hangul");
    QTest::newRow("en") << "en" << QStringLiteral("3 to 32 characters: A\u2013Z, a\u2013z, 0\u20139 and _ . -")
                        << QStringLiteral("Only A\u2013Z, a\u2013z, 0\u20139 and _ . - (not \u201C\uBBFC\u201D).");
    QTest::newRow("ko") << "ko" << QStringLiteral("3~32자: 영문 A\u2013Z, a\u2013z, 숫자 0\u20139, _ . -")
                        << QStringLiteral("영문 A\u2013Z, a\u2013z, 숫자 0\u20139, _ . -만 쓸 수 있습니다(\u201C\uBBFC\u201D 불가).");
}

void tst_UsernameRule::said()
{
    QFETCH(QString, language);
    QFETCH(QString, hint);
    QFETCH(QString, hangul);
    Translator::use(language);
    QCOMPARE(UsernameRule::hint(), hint);
    QCOMPARE(UsernameRule::problem(QStringLiteral("\uBBFC\uC9C0"), false), hangul);
}

void tst_UsernameRule::judged_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<bool>("checkLength");
    QTest::addColumn<QString>("problem");
    QTest::newRow("every allowed kind") << "Az09_.-" << true << QString();
    QTest::newRow("32 characters") << QString(32, QLatin1Char('a')) << true << QString();
    QTest::newRow("33 characters") << QString(33, QLatin1Char('a')) << true
                                   << QStringLiteral("3 to 32 characters: A\u2013Z, a\u2013z, 0\u20139 and _ . - (this has 33).");
    QTest::newRow("2 characters, submitted") << "ab" << true
                                             << QStringLiteral("3 to 32 characters: A\u2013Z, a\u2013z, 0\u20139 and _ . - (this has 2).");
    QTest::newRow("2 characters, still typing") << "ab" << false << QString();
    QTest::newRow("a space") << "shop owner" << false << QStringLiteral("Only A\u2013Z, a\u2013z, 0\u20139 and _ . - (not \u201Cspace\u201D).");
    QTest::newRow("an accented Latin letter") << "jos\u00E9" << false
                                              << QStringLiteral("Only A\u2013Z, a\u2013z, 0\u20139 and _ . - (not \u201C\u00E9\u201D).");
}

void tst_UsernameRule::judged()
{
    QFETCH(QString, username);
    QFETCH(bool, checkLength);
    QFETCH(QString, problem);
    Translator::use(QStringLiteral("en"));
    QCOMPARE(UsernameRule::problem(username, checkLength), problem);
}

QTEST_GUILESS_MAIN(tst_UsernameRule)
#include "tst_usernamerule.moc"

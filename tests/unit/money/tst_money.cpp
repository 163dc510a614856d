#include "Money.h"
#include "NumberField.h"
#include "Translator.h"

#include <QtTest/QTest>
#include <QtWidgets/QLineEdit>

#include <limits>

// Won, counts and times as the window shows them, in both languages, and what an
// amount field accepts. (The discount the cart previews is shared/Pricing, the
// server's own rule, tested by tst_pricing.)
class tst_Money : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void format_data();
    void format();
    void count_data();
    void count();
    void dates_data();
    void dates();
    void typedAmount_data();
    void typedAmount();
    void unitBesideTheField();

private:
    static void speak(const QString &language) { QLocale::setDefault(Translator::localeOf(language)); }
};

void tst_Money::cleanup() { QLocale::setDefault(QLocale::c()); }

void tst_Money::format_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<qint64>("won");
    QTest::addColumn<QString>("text");
    const QString en = QStringLiteral("en");
    const QString ko = QStringLiteral("ko");
    QTest::newRow("en zero") << en << qint64(0) << QStringLiteral("\u20A90");
    QTest::newRow("en hundreds") << en << qint64(999) << QStringLiteral("\u20A9999");
    QTest::newRow("en thousands") << en << qint64(12300) << QStringLiteral("\u20A912,300");
    QTest::newRow("en exact group") << en << qint64(1000000) << QStringLiteral("\u20A91,000,000");
    QTest::newRow("en negative") << en << qint64(-500) << QStringLiteral("-\u20A9500");
    QTest::newRow("en negative thousands") << en << qint64(-1234567) << QStringLiteral("-\u20A91,234,567");
    QTest::newRow("en largest") << en << std::numeric_limits<qint64>::max()
                                << QStringLiteral("\u20A99,223,372,036,854,775,807");
    QTest::newRow("en smallest") << en << std::numeric_limits<qint64>::min()
                                 << QStringLiteral("-\u20A99,223,372,036,854,775,808");
    QTest::newRow("ko zero") << ko << qint64(0) << QStringLiteral("0\uC6D0");
    QTest::newRow("ko hundreds") << ko << qint64(999) << QStringLiteral("999\uC6D0");
    QTest::newRow("ko thousands") << ko << qint64(12300) << QStringLiteral("12,300\uC6D0");
    QTest::newRow("ko exact group") << ko << qint64(1000000) << QStringLiteral("1,000,000\uC6D0");
    QTest::newRow("ko negative") << ko << qint64(-500) << QStringLiteral("-500\uC6D0");
    QTest::newRow("ko negative thousands") << ko << qint64(-1234567) << QStringLiteral("-1,234,567\uC6D0");
    QTest::newRow("ko largest") << ko << std::numeric_limits<qint64>::max()
                                << QStringLiteral("9,223,372,036,854,775,807\uC6D0");
    QTest::newRow("ko smallest") << ko << std::numeric_limits<qint64>::min()
                                 << QStringLiteral("-9,223,372,036,854,775,808\uC6D0");
}

void tst_Money::format()
{
    QFETCH(QString, language);
    QFETCH(qint64, won);
    QFETCH(QString, text);
    speak(language);
    QCOMPARE(Money::format(won), text);
}

void tst_Money::count_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<qint64>("number");
    QTest::addColumn<QString>("text");
    for (const char *language : { "en", "ko" }) {
        const QString l = QLatin1String(language);
        QTest::addRow("%s one", language) << l << qint64(1) << QStringLiteral("1");
        QTest::addRow("%s stock", language) << l << qint64(999999999) << QStringLiteral("999,999,999");
        QTest::addRow("%s negative", language) << l << qint64(-1500) << QStringLiteral("-1,500");
    }
}

void tst_Money::count()
{
    QFETCH(QString, language);
    QFETCH(qint64, number);
    QFETCH(QString, text);
    speak(language);
    QCOMPARE(Money::count(number), text);
}

void tst_Money::dates_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QDateTime>("when");
    QTest::addColumn<QString>("dateTime");
    QTest::addColumn<QString>("withSeconds");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("month");
    const QDateTime afternoon(QDate(2026, 12, 6), QTime(15, 15, 7));
    const QDateTime morning(QDate(2027, 1, 9), QTime(9, 5));
    QTest::newRow("ko afternoon") << QStringLiteral("ko") << afternoon
                                  << QStringLiteral("2026. 12. 6. \uC624\uD6C4 3:15")
                                  << QStringLiteral("2026. 12. 6. \uC624\uD6C4 3:15:07")
                                  << QStringLiteral("2026. 12. 6.") << QStringLiteral("2026\uB144 12\uC6D4");
    QTest::newRow("ko morning") << QStringLiteral("ko") << morning << QStringLiteral("2027. 1. 9. \uC624\uC804 9:05")
                                << QStringLiteral("2027. 1. 9. \uC624\uC804 9:05:00") << QStringLiteral("2027. 1. 9.")
                                << QStringLiteral("2027\uB144 1\uC6D4");
    QTest::newRow("en afternoon") << QStringLiteral("en") << afternoon << QStringLiteral("12/6/2026 3:15 PM")
                                  << QStringLiteral("12/6/2026 3:15:07 PM") << QStringLiteral("12/6/2026")
                                  << QStringLiteral("Dec 2026");
    QTest::newRow("en morning") << QStringLiteral("en") << morning << QStringLiteral("1/9/2027 9:05 AM")
                                << QStringLiteral("1/9/2027 9:05:00 AM") << QStringLiteral("1/9/2027")
                                << QStringLiteral("Jan 2027");
}

void tst_Money::dates()
{
    QFETCH(QString, language);
    QFETCH(QDateTime, when);
    QFETCH(QString, dateTime);
    QFETCH(QString, withSeconds);
    QFETCH(QString, date);
    QFETCH(QString, month);
    speak(language);
    QCOMPARE(Money::dateTime(when), dateTime);
    QCOMPARE(Money::dateTime(when.toUTC()), dateTime); // the server's UTC, shown in local time
    QCOMPARE(Money::dateTime(when, true), withSeconds);
    QCOMPARE(Money::date(when.date()), date);
    QCOMPARE(Money::month(when.date()), month);
}

// An amount field (₩1 to ₩10,000,000) in either language: what a person types in
// Korea is accepted, what was refused before still is.
void tst_Money::typedAmount_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<qint64>("value"); // -1: refused
    for (const char *language : { "en", "ko" }) {
        const QString l = QLatin1String(language);
        QTest::addRow("%s plain", language) << l << QStringLiteral("12300") << qint64(12300);
        QTest::addRow("%s grouped", language) << l << QStringLiteral("12,300") << qint64(12300);
        QTest::addRow("%s won after", language) << l << QStringLiteral("12300\uC6D0") << qint64(12300);
        QTest::addRow("%s grouped won after", language) << l << QStringLiteral("12,300\uC6D0") << qint64(12300);
        QTest::addRow("%s won after a space", language) << l << QStringLiteral("12,300 \uC6D0") << qint64(12300);
        QTest::addRow("%s won sign", language) << l << QStringLiteral("\u20A912,300") << qint64(12300);
        QTest::addRow("%s spaces around", language) << l << QStringLiteral(" 50,000 ") << qint64(50000);
        QTest::addRow("%s the most", language) << l << QStringLiteral("10,000,000\uC6D0") << qint64(10000000);
        QTest::addRow("%s negative", language) << l << QStringLiteral("-500") << qint64(-1);
        QTest::addRow("%s negative won", language) << l << QStringLiteral("-500\uC6D0") << qint64(-1);
        QTest::addRow("%s zero", language) << l << QStringLiteral("0\uC6D0") << qint64(-1);
        QTest::addRow("%s over the most", language) << l << QStringLiteral("10,000,001") << qint64(-1);
        QTest::addRow("%s decimal", language) << l << QStringLiteral("12.5") << qint64(-1);
        QTest::addRow("%s words", language) << l << QStringLiteral("\uB9CC \uC6D0") << qint64(-1);
        QTest::addRow("%s won first", language) << l << QStringLiteral("\uC6D012300") << qint64(-1);
        QTest::addRow("%s won twice", language) << l << QStringLiteral("12300\uC6D0\uC6D0") << qint64(-1);
        QTest::addRow("%s only the unit", language) << l << QStringLiteral("\uC6D0") << qint64(-1);
        QTest::addRow("%s far too long", language) << l << QStringLiteral("1234567890123456") << qint64(-1);
        QTest::addRow("%s empty", language) << l << QString() << qint64(-1);
    }
}

void tst_Money::typedAmount()
{
    QFETCH(QString, language);
    QFETCH(QString, typed);
    QFETCH(qint64, value);
    speak(language);
    NumberField field(NumberField::Unit::Won, 1, 10000000);
    field.editor()->setText(typed);
    QCOMPARE(field.value().value_or(-1), value);
    QCOMPARE(field.problem().isEmpty(), value >= 0);
}

void tst_Money::unitBesideTheField()
{
    // "₩ [12,300]" in English, "[12,300] 원" in Korean: the unit where it is written.
    speak(QStringLiteral("en"));
    QCOMPARE(Money::unitBefore(), QStringLiteral("\u20A9"));
    QCOMPARE(Money::unitAfter(), QString());
    speak(QStringLiteral("ko"));
    QCOMPARE(Money::unitBefore(), QString());
    QCOMPARE(Money::unitAfter(), QStringLiteral("\uC6D0"));
    NumberField field(NumberField::Unit::Won, 1, 10000000);
    field.setValue(12300);
    QCOMPARE(field.editor()->text(), QStringLiteral("12,300"));
    QCOMPARE(
        field.rangeText(), QStringLiteral("1\uC6D0 to 10,000,000\uC6D0")); // no translator loaded: the source words
}

QTEST_MAIN(tst_Money)
#include "tst_money.moc"

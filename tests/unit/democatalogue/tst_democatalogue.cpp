#include "DemoCatalogue.h"

#include <QtCore/QSet>
#include <QtTest/QTest>

// The demo shop's words, as a shopper reads them in the app.
class tst_DemoCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void descriptionSaysTwoDifferentThings_data();
    void descriptionSaysTwoDifferentThings();
    void everyDescriptionHasTwoTraits();
};

void tst_DemoCatalogue::descriptionSaysTwoDifferentThings_data()
{
    QTest::addColumn<int>("index");
    // 0 and 7 gave "가볍고 튼튼합니다, 가볍고 튼튼합니다." before (the same trait twice).
    for (int index : { 0, 7, 14, 35, 42, 239, 9999 })
        QTest::newRow(qPrintable(QString::number(index))) << index;
}

void tst_DemoCatalogue::descriptionSaysTwoDifferentThings()
{
    QFETCH(int, index);
    const QString description = DemoCatalogue::item(index).description;
    // "<brand> <kind> <style>. <trait>. <trait>."
    const QStringList sentences = description.split(QStringLiteral(". "));
    QCOMPARE(sentences.size(), 3);
    QVERIFY2(sentences.at(2).endsWith(QLatin1Char('.')), qPrintable(description));
    QString last = sentences.at(2);
    last.chop(1);
    QVERIFY2(sentences.at(1) != last, qPrintable(description));
}

void tst_DemoCatalogue::everyDescriptionHasTwoTraits()
{
    // Every one of the 10,000 products of the load scenarios: different traits each time.
    for (int index = 0; index < 10000; ++index) {
        const QStringList sentences = DemoCatalogue::item(index).description.split(QStringLiteral(". "));
        QCOMPARE(sentences.size(), 3);
        QVERIFY2(sentences.at(1) + QLatin1Char('.') != sentences.at(2), qPrintable(QString::number(index)));
    }
}

QTEST_GUILESS_MAIN(tst_DemoCatalogue)
#include "tst_democatalogue.moc"

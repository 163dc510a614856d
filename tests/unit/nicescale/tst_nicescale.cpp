#include "NiceScale.h"

#include <QtTest/QTest>

// The dashboard's axes: round tops in round steps, whole numbers where counts are.
class tst_NiceScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scales_data();
    void scales();
};

void tst_NiceScale::scales_data()
{
    QTest::addColumn<double>("maximum");
    QTest::addColumn<bool>("whole");
    QTest::addColumn<double>("top");
    QTest::addColumn<double>("step");
    QTest::addColumn<int>("ticks");
    QTest::newRow("nothing") << 0.0 << true << 5.0 << 1.0 << 6;
    QTest::newRow("one order") << 1.1 << true << 2.0 << 1.0 << 3;
    QTest::newRow("two requests/s") << 2.4 << true << 3.0 << 1.0 << 4;
    QTest::newRow("won thousands") << 540.0 << true << 600.0 << 200.0 << 4;
    QTest::newRow("exactly round") << 50.0 << true << 50.0 << 10.0 << 6;
    QTest::newRow("small ms") << 0.33 << false << 0.4 << 0.1 << 5;
    // A fresh dashboard's latency axis: round steps, not quarters printed as "0.3".
    QTest::newRow("no latency yet") << 0.0 << false << 1.0 << 0.2 << 6;
}

void tst_NiceScale::scales()
{
    QFETCH(double, maximum);
    QFETCH(bool, whole);
    const NiceScale s = NiceScale::forMaximum(maximum, whole);
    QTEST(s.top, "top");
    QTEST(s.step, "step");
    QTEST(s.ticks, "ticks");
    QVERIFY(s.top >= maximum);
    if (whole)
        QCOMPARE(QString::fromLatin1(s.labelFormat()), QStringLiteral("%.0f"));
    // Every tick's label is exact in the format's decimals.
    for (int i = 0; i < s.ticks; ++i) {
        const QString label = QString::asprintf(s.labelFormat(), i * s.step);
        QVERIFY2(qAbs(label.toDouble() - i * s.step) < 1e-9, qPrintable(label));
    }
}

QTEST_APPLESS_MAIN(tst_NiceScale)
#include "tst_nicescale.moc"

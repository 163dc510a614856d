#include "Money.h"

#include <QtTest/QTest>

#include <limits>

// Won as the window shows them. (The discount the cart previews is shared/Pricing,
// the server's own rule, tested by tst_pricing.)
class tst_Money : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void format_data();
    void format();
};

void tst_Money::format_data()
{
    QTest::addColumn<qint64>("won");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("\u20A90");
    QTest::newRow("hundreds") << qint64(999) << QStringLiteral("\u20A9999");
    QTest::newRow("thousands") << qint64(12300) << QStringLiteral("\u20A912,300");
    QTest::newRow("exact group") << qint64(1000000) << QStringLiteral("\u20A91,000,000");
    QTest::newRow("negative") << qint64(-500) << QStringLiteral("-\u20A9500");
    QTest::newRow("negative thousands") << qint64(-1234567) << QStringLiteral("-\u20A91,234,567");
    QTest::newRow("largest") << std::numeric_limits<qint64>::max() << QStringLiteral("\u20A99,223,372,036,854,775,807");
    QTest::newRow("smallest") << std::numeric_limits<qint64>::min() << QStringLiteral("-\u20A99,223,372,036,854,775,808");
}

void tst_Money::format()
{
    QFETCH(qint64, won);
    QFETCH(QString, text);
    QCOMPARE(Money::format(won), text);
}

QTEST_APPLESS_MAIN(tst_Money)
#include "tst_money.moc"

#include "Cart.h"
#include "Money.h"

#include <QtTest/QTest>

#include <limits>

// Won as the window shows them, and the discount the cart previews before paying
// (it must match the server's pricing, API.md: RATE rounds down, never above the total).
class tst_Money : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void format_data();
    void format();
    void discount_data();
    void discount();
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

void tst_Money::discount_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("discount");
    QTest::newRow("fixed") << "FIXED" << qint64(1000) << qint64(24600) << qint64(1000);
    QTest::newRow("fixed above total") << "FIXED" << qint64(5000) << qint64(3000) << qint64(3000);
    QTest::newRow("rate") << "RATE" << qint64(10) << qint64(82800) << qint64(8280);
    QTest::newRow("rate rounds down") << "RATE" << qint64(15) << qint64(999) << qint64(149);
    QTest::newRow("rate 100") << "RATE" << qint64(100) << qint64(4500) << qint64(4500);
    QTest::newRow("empty cart") << "RATE" << qint64(10) << qint64(0) << qint64(0);
}

void tst_Money::discount()
{
    QFETCH(QString, type);
    QFETCH(qint64, value);
    QFETCH(qint64, total);
    QFETCH(qint64, discount);
    UserCoupon coupon;
    coupon.discountType = type == QLatin1String("RATE") ? DiscountType::Rate : DiscountType::Fixed;
    coupon.discountValue = value;
    QCOMPARE(Cart::discount(coupon, total), discount);
}

QTEST_APPLESS_MAIN(tst_Money)
#include "tst_money.moc"

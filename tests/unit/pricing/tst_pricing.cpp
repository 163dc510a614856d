#include "Pricing.h"

#include <QtTest/QTest>

class tst_Pricing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void discount_data();
    void discount();
    void amounts_data();
    void amounts();
};

Q_DECLARE_METATYPE(DiscountType)

namespace {
// The largest order API.md allows: 50 lines × 1,000 units × 1,000,000,000 won.
constexpr qint64 kLargeTotal = qint64(50) * 1000 * 1'000'000'000;
static_assert(kLargeTotal == 50'000'000'000'000, "5e13");
constexpr qint64 kLarge37 = kLargeTotal * 37 / 100;
static_assert(kLarge37 == 18'500'000'000'000, "5e13 × 37 / 100");
}

void tst_Pricing::discount_data()
{
    QTest::addColumn<DiscountType>("type");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("expected");

    const DiscountType fixed = DiscountType::Fixed;
    const DiscountType rate = DiscountType::Rate;

    QTest::newRow("fixed below total") << fixed << qint64(1000) << qint64(4500) << qint64(1000);
    QTest::newRow("fixed equal to total") << fixed << qint64(4500) << qint64(4500) << qint64(4500);
    QTest::newRow("fixed above total is capped") << fixed << qint64(5000) << qint64(4500) << qint64(4500);
    QTest::newRow("fixed of 1 won") << fixed << qint64(1) << qint64(4500) << qint64(1);
    QTest::newRow("fixed of zero total") << fixed << qint64(1000) << qint64(0) << qint64(0);
    QTest::newRow("fixed of negative total") << fixed << qint64(1000) << qint64(-5) << qint64(0);
    QTest::newRow("fixed zero value") << fixed << qint64(0) << qint64(4500) << qint64(0);
    QTest::newRow("fixed negative value") << fixed << qint64(-100) << qint64(4500) << qint64(0);

    QTest::newRow("rate 10% of 4500") << rate << qint64(10) << qint64(4500) << qint64(450);
    QTest::newRow("rate 15% of 999 rounds down") << rate << qint64(15) << qint64(999) << qint64(149);
    QTest::newRow("rate 1% of 99 rounds down to 0") << rate << qint64(1) << qint64(99) << qint64(0);
    QTest::newRow("rate 33% of 1000") << rate << qint64(33) << qint64(1000) << qint64(330);
    QTest::newRow("rate 100% is the total") << rate << qint64(100) << qint64(4500) << qint64(4500);
    QTest::newRow("rate above 100% is the total") << rate << qint64(150) << qint64(4500) << qint64(4500);
    QTest::newRow("rate of zero total") << rate << qint64(10) << qint64(0) << qint64(0);
    QTest::newRow("rate zero value") << rate << qint64(0) << qint64(4500) << qint64(0);
    QTest::newRow("rate negative value") << rate << qint64(-10) << qint64(4500) << qint64(0);

    QTest::newRow("large total rate 37%") << rate << qint64(37) << kLargeTotal << kLarge37;
    QTest::newRow("large total + 99 rate 37% rounds down")
            << rate << qint64(37) << kLargeTotal + 99 << qint64(18'500'000'000'036);
    QTest::newRow("large total rate 100%") << rate << qint64(100) << kLargeTotal << kLargeTotal;
    QTest::newRow("large total rate 1%") << rate << qint64(1) << kLargeTotal << qint64(500'000'000'000);
    QTest::newRow("large total fixed 1e9") << fixed << qint64(1'000'000'000) << kLargeTotal
                                           << qint64(1'000'000'000);
}

void tst_Pricing::discount()
{
    QFETCH(DiscountType, type);
    QFETCH(qint64, value);
    QFETCH(qint64, total);
    QFETCH(qint64, expected);

    const qint64 off = Pricing::discount(type, value, total);
    QCOMPARE(off, expected);
    QVERIFY(off >= 0);
    QVERIFY(off <= qMax<qint64>(total, 0));
}

void tst_Pricing::amounts_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<bool>("hasCoupon");
    QTest::addColumn<DiscountType>("type");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("discount");
    QTest::addColumn<qint64>("paid");

    const DiscountType fixed = DiscountType::Fixed;
    const DiscountType rate = DiscountType::Rate;

    QTest::newRow("no coupon") << qint64(4500) << false << fixed << qint64(1000) << qint64(0) << qint64(4500);
    QTest::newRow("no coupon ignores a rate") << qint64(4500) << false << rate << qint64(50) << qint64(0)
                                              << qint64(4500);
    QTest::newRow("no coupon zero total") << qint64(0) << false << fixed << qint64(0) << qint64(0) << qint64(0);
    QTest::newRow("fixed coupon") << qint64(4500) << true << fixed << qint64(1000) << qint64(1000) << qint64(3500);
    QTest::newRow("fixed coupon equal to total") << qint64(4500) << true << fixed << qint64(4500) << qint64(4500)
                                                 << qint64(0);
    QTest::newRow("fixed coupon above total pays 0") << qint64(4500) << true << fixed << qint64(10000)
                                                     << qint64(4500) << qint64(0);
    QTest::newRow("rate coupon") << qint64(4500) << true << rate << qint64(10) << qint64(450) << qint64(4050);
    QTest::newRow("rate coupon rounds the discount down") << qint64(999) << true << rate << qint64(15)
                                                          << qint64(149) << qint64(850);
    QTest::newRow("rate coupon 100%") << qint64(4500) << true << rate << qint64(100) << qint64(4500) << qint64(0);
    QTest::newRow("coupon on zero total") << qint64(0) << true << fixed << qint64(1000) << qint64(0) << qint64(0);
    QTest::newRow("zero-value coupon") << qint64(4500) << true << fixed << qint64(0) << qint64(0) << qint64(4500);
    QTest::newRow("large total rate 37%") << kLargeTotal << true << rate << qint64(37) << kLarge37
                                          << kLargeTotal - kLarge37;
    QTest::newRow("large total no coupon") << kLargeTotal << false << rate << qint64(37) << qint64(0)
                                           << kLargeTotal;
}

void tst_Pricing::amounts()
{
    QFETCH(qint64, total);
    QFETCH(bool, hasCoupon);
    QFETCH(DiscountType, type);
    QFETCH(qint64, value);
    QFETCH(qint64, discount);
    QFETCH(qint64, paid);

    const Pricing::Amounts a = Pricing::amounts(total, hasCoupon, type, value);
    QCOMPARE(a.total, total);
    QCOMPARE(a.discount, discount);
    QCOMPARE(a.paid, paid);
    QCOMPARE(a.paid, a.total - a.discount);
    QVERIFY(a.paid >= 0);
    if (hasCoupon)
        QCOMPARE(a.discount, Pricing::discount(type, value, total));
}

QTEST_GUILESS_MAIN(tst_Pricing)
#include "tst_pricing.moc"

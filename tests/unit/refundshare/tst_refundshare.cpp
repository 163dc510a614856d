#include "RefundShare.h"

#include <QtTest/QTest>

// The refund rule of API.md both sides use: floor of each line's share of what was
// paid, the last refund exactly the rest.
class tst_RefundShare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineShare_data();
    void lineShare();
    void sequence_data();
    void sequence();
};

using Refunds = QList<QHash<qint64, qint64>>;
using Amounts = QList<qint64>;
Q_DECLARE_METATYPE(Refunds)
Q_DECLARE_METATYPE(Amounts)

namespace {
// Lines: product id i+1, unit price prices[i], quantity quantities[i].
Order order(const QList<qint64> &prices, const QList<qint64> &quantities, qint64 discount)
{
    Order o;
    for (int i = 0; i < prices.size(); ++i) {
        o.items.append(OrderLine { i + 1, QStringLiteral("line %1").arg(i + 1), prices.at(i), quantities.at(i) });
        o.totalAmount += prices.at(i) * quantities.at(i);
    }
    o.discountAmount = discount;
    o.paidAmount = o.totalAmount - discount;
    return o;
}
}

void tst_RefundShare::lineShare_data()
{
    QTest::addColumn<qint64>("paid");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("unitPrice");
    QTest::addColumn<qint64>("quantity");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("no discount: the line's price") << qint64(5000) << qint64(5000) << qint64(1000) << qint64(2) << qint64(2000);
    QTest::newRow("discount shared by price") << qint64(9000) << qint64(10000) << qint64(3000) << qint64(1) << qint64(2700);
    QTest::newRow("rounds down") << qint64(999) << qint64(1000) << qint64(333) << qint64(1) << qint64(332);
    QTest::newRow("fully discounted order") << qint64(0) << qint64(5000) << qint64(1000) << qint64(1) << qint64(0);
    QTest::newRow("order of total 0") << qint64(0) << qint64(0) << qint64(0) << qint64(3) << qint64(0);
    QTest::newRow("no units") << qint64(5000) << qint64(5000) << qint64(1000) << qint64(0) << qint64(0);
    // 50 lines × 1,000 units × 1e9 won: paid × price × quantity is ~5e25, past 64 bits.
    QTest::newRow("largest order, no overflow")
            << qint64(49'999'999'999'999) << qint64(50'000'000'000'000) << qint64(1'000'000'000) << qint64(1000)
            << qint64(999'999'999'999);
}

void tst_RefundShare::lineShare()
{
    QFETCH(qint64, paid);
    QFETCH(qint64, total);
    QFETCH(qint64, unitPrice);
    QFETCH(qint64, quantity);
    QFETCH(qint64, expected);
    QCOMPARE(RefundShare::lineShare(paid, total, unitPrice, quantity), expected);
}

void tst_RefundShare::sequence_data()
{
    QTest::addColumn<QList<qint64>>("prices");
    QTest::addColumn<QList<qint64>>("quantities");
    QTest::addColumn<qint64>("discount");
    QTest::addColumn<Refunds>("refunds");
    QTest::addColumn<Amounts>("expected");

    QTest::newRow("one unit at a time, no discount")
            << QList<qint64> { 1000 } << QList<qint64> { 3 } << qint64(0)
            << Refunds { { { 1, 1 } }, { { 1, 1 } }, { { 1, 1 } } } << Amounts { 1000, 1000, 1000 };
    // 1000 paid for 3 units of 333 + 1 of 1: floors 333, 333, then the rest 334.
    QTest::newRow("last refund takes the rounding")
            << QList<qint64> { 500, 500, 1 } << QList<qint64> { 1, 1, 1 } << qint64(1)
            << Refunds { { { 1, 1 } }, { { 2, 1 } }, { { 3, 1 } } } << Amounts { 499, 499, 2 };
    QTest::newRow("10% off shared by the lines")
            << QList<qint64> { 3000, 7000 } << QList<qint64> { 1, 1 } << qint64(1000)
            << Refunds { { { 1, 1 } }, { { 2, 1 } } } << Amounts { 2700, 6300 };
    QTest::newRow("a third off, rounding down each time")
            << QList<qint64> { 100 } << QList<qint64> { 3 } << qint64(100)
            << Refunds { { { 1, 1 } }, { { 1, 1 } }, { { 1, 1 } } } << Amounts { 66, 66, 68 };
    QTest::newRow("everything at once is exactly the paid amount")
            << QList<qint64> { 333, 667 } << QList<qint64> { 2, 1 } << qint64(7)
            << Refunds { { { 1, 2 }, { 2, 1 } } } << Amounts { 1326 };
    QTest::newRow("several lines in one refund")
            << QList<qint64> { 1000, 2000, 4000 } << QList<qint64> { 1, 1, 1 } << qint64(700)
            << Refunds { { { 1, 1 }, { 3, 1 } }, { { 2, 1 } } } << Amounts { 4500, 1800 };
    QTest::newRow("fully discounted order gives back nothing")
            << QList<qint64> { 1000 } << QList<qint64> { 2 } << qint64(2000)
            << Refunds { { { 1, 1 } }, { { 1, 1 } } } << Amounts { 0, 0 };
}

void tst_RefundShare::sequence()
{
    QFETCH(QList<qint64>, prices);
    QFETCH(QList<qint64>, quantities);
    QFETCH(qint64, discount);
    QFETCH(Refunds, refunds);
    QFETCH(Amounts, expected);

    Order o = order(prices, quantities, discount);
    Amounts given;
    for (const QHash<qint64, qint64> &refund : refunds) {
        given << RefundShare::amount(o, refund);
        o.refundedAmount += given.last();
        for (OrderLine &line : o.items)
            line.refundedQuantity += refund.value(line.productId);
    }
    QCOMPARE(given, expected);
    // Refunding every unit gives back exactly what was paid, never more.
    QVERIFY(RefundShare::refundsEverything(o, {}));
    QCOMPARE(o.refundedAmount, o.paidAmount);
}

QTEST_APPLESS_MAIN(tst_RefundShare)
#include "tst_refundshare.moc"

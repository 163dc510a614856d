#include "AppStyle.h"
#include "GuiDriver.h"
#include "MainWindow.h"
#include "PageWidget.h"
#include "SessionView.h"
#include "ShopClient.h"
#include "ShopFixture.h"
#include "TrafficChart.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>
#include <QtCore/QJsonArray>
#include <QtCore/QSet>
#include <QtCore/QStandardPaths>
#include <QtTest/QTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QStackedWidget>

#include <memory>

// Issue 14 point 7: the admin dashboard on its own fresh shop (no sales at all), then
// with a sale: readable axes, "No sales yet" in words, a gap in the traffic chart for
// the time spent on other pages, coupon labels with their counts first.
class tst_Dashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void noSalesIsSaidInWords();
    void axesTickInWholeDistinctNumbers();
    void timeOnOtherPagesIsAGap();

private:
    bool settle();
    PageWidget *dashboard() { return m_window->session()->page(QStringLiteral("dashboardPage")); }
    static QStringList labels(QValueAxis *axis);

    ShopFixture m_shop;
    std::unique_ptr<MainWindow> m_window;
};

void tst_Dashboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    AppStyle::apply();
    QVERIFY(m_shop.start(4));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 800);
    m_window->show();
    m_window->connectTo(m_shop.baseUrl().toString());
    QVERIFY(GuiDriver::signIn(*m_window, QStringLiteral("admin"), QString::fromLatin1(ShopFixture::kAdminPassword)));
    QVERIFY(GuiDriver::showPage(*m_window, QStringLiteral("dashboardPage")));
}

void tst_Dashboard::cleanupTestCase()
{
    m_window.reset();
    m_shop.stop();
}

bool tst_Dashboard::settle()
{
    return QTest::qWaitFor([this] { return m_window->client()->inFlight() == 0; }, 10000);
}

QStringList tst_Dashboard::labels(QValueAxis *axis)
{
    QStringList out;
    for (int i = 0; i < axis->tickCount(); ++i) {
        const double v = axis->min() + i * (axis->max() - axis->min()) / (axis->tickCount() - 1);
        out << QString::asprintf(axis->labelFormat().toLatin1().constData(), v);
    }
    return out;
}

void tst_Dashboard::noSalesIsSaidInWords()
{
    auto *empty = dashboard()->findChild<QLabel *>(QStringLiteral("salesEmpty"));
    QTRY_VERIFY(empty->isVisible());
    QVERIFY(empty->text().startsWith(QStringLiteral("No sales yet")));
    QTRY_VERIFY(dashboard()->findChild<QLabel *>(QStringLiteral("salesSummary"))->text().contains(QStringLiteral("no paid orders yet")));
    QVERIFY(!dashboard()->findChild<QChartView *>(QStringLiteral("salesChart"))->isVisible());
}

void tst_Dashboard::axesTickInWholeDistinctNumbers()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(m_shop.charge(shopper, 100000));
    const qint64 cup = m_shop.createProduct(QStringLiteral("Cup"), 2300, 10);
    QVERIFY(cup > 0);
    const QJsonObject body { { "userId", shopper.id },
                             { "items", QJsonArray { QJsonObject { { "productId", cup }, { "quantity", 1 } } } } };
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/orders"), body, shopper.auth()).status, 201);
    QVERIFY(m_shop.createCoupon(QStringLiteral("RATE"), 20, 40) > 0);
    QVERIFY(m_shop.client()
                    .post(QStringLiteral("/api/v1/admin/coupons"),
                          { { "name", "Weekend flash sale for everyone" }, { "discountType", "FIXED" }, { "discountValue", 500 },
                            { "quantity", 1200 }, { "validUntil", "2099-01-01T00:00:00Z" } },
                          m_shop.admin().auth())
                    .status
            == 201);
    dashboard()->refresh();
    QVERIFY(settle());
    auto *sales = dashboard()->findChild<QChartView *>(QStringLiteral("salesChart"));
    QTRY_VERIFY(sales->isVisible());
    for (const char *name : { "salesChart", "topProductsChart", "couponChart" }) {
        QChart *chart = dashboard()->findChild<QChartView *>(QLatin1String(name))->chart();
        QValueAxis *values = nullptr;
        for (QAbstractAxis *axis : chart->axes()) {
            if (auto *v = qobject_cast<QValueAxis *>(axis))
                values = v;
        }
        QVERIFY2(values, name);
        const QStringList ticks = labels(values);
        QVERIFY2(QSet<QString>(ticks.cbegin(), ticks.cend()).size() == ticks.size(), qPrintable(ticks.join(QStringLiteral(", "))));
        for (const QString &t : ticks)
            QVERIFY2(!t.contains(QLatin1Char('.')), qPrintable(t));
    }
    // Coupon labels: the counts first, so a cut takes the end of a name, not the counts.
    QChart *coupons = dashboard()->findChild<QChartView *>(QStringLiteral("couponChart"))->chart();
    QBarCategoryAxis *names = nullptr;
    for (QAbstractAxis *axis : coupons->axes()) {
        if (auto *c = qobject_cast<QBarCategoryAxis *>(axis))
            names = c;
    }
    QVERIFY(names);
    QVERIFY2(names->categories().contains(QStringLiteral("0/1,200 Weekend\u2026")), qPrintable(names->categories().join(QLatin1Char('|'))));
}

void tst_Dashboard::timeOnOtherPagesIsAGap()
{
    auto *traffic = dashboard()->findChild<TrafficChart *>(QStringLiteral("trafficChart"));
    auto *now = dashboard()->findChild<QLabel *>(QStringLiteral("trafficNow"));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(settle());
        dashboard()->refresh();
    }
    QTRY_VERIFY(now->text().startsWith(QStringLiteral("Now")));
    QCOMPARE(traffic->segmentCount(), 1);
    auto *rateAxis = qobject_cast<QValueAxis *>(traffic->chart()->axes(Qt::Vertical).constFirst());
    const QStringList ticks = labels(rateAxis);
    QVERIFY2(QSet<QString>(ticks.cbegin(), ticks.cend()).size() == ticks.size(), qPrintable(ticks.join(QStringLiteral(", "))));

    // Away on another page and back: a new segment, not a line across the time away.
    QVERIFY(settle());
    GuiDriver::showPage(*m_window, QStringLiteral("productForm"));
    QVERIFY(settle());
    GuiDriver::showPage(*m_window, QStringLiteral("dashboardPage"));
    QVERIFY(settle());
    dashboard()->refresh();
    QVERIFY(settle());
    QTRY_COMPARE(traffic->segmentCount(), 2);
    QCOMPARE(traffic->chart()->series().size(), 4);
}

QTEST_MAIN(tst_Dashboard)
#include "tst_dashboard.moc"

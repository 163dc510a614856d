#include "AppStyle.h"
#include "DashboardPage.h"
#include "GuiDriver.h"
#include "MainWindow.h"
#include "PageWidget.h"
#include "SessionView.h"
#include "ShopClient.h"
#include "ShippingQueueTile.h"
#include "ShopFixture.h"
#include "TrafficChart.h"
#include "Translator.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QValueAxis>
#include <QtCore/QJsonArray>
#include <QtCore/QScopeGuard>
#include <QtCore/QSet>
#include <QtCore/QStandardPaths>
#include <QtTest/QTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStackedWidget>

#include <algorithm>
#include <memory>

// Issue 14 point 7: the admin dashboard on its own fresh shop (no sales at all), then
// with a sale: readable axes, "No sales yet" in words, a gap in the traffic chart for
// the time spent on other pages, coupon labels with their counts first; the orders
// waiting to ship counted in words, with the way to the Fulfilment page.
class tst_Dashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void noSalesIsSaidInWords();
    void oldestPendingInItsUnit_data();
    void oldestPendingInItsUnit();
    void nothingWaitingToShipIsSaidInWords();
    void tilesKeepApartAtTheFirstSize();
    void axesTickInWholeDistinctNumbers();
    void timeOnOtherPagesIsAGap();
    // Last: it leaves the page (a gap in the traffic chart).
    void ordersWaitingToShipAreCounted();

private:
    bool settle();
    PageWidget *dashboard() { return m_window->session()->page(QStringLiteral("dashboardPage")); }
    QString queueWords() { return dashboard()->findChild<ShippingQueueTile *>(QStringLiteral("shippingQueue"))->summary(); }
    // The admin's move of an order's fulfilment (API.md, Shipping); the HTTP status.
    int move(qint64 orderId, const QJsonObject &body)
    {
        return m_shop.client().post(QStringLiteral("/api/v1/admin/orders/%1/fulfilment").arg(orderId), body, m_shop.admin().auth()).status;
    }
    static QStringList labels(QValueAxis *axis);

    ShopFixture m_shop;
    std::unique_ptr<MainWindow> m_window;
};

void tst_Dashboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    AppStyle::apply();
    // As the app starts: English's own file holds its plural forms ("3 orders").
    Translator::use(QStringLiteral("en"));
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

void tst_Dashboard::nothingWaitingToShipIsSaidInWords()
{
    QTRY_COMPARE(queueWords(), QStringLiteral("Waiting to ship\nNothing waiting to ship."));
}

void tst_Dashboard::tilesKeepApartAtTheFirstSize()
{
    // Seen by hand: at the window's first size (1180x760), in Korean, with the demo
    // shop's offer above them, the health tiles were squeezed on top of each other.
    auto *offer = dashboard()->findChild<QWidget *>(QStringLiteral("demoShopOffer"));
    QVERIFY(offer);
    QTRY_VERIFY(offer->isVisible()); // the shop is empty: the offer takes its room
    Translator::use(QStringLiteral("ko"));
    m_window->resize(1180, 760);
    const auto back = qScopeGuard([this] {
        Translator::use(QStringLiteral("en"));
        m_window->resize(1280, 800);
    });
    QVERIFY(settle());
    const QList<QWidget *> tiles { dashboard()->findChild<ShippingQueueTile *>(QStringLiteral("shippingQueue")),
                                   dashboard()->findChild<QLabel *>(QStringLiteral("outboxHealth")),
                                   dashboard()->findChild<QLabel *>(QStringLiteral("dataPlatformHealth")),
                                   dashboard()->findChild<QLabel *>(QStringLiteral("trafficNow")) };
    QTRY_VERIFY(std::all_of(tiles.cbegin(), tiles.cend(), [](QWidget *w) { return w && w->isVisible(); }));
    for (int i = 0; i + 1 < tiles.size(); ++i) {
        const QRect upper = tiles[i]->geometry();
        const QRect lower = tiles[i + 1]->geometry();
        QVERIFY2(upper.bottom() < lower.top(),
                 qPrintable(QStringLiteral("%1 ends at %2, %3 starts at %4")
                                    .arg(tiles[i]->objectName()).arg(upper.bottom())
                                    .arg(tiles[i + 1]->objectName()).arg(lower.top())));
        // Each shows its whole text: not squeezed under what it needs.
        QVERIFY2(tiles[i]->height() >= tiles[i]->minimumSizeHint().height(), qPrintable(tiles[i]->objectName()));
    }
    // The queue at its longest (four lines, as while the demo shop loads: "배송 대기 주문
    // 456건" was cut in half under Xvfb): its words get the height they need at their
    // width, the page scrolling if it must.
    auto *queue = dashboard()->findChild<ShippingQueueTile *>(QStringLiteral("shippingQueue"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    queue->showQueue(15, 441, now.addDays(-2), now);
    auto *words = queue->findChild<QLabel *>(QStringLiteral("shippingQueueText"));
    QTRY_VERIFY2(words->height() >= words->heightForWidth(words->width()),
                 qPrintable(QStringLiteral("%1 px for %2").arg(words->height()).arg(words->heightForWidth(words->width()))));
    QTRY_VERIFY2(words->geometry().bottom() <= queue->contentsRect().bottom(),
                 qPrintable(QStringLiteral("words end at %1, the tile's inside at %2 (tile %3 px, minimum %4)")
                                    .arg(words->geometry().bottom()).arg(queue->contentsRect().bottom())
                                    .arg(queue->height()).arg(queue->minimumSizeHint().height())));
    QVERIFY2(queue->summary().contains(QStringLiteral("456")), qPrintable(queue->summary())); // not a refresh's shorter text
}

void tst_Dashboard::ordersWaitingToShipAreCounted()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(m_shop.charge(shopper, 100000));
    const auto address = m_shop.client().post(QStringLiteral("/api/v1/users/%1/addresses").arg(shopper.id),
                                              { { "recipient", QStringLiteral("김민준") }, { "phone", "010-1234-5678" },
                                                { "postalCode", "06236" }, { "address1", QStringLiteral("서울특별시 강남구 테헤란로 152") } },
                                              shopper.auth());
    QCOMPARE(address.status, 201);
    const qint64 mug = m_shop.createProduct(QStringLiteral("Mug"), 5000, 20);
    QVERIFY(mug > 0);
    // The cup bought above (a pickup) waits to be packed; five more orders: four to the
    // address, one picked up in person.
    QList<qint64> orders;
    for (int i = 0; i < 5; ++i) {
        QJsonObject body { { "userId", shopper.id },
                           { "items", QJsonArray { QJsonObject { { "productId", mug }, { "quantity", 1 } } } } };
        if (i < 4)
            body.insert(QStringLiteral("addressId"), address.json().value(QStringLiteral("id")).toInteger());
        const auto placed = m_shop.client().post(QStringLiteral("/api/v1/orders"), body, shopper.auth());
        QCOMPARE(placed.status, 201);
        orders << placed.json().value(QStringLiteral("id")).toInteger();
    }
    const QJsonObject packed { { "status", "PACKED" } };
    const QJsonObject shipped { { "status", "SHIPPED" }, { "carrier", "CJ" }, { "trackingNumber", "123456789012" } };
    // orders[0] waits to be packed too; [1] and the pickup [4] are packed; [2] shipped; [3] delivered.
    QCOMPARE(move(orders[1], packed), 200);
    QCOMPARE(move(orders[4], packed), 200);
    QCOMPARE(move(orders[2], packed), 200);
    QCOMPARE(move(orders[2], shipped), 200);
    QCOMPARE(move(orders[3], packed), 200);
    QCOMPARE(move(orders[3], shipped), 200);
    QCOMPARE(move(orders[3], QJsonObject { { "status", "DELIVERED" } }), 200);
    // The one paid first has waited two days (and some minutes).
    QCOMPARE(m_shop.execute(QStringLiteral("UPDATE orders SET paid_at = UTC_TIMESTAMP(3) - INTERVAL 2 DAY - INTERVAL 5 MINUTE WHERE id = ?"),
                            { orders[1] }),
             1);
    dashboard()->refresh();
    QVERIFY(settle());
    QTRY_COMPARE(queueWords(), QStringLiteral("Waiting to ship\n4 orders waiting to ship\n2 to pack, 2 packed\n"
                                              "The oldest was paid 2 days ago."));

    // The way there: the Fulfilment page, whose queue holds them.
    QTest::mouseClick(dashboard()->findChild<QPushButton *>(QStringLiteral("openFulfilment")), Qt::LeftButton);
    QTRY_COMPARE(m_window->session()->currentPage()->objectName(), QStringLiteral("fulfilmentPage"));
    QVERIFY(settle());
    QVERIFY(GuiDriver::showPage(*m_window, QStringLiteral("dashboardPage")));
    QVERIFY(settle());
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

void tst_Dashboard::oldestPendingInItsUnit_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("korean");
    QTest::newRow("none") << qint64(0) << QStringLiteral("oldest pending: 0 s") << QStringLiteral("\uAC00\uC7A5 \uC624\uB798\uB41C \uB300\uAE30: 0\uCD08");
    QTest::newRow("119 s") << qint64(119) << QStringLiteral("oldest pending: 119 s") << QStringLiteral("\uAC00\uC7A5 \uC624\uB798\uB41C \uB300\uAE30: 119\uCD08");
    QTest::newRow("2 min") << qint64(120) << QStringLiteral("oldest pending: 2 minutes") << QStringLiteral("\uAC00\uC7A5 \uC624\uB798\uB41C \uB300\uAE30: 2\uBD84");
    QTest::newRow("3 h") << qint64(3 * 3600 + 59) << QStringLiteral("oldest pending: 3 hours") << QStringLiteral("\uAC00\uC7A5 \uC624\uB798\uB41C \uB300\uAE30: 3\uC2DC\uAC04");
    // What the Xvfb drive saw while the demo shop loaded: 1,205,611 s.
    QTest::newRow("13 days") << qint64(1205611) << QStringLiteral("oldest pending: 13 days") << QStringLiteral("\uAC00\uC7A5 \uC624\uB798\uB41C \uB300\uAE30: 13\uC77C");
}

void tst_Dashboard::oldestPendingInItsUnit()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, english);
    QFETCH(QString, korean);
    Translator::use(QStringLiteral("en"));
    QCOMPARE(DashboardPage::oldestPending(seconds), english);
    Translator::use(QStringLiteral("ko"));
    QCOMPARE(DashboardPage::oldestPending(seconds), korean);
    Translator::use(QStringLiteral("en"));
}

QTEST_MAIN(tst_Dashboard)
#include "tst_dashboard.moc"

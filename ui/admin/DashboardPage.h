#pragma once

#include "ApiValues.h"
#include "Failure.h"
#include "MetricsSnapshot.h"
#include "PageWidget.h"
#include "Result.h"
#include "ShippingClient.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QTimer>

#include <functional>

class DemoShopOffer;
class QChart;
class QLabel;
class QStackedWidget;
class ShippingQueueTile;
class TrafficChart;

// The admin's view of the shop, refreshed on a timer while shown: sales per day, the
// top 5 products of the last 3 days, coupon issuance, the orders waiting to ship (a way
// to the Fulfilment page), outbox and data-platform health, and request rate and
// latency read from /metrics. A card that cannot be read says
// "unknown" (not its last colour); no sales is said in words. An empty shop offers the
// demo shop here too: this is where an admin lands.
class DashboardPage : public PageWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;
    static constexpr int kRefreshMs = 5000;
    static constexpr int kSalesDays = 14;
    // "oldest pending: 3 days", not "1,205,611 s" (the demo shop's events are backdated).
    static QString oldestPending(qint64 seconds);

Q_SIGNALS:
    // Another page of the session asked for by its object name ("fulfilmentPage").
    void pageRequested(const QString &name);

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void showShopSize(const Page<Product> &products);
    void showSales(const QList<SalesDay> &days);
    void showTopProducts(const QList<TopProduct> &top);
    void showCoupons(const QList<Coupon> &coupons);
    void showQueue(const ShippingClient::Queue &queue);
    void queueUnknown(const Failure &failure);
    void showOutbox(const OutboxHealth &outbox);
    void showDataPlatform(const DataPlatformHealth &platform);
    void showTraffic(const QByteArray &metrics);
    void outboxUnknown(const Failure &failure);
    void dataPlatformUnknown(const Failure &failure);
    void trafficUnknown(const Failure &failure);
    void retranslateUi();
    // The callback of one read of a refresh round: show, or count the failure.
    template<typename T>
    std::function<void(const Result<T> &)> answer(void (DashboardPage::*show)(const T &),
                                                  void (DashboardPage::*fail)(const Failure &) = nullptr);

    ShippingClient *m_shipping;
    DemoShopOffer *m_offer;
    QChart *m_sales;
    QChart *m_top;
    QChart *m_coupons;
    TrafficChart *m_traffic;
    QStackedWidget *m_salesView;
    QStackedWidget *m_topView;
    QStackedWidget *m_couponsView;
    QLabel *m_salesEmpty;
    QLabel *m_topEmpty;
    QLabel *m_couponsEmpty;
    QLabel *m_salesSummary;
    ShippingQueueTile *m_queue;
    QLabel *m_outbox;
    QLabel *m_dataPlatform;
    QLabel *m_trafficNow;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_pending = 0;
    int m_failed = 0;
    int m_round = 0; // refresh() calls: a failure answering an older one is not shown
};

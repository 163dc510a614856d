#pragma once

#include "ApiValues.h"
#include "Failure.h"
#include "MetricsSnapshot.h"
#include "PageWidget.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QTimer>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;

// The admin's view of the shop, refreshed on a timer while shown: sales per day, the
// top 5 products of the last 3 days, coupon issuance, outbox and data-platform health,
// and request rate and latency read from /metrics.
class DashboardPage : public PageWidget
{
public:
    explicit DashboardPage(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;
    static constexpr int kRefreshMs = 5000;
    static constexpr int kSalesDays = 14;
    static constexpr int kTrafficSamples = 60;

private:
    void showSales(const QList<SalesDay> &days);
    void showTopProducts(const QList<TopProduct> &top);
    void showCoupons(const QList<Coupon> &coupons);
    void showOutbox(const OutboxHealth &outbox);
    void showDataPlatform(const DataPlatformHealth &platform);
    void showTraffic(const QByteArray &metrics);
    void showFailure(const Failure &failure);

    QChart *m_sales;
    QChart *m_top;
    QChart *m_coupons;
    QChart *m_traffic;
    QLineSeries *m_rate;
    QLineSeries *m_p95;
    QLabel *m_salesSummary;
    QLabel *m_outbox;
    QLabel *m_dataPlatform;
    QLabel *m_trafficNow;
    QTimer m_timer;
    QElapsedTimer m_clock;
    MetricsSnapshot m_lastMetrics;
    qint64 m_lastMetricsAt = -1;
};

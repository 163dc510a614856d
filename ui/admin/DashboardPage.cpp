#include "DashboardPage.h"

#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "ShopClient.h"

#include <QtCore/QLocale>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QVBoxLayout>

namespace {
const QColor kAccent(0x1a, 0x73, 0xe8);
const QColor kSoft(0xd7, 0xdc, 0xe3);
const QColor kWarm(0xf2, 0x99, 0x1c);

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    QFont font = chart->titleFont();
    font.setBold(true);
    chart->setTitleFont(font);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(6);
    chart->legend()->hide();
    return chart;
}

QChartView *viewOf(QChart *chart, const QString &name, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(230);
    return view;
}

void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

// A bar series with its category and value axes, vertical or horizontal.
void showBars(QChart *chart, QAbstractBarSeries *series, const QStringList &categories, qreal maxValue,
              Qt::Alignment categorySide, Qt::Alignment valueSide)
{
    clearChart(chart);
    chart->addSeries(series);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    auto *valueAxis = new QValueAxis;
    valueAxis->setRange(0, maxValue > 0 ? maxValue * 1.1 : 1);
    valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    valueAxis->applyNiceNumbers();
    chart->addAxis(categoryAxis, categorySide);
    chart->addAxis(valueAxis, valueSide);
    series->attachAxis(categoryAxis);
    series->attachAxis(valueAxis);
}

QLabel *tile(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::RichText);
    label->setMinimumHeight(110);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    return label;
}

void paintTile(QLabel *label, const QString &title, const QString &state, const QColor &color, const QString &lines)
{
    label->setStyleSheet(QStringLiteral("QLabel { background:white; border:1px solid #dadce0; border-left:5px solid %1;"
                                        " border-radius:6px; padding:10px; }")
                                 .arg(color.name()));
    label->setText(QStringLiteral("<b>%1</b> &nbsp; <span style='color:%2'>\u25CF %3</span><br>%4")
                           .arg(title, color.name(), state, lines));
}
}

DashboardPage::DashboardPage(ShopClient *client, QWidget *parent)
    : PageWidget(client, tr("Dashboard"), parent), m_sales(newChart(tr("Revenue per day, last %1 days").arg(kSalesDays))),
      m_top(newChart(tr("Top 5 products, last 3 days (units)"))), m_coupons(newChart(tr("Coupon issuance"))),
      m_traffic(newChart(tr("Requests per second and p95 latency (ms)"))), m_rate(new QLineSeries),
      m_p95(new QLineSeries), m_salesSummary(new QLabel(body())), m_outbox(tile(QStringLiteral("outboxHealth"), body())),
      m_dataPlatform(tile(QStringLiteral("dataPlatformHealth"), body())), m_trafficNow(new QLabel(body()))
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_salesSummary->setObjectName(QStringLiteral("salesSummary"));
    m_trafficNow->setObjectName(QStringLiteral("trafficNow"));
    m_rate->setName(tr("requests/s"));
    m_rate->setColor(kAccent);
    m_p95->setName(tr("p95 ms"));
    m_p95->setColor(kWarm);
    m_traffic->addSeries(m_rate);
    m_traffic->addSeries(m_p95);
    auto *time = new QValueAxis;
    time->setTitleText(tr("seconds"));
    time->setLabelFormat(QStringLiteral("%.1f"));
    auto *rateAxis = new QValueAxis;
    rateAxis->setLabelFormat(QStringLiteral("%.0f"));
    auto *msAxis = new QValueAxis;
    msAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_traffic->addAxis(time, Qt::AlignBottom);
    m_traffic->addAxis(rateAxis, Qt::AlignLeft);
    m_traffic->addAxis(msAxis, Qt::AlignRight);
    m_rate->attachAxis(time);
    m_rate->attachAxis(rateAxis);
    m_p95->attachAxis(time);
    m_p95->attachAxis(msAxis);
    m_traffic->legend()->show();
    m_traffic->legend()->setAlignment(Qt::AlignBottom);

    auto *health = new QVBoxLayout;
    health->addWidget(m_outbox);
    health->addWidget(m_dataPlatform);
    health->addWidget(m_trafficNow);
    health->addStretch();
    auto *grid = new QGridLayout(body());
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(viewOf(m_sales, QStringLiteral("salesChart"), body()), 0, 0, 1, 2);
    grid->addLayout(health, 0, 2);
    grid->addWidget(m_salesSummary, 1, 0, 1, 2);
    grid->addWidget(viewOf(m_top, QStringLiteral("topProductsChart"), body()), 2, 0);
    grid->addWidget(viewOf(m_coupons, QStringLiteral("couponChart"), body()), 2, 1);
    grid->addWidget(viewOf(m_traffic, QStringLiteral("trafficChart"), body()), 2, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(2, 1);

    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_timer.start(kRefreshMs);
    m_clock.start();
}

void DashboardPage::refresh()
{
    client()->salesPerDay(kSalesDays, this, [this](const Result<QList<SalesDay>> &r) {
        r ? showSales(r.value()) : showFailure(r.failure());
    });
    client()->topProducts(3, 5, this, [this](const Result<QList<TopProduct>> &r) {
        r ? showTopProducts(r.value()) : showFailure(r.failure());
    });
    client()->coupons(this, [this](const Result<QList<Coupon>> &r) {
        r ? showCoupons(r.value()) : showFailure(r.failure());
    });
    client()->outbox(this, [this](const Result<OutboxHealth> &r) { r ? showOutbox(r.value()) : showFailure(r.failure()); });
    client()->dataPlatform(this, [this](const Result<DataPlatformHealth> &r) {
        r ? showDataPlatform(r.value()) : showFailure(r.failure());
    });
    client()->metrics(this, [this](const Result<QByteArray> &r) { r ? showTraffic(r.value()) : showFailure(r.failure()); });
}

void DashboardPage::showFailure(const Failure &failure)
{
    notice()->showError(ErrorText::describe(failure));
}

void DashboardPage::showSales(const QList<SalesDay> &days)
{
    // Thousands of won on the axis: seven-digit tick labels crowd the chart.
    auto *revenue = new QBarSet(tr("Revenue (\u20A9 thousands)"));
    revenue->setColor(kAccent);
    QStringList categories;
    qint64 max = 0, orders = 0, total = 0, units = 0;
    for (const SalesDay &day : days) {
        *revenue << qreal(day.revenue) / 1000.0;
        categories << day.date.toString(QStringLiteral("d"));
        max = qMax(max, day.revenue);
        orders += day.orders;
        total += day.revenue;
        units += day.units;
    }
    auto *series = new QBarSeries;
    series->append(revenue);
    series->setBarWidth(0.7);
    showBars(m_sales, series, categories, qreal(max) / 1000.0, Qt::AlignBottom, Qt::AlignLeft);
    m_sales->axes(Qt::Vertical).constFirst()->setTitleText(tr("\u20A9 thousands"));
    // Day numbers fit under 14 bars where dates would be cut; the months go in the title.
    if (!days.isEmpty()) {
        const QString first = QLocale().toString(days.first().date, QStringLiteral("MMM yyyy"));
        const QString last = QLocale().toString(days.last().date, QStringLiteral("MMM yyyy"));
        m_sales->axes(Qt::Horizontal).constFirst()->setTitleText(first == last ? first : first + QStringLiteral(" \u2013 ") + last);
    }
    m_salesSummary->setText(tr("Last %1 days: <b>%2</b> revenue from <b>%3</b> orders, %4 units sold.")
                                    .arg(days.size())
                                    .arg(Money::format(total))
                                    .arg(orders)
                                    .arg(units));
}

void DashboardPage::showTopProducts(const QList<TopProduct> &top)
{
    auto *sold = new QBarSet(tr("Units sold"));
    sold->setColor(kAccent);
    sold->setLabelColor(Qt::white);
    QStringList names;
    qint64 max = 0;
    // Horizontal bars are drawn bottom up: reverse so the best seller is on top.
    for (auto it = top.crbegin(); it != top.crend(); ++it) {
        *sold << qreal(it->soldQuantity);
        names << QStringLiteral("%1. %2").arg(it->rank).arg(it->name.left(22));
        max = qMax(max, it->soldQuantity);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(sold);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    showBars(m_top, series, names, qreal(max), Qt::AlignLeft, Qt::AlignBottom);
}

void DashboardPage::showCoupons(const QList<Coupon> &coupons)
{
    auto *issued = new QBarSet(tr("Issued"));
    auto *left = new QBarSet(tr("Left"));
    issued->setColor(kAccent);
    left->setColor(kSoft);
    QStringList names;
    qint64 max = 0;
    const QList<Coupon> shown = coupons.mid(qMax<qsizetype>(0, coupons.size() - 6));
    for (auto it = shown.crbegin(); it != shown.crend(); ++it) {
        *issued << qreal(it->issued);
        *left << qreal(qMax<qint64>(0, it->quantity - it->issued));
        names << QStringLiteral("%1 (%2/%3)").arg(it->name.left(18)).arg(it->issued).arg(it->quantity);
        max = qMax(max, it->quantity);
    }
    auto *series = new QHorizontalStackedBarSeries;
    series->append(issued);
    series->append(left);
    showBars(m_coupons, series, names, qreal(max), Qt::AlignLeft, Qt::AlignBottom);
    m_coupons->legend()->show();
    m_coupons->legend()->setAlignment(Qt::AlignBottom);
}

void DashboardPage::showOutbox(const OutboxHealth &o)
{
    const bool failing = o.failed > 0;
    const bool behind = o.oldestPendingSeconds > 30;
    paintTile(m_outbox, tr("Outbox \u2192 Kafka"), failing ? tr("failing") : behind ? tr("behind") : tr("healthy"),
              failing ? QColor(0xd9, 0x30, 0x25) : behind ? kWarm : QColor(0x1e, 0x8e, 0x3e),
              tr("%1 published &nbsp; %2 pending &nbsp; %3 failed<br>oldest pending: %4 s")
                      .arg(o.published)
                      .arg(o.pending)
                      .arg(o.failed)
                      .arg(o.oldestPendingSeconds));
}

void DashboardPage::showDataPlatform(const DataPlatformHealth &p)
{
    const bool lagging = p.lag > 100;
    const QString last = p.lastEventAt.isValid() ? p.lastEventAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                                 : tr("none yet");
    paintTile(m_dataPlatform, tr("Data platform"), lagging ? tr("lagging") : tr("healthy"),
              lagging ? kWarm : QColor(0x1e, 0x8e, 0x3e),
              tr("%1 events received &nbsp; lag %2<br>last event: %3").arg(p.received).arg(p.lag).arg(last));
}

void DashboardPage::showTraffic(const QByteArray &metrics)
{
    const MetricsSnapshot now = MetricsSnapshot::parse(metrics);
    const qint64 at = m_clock.elapsed();
    if (m_lastMetricsAt >= 0 && at > m_lastMetricsAt) {
        const double seconds = (at - m_lastMetricsAt) / 1000.0;
        const double x = at / 1000.0;
        const double rate = now.rateSince(m_lastMetrics, seconds);
        const double p95 = now.quantileMsSince(m_lastMetrics, 0.95);
        m_rate->append(x, rate);
        m_p95->append(x, p95);
        if (m_rate->count() > kTrafficSamples) {
            m_rate->remove(0);
            m_p95->remove(0);
        }
        auto range = [](QLineSeries *series) {
            double top = 1;
            for (const QPointF &p : series->points())
                top = qMax(top, p.y());
            return top * 1.2;
        };
        // Attached in the constructor as (time, own value axis).
        m_rate->attachedAxes().at(0)->setRange(m_rate->at(0).x(), qMax(x, m_rate->at(0).x() + 1));
        m_rate->attachedAxes().at(1)->setRange(0, range(m_rate));
        m_p95->attachedAxes().at(1)->setRange(0, range(m_p95));
        m_trafficNow->setText(tr("Now: <b>%1</b> requests/s, mean %2 ms, p95 %3 ms")
                                      .arg(rate, 0, 'f', 1)
                                      .arg(now.meanMsSince(m_lastMetrics), 0, 'f', 1)
                                      .arg(p95, 0, 'f', 1));
    } else {
        m_trafficNow->setText(tr("Measuring request rate\u2026"));
    }
    m_lastMetrics = now;
    m_lastMetricsAt = at;
}

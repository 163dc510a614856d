#include "DashboardPage.h"

#include "DashboardCards.h"

#include "DemoShopOffer.h"
#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "Retranslate.h"
#include "ShippingQueueTile.h"
#include "ShopClient.h"
#include "TrafficChart.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QtCharts/QValueAxis>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QVBoxLayout>

using namespace DashboardCards;

namespace {
const QColor kAccent(0x1a, 0x73, 0xe8);
const QColor kSoft(0xd7, 0xdc, 0xe3);
const QColor kWarm(0xf2, 0x99, 0x1c);
const QColor kUnknown(0x80, 0x86, 0x8b);
const QString kLoad = QStringLiteral("load");
constexpr int kLabelChars = 17; // what a category label holds before the axis cuts it

}

DashboardPage::DashboardPage(ShopClient *client, QWidget *parent)
    : PageWidget(client, QString(), parent), m_shipping(new ShippingClient(client, this)),
      m_offer(new DemoShopOffer(client, body())), m_sales(newChart()),
      m_top(newChart()), m_coupons(newChart()),
      m_traffic(new TrafficChart(body())), m_salesView(new QStackedWidget(body())),
      m_topView(new QStackedWidget(body())), m_couponsView(new QStackedWidget(body())), m_salesEmpty(new QLabel(body())),
      m_topEmpty(emptyState(QStringLiteral("topProductsEmpty"), body())),
      m_couponsEmpty(emptyState(QStringLiteral("couponsEmpty"), body())), m_salesSummary(new QLabel(body())),
      m_queue(new ShippingQueueTile(body())), m_outbox(tile(QStringLiteral("outboxHealth"), body())),
      m_dataPlatform(tile(QStringLiteral("dataPlatformHealth"), body())), m_trafficNow(new QLabel(body()))
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_salesSummary->setObjectName(QStringLiteral("salesSummary"));
    m_trafficNow->setObjectName(QStringLiteral("trafficNow"));
    m_traffic->setObjectName(QStringLiteral("trafficChart"));
    m_salesEmpty->setObjectName(QStringLiteral("salesEmpty"));
    m_salesEmpty->setAlignment(Qt::AlignCenter);
    m_salesEmpty->setWordWrap(true);
    m_salesEmpty->setStyleSheet(QStringLiteral("QLabel { background:white; border:1px solid #dadce0; border-radius:6px;"
                                               " color:#5f6368; font-size:13pt; }"));
    m_salesView->addWidget(viewOf(m_sales, QStringLiteral("salesChart"), body()));
    m_salesView->addWidget(m_salesEmpty);
    m_salesView->setMinimumHeight(190);

    auto *health = new QVBoxLayout;
    health->addWidget(m_queue);
    health->addWidget(m_outbox);
    health->addWidget(m_dataPlatform);
    health->addWidget(m_trafficNow);
    health->addStretch();
    // Every card keeps the height its words need; a window too short for all of them
    // scrolls rather than cutting a card's text.
    auto *outer = new QVBoxLayout(body());
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(body());
    scroll->setObjectName(QStringLiteral("dashboardScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *sheet = new QWidget(scroll);
    sheet->setObjectName(QStringLiteral("dashboardSheet"));
    scroll->viewport()->setAutoFillBackground(false);
    sheet->setAutoFillBackground(false);
    scroll->setWidget(sheet);
    outer->addWidget(scroll);
    auto *layout = new QVBoxLayout(sheet);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_offer);
    auto *grid = new QGridLayout;
    layout->addLayout(grid, 1);
    grid->addWidget(m_salesView, 0, 0, 1, 2);
    grid->addLayout(health, 0, 2);
    grid->addWidget(m_salesSummary, 1, 0, 1, 2);
    m_topView->addWidget(viewOf(m_top, QStringLiteral("topProductsChart"), body()));
    m_topView->addWidget(m_topEmpty);
    m_couponsView->addWidget(viewOf(m_coupons, QStringLiteral("couponChart"), body()));
    m_couponsView->addWidget(m_couponsEmpty);
    grid->addWidget(m_topView, 2, 0);
    grid->addWidget(m_couponsView, 2, 1);
    grid->addWidget(m_traffic, 2, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(2, 1);

    connect(m_offer, &DemoShopOffer::loaded, this, [this](const QString &report) {
        notice()->showSuccess(report);
        refresh();
    });
    connect(m_queue, &ShippingQueueTile::openRequested, this, [this] { Q_EMIT pageRequested(QStringLiteral("fulfilmentPage")); });
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_timer.start(kRefreshMs);
    m_clock.start();
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void DashboardPage::retranslateUi()
{
    setTitle(tr("Dashboard"));
    m_sales->setTitle(tr("Revenue per day, last %1 days").arg(kSalesDays));
    m_top->setTitle(tr("Top 5 products, last 3 days (units)"));
    m_coupons->setTitle(tr("Coupon issuance"));
    m_salesEmpty->setText(tr("No sales yet in the last %1 days.\nPaid orders show here per day.").arg(kSalesDays));
    m_topEmpty->setText(tr("No sales yet.\nThe best sellers of the last 3 days show here."));
    m_couponsEmpty->setText(tr("No coupon campaigns yet.\nCreate one under Coupon campaigns."));
    // The charts, the tiles and the summary are said again by the refresh a language change brings.
}

void DashboardPage::hideEvent(QHideEvent *event)
{
    // Minutes on other pages are not watched: the traffic chart shows a gap for them.
    m_traffic->markGap();
    PageWidget::hideEvent(event);
}

template<typename T>
std::function<void(const Result<T> &)> DashboardPage::answer(void (DashboardPage::*show)(const T &),
                                                             void (DashboardPage::*fail)(const Failure &))
{
    ++m_pending;
    return [this, show, fail, round = m_round](const Result<T> &r) {
        if (r) {
            (this->*show)(r.value());
        } else {
            ++m_failed;
            // An answer to a visit before the last one (the server was down then) is
            // not news: the page was cleared since, and its own reads say what holds now.
            if (round == m_round)
                notice()->showError(ErrorText::describe(r.failure()), kLoad);
            if (fail)
                (this->*fail)(r.failure());
        }
        // Every read of this round answered: if none failed, an old error is stale.
        if (--m_pending == 0 && m_failed == 0)
            notice()->resolve(kLoad);
    };
}

void DashboardPage::refresh()
{
    ++m_round;
    if (m_pending > 0)
        return; // the last round is still out: one at a time
    m_failed = 0;
    // One product is enough to know whether the shop is empty (then the demo shop is offered).
    client()->products(1, 1, this, answer<Page<Product>>(&DashboardPage::showShopSize));
    client()->salesPerDay(kSalesDays, this, answer<QList<SalesDay>>(&DashboardPage::showSales));
    client()->topProducts(3, 5, this, answer<QList<TopProduct>>(&DashboardPage::showTopProducts));
    client()->coupons(this, answer<QList<Coupon>>(&DashboardPage::showCoupons));
    // One order is enough: the answer counts the whole queue and dates its oldest.
    m_shipping->queue(QStringLiteral("UNFULFILLED"), 1, 1, this,
                      answer<ShippingClient::Queue>(&DashboardPage::showQueue, &DashboardPage::queueUnknown));
    client()->outbox(this, answer<OutboxHealth>(&DashboardPage::showOutbox, &DashboardPage::outboxUnknown));
    client()->dataPlatform(this,
                           answer<DataPlatformHealth>(&DashboardPage::showDataPlatform, &DashboardPage::dataPlatformUnknown));
    client()->metrics(this, answer<QByteArray>(&DashboardPage::showTraffic, &DashboardPage::trafficUnknown));
}

void DashboardPage::outboxUnknown(const Failure &failure)
{
    // Not "healthy" from the last read: what is known now is that it cannot be read.
    paintTile(m_outbox, tr("Outbox \u2192 Kafka"), tr("unknown"), kUnknown,
              tr("Could not be read: %1").arg(ErrorText::describe(failure).toHtmlEscaped()));
}

void DashboardPage::queueUnknown(const Failure &failure)
{
    m_queue->showUnknown(ErrorText::describe(failure));
}

void DashboardPage::dataPlatformUnknown(const Failure &failure)
{
    paintTile(m_dataPlatform, tr("Data platform"), tr("unknown"), kUnknown,
              tr("Could not be read: %1").arg(ErrorText::describe(failure).toHtmlEscaped()));
}

void DashboardPage::trafficUnknown(const Failure &)
{
    m_traffic->markGap();
}

void DashboardPage::showShopSize(const Page<Product> &products)
{
    m_offer->setShopEmpty(products.total == 0);
}

void DashboardPage::showSales(const QList<SalesDay> &days)
{
    // Thousands of won on the axis: seven-digit tick labels crowd the chart.
    auto *revenue = new QBarSet(tr("Revenue (thousands of won)"));
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
    // Nothing sold: say so in words instead of an empty chart with a made-up scale.
    m_salesView->setCurrentIndex(max > 0 ? 0 : 1);
    auto *series = new QBarSeries;
    series->append(revenue);
    series->setBarWidth(0.7);
    showBars(m_sales, series, categories, qreal(max) / 1000.0, Qt::AlignBottom, Qt::AlignLeft);
    m_sales->axes(Qt::Vertical).constFirst()->setTitleText(tr("thousands of won"));
    // Day numbers fit under 14 bars where dates would be cut; the months go in the title.
    if (!days.isEmpty()) {
        const QString first = Money::month(days.first().date);
        const QString last = Money::month(days.last().date);
        m_sales->axes(Qt::Horizontal).constFirst()->setTitleText(first == last ? first : first + QStringLiteral(" \u2013 ") + last);
    }
    m_salesSummary->setText(max > 0 ? tr("Last %1 days: <b>%2</b> revenue from <b>%3</b> orders, %4 units sold.")
                                              .arg(days.size())
                                              .arg(Money::format(total), Money::count(orders), Money::count(units))
                                    : tr("Last %1 days: no paid orders yet.").arg(days.size()));
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
    m_topView->setCurrentIndex(max > 0 ? 0 : 1);
    showBars(m_top, series, names, qreal(max), Qt::AlignLeft, Qt::AlignBottom);
    smallLabels(m_top);
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
        // The counts first: when the axis has to cut a label, it cuts the name's end.
        // The axis shows about kLabelChars before it cuts: the name gets what the counts leave.
        const QString counts = QStringLiteral("%1/%2").arg(Money::count(it->issued), Money::count(it->quantity));
        const qsizetype room = qMax<qsizetype>(4, kLabelChars - counts.size() - 2);
        QString name = it->name;
        if (name.size() > room) {
            name = name.left(room);
            if (const qsizetype space = name.lastIndexOf(QLatin1Char(' ')); space >= 4)
                name = name.left(space);
            name = name.trimmed() + QChar(0x2026);
        }
        names << counts + QLatin1Char(' ') + name;
        max = qMax(max, it->quantity);
    }
    auto *series = new QHorizontalStackedBarSeries;
    series->append(issued);
    series->append(left);
    m_couponsView->setCurrentIndex(shown.isEmpty() ? 1 : 0);
    showBars(m_coupons, series, names, qreal(max), Qt::AlignLeft, Qt::AlignBottom);
    smallLabels(m_coupons);
    m_coupons->legend()->show();
    m_coupons->legend()->setAlignment(Qt::AlignBottom);
}

void DashboardPage::showQueue(const ShippingClient::Queue &queue)
{
    m_queue->showQueue(queue.counts.value(QStringLiteral("UNFULFILLED")), queue.counts.value(QStringLiteral("PACKED")),
                       queue.oldestWaitingPaidAt, QDateTime::currentDateTimeUtc());
}

void DashboardPage::showOutbox(const OutboxHealth &o)
{
    const bool failing = o.failed > 0;
    const bool behind = o.oldestPendingSeconds > 30;
    paintTile(m_outbox, tr("Outbox \u2192 Kafka"), failing ? tr("failing") : behind ? tr("behind") : tr("healthy"),
              failing ? QColor(0xd9, 0x30, 0x25) : behind ? kWarm : QColor(0x1e, 0x8e, 0x3e),
              tr("%1 published &nbsp; %2 pending &nbsp; %3 failed<br>%4")
                      .arg(Money::count(o.published), Money::count(o.pending), Money::count(o.failed),
                           oldestPending(o.oldestPendingSeconds)));
}

QString DashboardPage::oldestPending(qint64 seconds)
{
    if (seconds >= 2 * 24 * 3600)
        return tr("oldest pending: %n day(s)", "", int(seconds / (24 * 3600)));
    if (seconds >= 2 * 3600)
        return tr("oldest pending: %n hour(s)", "", int(seconds / 3600));
    if (seconds >= 120)
        return tr("oldest pending: %n minute(s)", "", int(seconds / 60));
    return tr("oldest pending: %n s", "seconds", int(seconds));
}

void DashboardPage::showDataPlatform(const DataPlatformHealth &p)
{
    const bool lagging = p.lag > 100;
    const QString last = p.lastEventAt.isValid() ? Money::dateTime(p.lastEventAt, true) : tr("none yet");
    paintTile(m_dataPlatform, tr("Data platform"), lagging ? tr("lagging") : tr("healthy"),
              lagging ? kWarm : QColor(0x1e, 0x8e, 0x3e),
              tr("%1 events received &nbsp; lag %2<br>last event: %3").arg(Money::count(p.received), Money::count(p.lag), last));
}

void DashboardPage::showTraffic(const QByteArray &metrics)
{
    const QString now = m_traffic->addSample(MetricsSnapshot::parse(metrics), m_clock.elapsed());
    m_trafficNow->setText(now.isEmpty() ? tr("Measuring request rate\u2026") : now);
}

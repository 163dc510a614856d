#include "TrafficChart.h"

#include "NiceScale.h"
#include "Retranslate.h"

#include <cmath>

#include <QtCharts/QChart>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

namespace {
const QColor kAccent(0x1a, 0x73, 0xe8);
const QColor kWarm(0xf2, 0x99, 0x1c);
}

TrafficChart::TrafficChart(QWidget *parent)
    : QChartView(new QChart, parent), m_time(new QValueAxis), m_rateAxis(new QValueAxis), m_msAxis(new QValueAxis)
{
    QChart *c = chart();
    QFont font = c->titleFont();
    font.setBold(true);
    c->setTitleFont(font);
    c->setAnimationOptions(QChart::NoAnimation);
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setBackgroundRoundness(6);
    m_time->setLabelFormat(QStringLiteral("%.0f"));
    m_rateAxis->setLabelFormat(QStringLiteral("%.0f"));
    c->addAxis(m_time, Qt::AlignBottom);
    c->addAxis(m_rateAxis, Qt::AlignLeft);
    c->addAxis(m_msAxis, Qt::AlignRight);
    c->legend()->show();
    c->legend()->setAlignment(Qt::AlignBottom);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(230);
    rescale(0);
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void TrafficChart::retranslateUi()
{
    chart()->setTitle(tr("Requests and p95 latency")); // the legend and axes give the units
    m_time->setTitleText(tr("seconds on this page"));
    setAccessibleName(tr("Requests and p95 latency"));
    for (QLineSeries *rate : std::as_const(m_rate))
        rate->setName(tr("requests/s"));
    for (QLineSeries *p95 : std::as_const(m_p95))
        p95->setName(tr("p95 ms"));
}

void TrafficChart::startSegment()
{
    auto *rate = new QLineSeries;
    auto *p95 = new QLineSeries;
    rate->setName(tr("requests/s"));
    rate->setColor(kAccent);
    p95->setName(tr("p95 ms"));
    p95->setColor(kWarm);
    chart()->addSeries(rate);
    chart()->addSeries(p95);
    rate->attachAxis(m_time);
    rate->attachAxis(m_rateAxis);
    p95->attachAxis(m_time);
    p95->attachAxis(m_msAxis);
    // One legend entry per line, whatever the number of segments.
    if (!m_rate.isEmpty()) {
        for (QLegendMarker *marker : chart()->legend()->markers(rate) + chart()->legend()->markers(p95))
            marker->setVisible(false);
    }
    m_rate.append(rate);
    m_p95.append(p95);
}

QString TrafficChart::addSample(const MetricsSnapshot &now, qint64 atMs)
{
    const bool gap = m_gap || m_lastAt < 0 || atMs - m_lastAt > kGapMs || atMs <= m_lastAt;
    const MetricsSnapshot before = m_last;
    const qint64 beforeAt = m_lastAt;
    m_last = now;
    m_lastAt = atMs;
    if (gap) {
        m_gap = false;
        if (m_rate.isEmpty() || m_rate.constLast()->count() > 0)
            startSegment();
        return QString();
    }
    const double seconds = (atMs - beforeAt) / 1000.0;
    const double x = atMs / 1000.0;
    const double rate = now.rateSince(before, seconds);
    const double p95 = now.quantileMsSince(before, 0.95);
    m_rate.constLast()->append(x, rate);
    m_p95.constLast()->append(x, p95);
    rescale(x);
    return tr("Now: <b>%1</b> requests/s, mean %2 ms, p95 %3 ms")
            .arg(rate, 0, 'f', 1)
            .arg(now.meanMsSince(before), 0, 'f', 1)
            .arg(p95, 0, 'f', 1);
}

void TrafficChart::rescale(double now)
{
    // Only the last few minutes: older points go, and so do segments left empty.
    const double from = now - kWindowSeconds;
    for (int i = int(m_rate.size()) - 1; i >= 0; --i) {
        QLineSeries *rate = m_rate[i];
        QLineSeries *p95 = m_p95[i];
        while (rate->count() > 0 && rate->at(0).x() < from) {
            rate->remove(0);
            p95->remove(0);
        }
        if (rate->count() == 0 && i < m_rate.size() - 1) {
            chart()->removeSeries(rate);
            chart()->removeSeries(p95);
            delete rate;
            delete p95;
            m_rate.removeAt(i);
            m_p95.removeAt(i);
        }
    }
    double first = now, topRate = 0, topMs = 0;
    for (int i = 0; i < m_rate.size(); ++i) {
        for (const QPointF &p : m_rate[i]->points()) {
            first = qMin(first, p.x());
            topRate = qMax(topRate, p.y());
        }
        for (const QPointF &p : m_p95[i]->points())
            topMs = qMax(topMs, p.y());
    }
    const NiceScale rates = NiceScale::forMaximum(topRate * 1.1, true, 4);
    const NiceScale ms = NiceScale::forMaximum(topMs * 1.1, false, 4);
    m_rateAxis->setRange(0, rates.top);
    m_rateAxis->setTickCount(rates.ticks);
    m_rateAxis->setLabelFormat(QString::fromLatin1(rates.labelFormat()));
    m_msAxis->setRange(0, ms.top);
    m_msAxis->setTickCount(ms.ticks);
    m_msAxis->setLabelFormat(QString::fromLatin1(ms.labelFormat()));
    // The time axis in whole, round seconds, like the value axes: a first second
    // spread over five ticks printed as "0 0 0 1 1 1" read as nonsense.
    NiceScale seconds = NiceScale::forMaximum(qMax(now - first, 10.0), true, 5);
    const double start = std::floor(first / seconds.step) * seconds.step;
    if (start + seconds.top < now)
        seconds = NiceScale::forMaximum(now - start, true, 5);
    m_time->setRange(start, start + seconds.top);
    m_time->setTickCount(seconds.ticks);
    m_time->setLabelFormat(QString::fromLatin1(seconds.labelFormat()));
}

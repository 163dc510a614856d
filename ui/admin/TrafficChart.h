#pragma once

#include "MetricsSnapshot.h"

#include <QtCharts/QChartView>
#include <QtCore/QList>

class QLineSeries;
class QValueAxis;

// Requests per second and p95 latency between reads of /metrics. Time the chart did
// not watch (the admin on another page, the server away) is a gap, not a straight line
// drawn over it: after a gap a new segment starts, and its first read is only a new
// baseline (a rate over minutes unseen would be an average posing as a sample).
class TrafficChart : public QChartView
{
    Q_OBJECT
public:
    explicit TrafficChart(QWidget *parent = nullptr);

    // One read of /metrics at `atMs` (a steady clock). Returns the rate and latency
    // line for "Now: …", empty while there is no baseline.
    QString addSample(const MetricsSnapshot &now, qint64 atMs);
    // The next read starts a new segment (the page was hidden, a read failed).
    void markGap() { m_gap = true; }
    int segmentCount() const { return int(m_rate.size()); }

    // Reads further apart than this are a gap too.
    static constexpr int kGapMs = 12000;
    static constexpr int kWindowSeconds = 300;

private:
    void startSegment();
    void retranslateUi();
    void rescale(double now);

    QList<QLineSeries *> m_rate;
    QList<QLineSeries *> m_p95;
    QValueAxis *m_time;
    QValueAxis *m_rateAxis;
    QValueAxis *m_msAxis;
    MetricsSnapshot m_last;
    qint64 m_lastAt = -1;
    bool m_gap = true;
};

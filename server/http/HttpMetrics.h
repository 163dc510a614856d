#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QMap>
#include <QtCore/QMutex>
#include <QtCore/QString>

#include <array>
#include <functional>
#include <vector>

// Request counts and latency histograms per route, in Prometheus text format.
// Shared by all workers; one short lock per request.
class HttpMetrics
{
public:
    void observe(const QString &route, const QByteArray &method, int status, double seconds, int worker);
    // Other parts of the server (connections, outbox, caches) add their own lines.
    void addCollector(std::function<QByteArray()> collector);
    QByteArray prometheusText() const;

    static constexpr std::array<double, 12> kBuckets { 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                       0.05,   0.1,   0.25,   0.5,   1.0,  2.5 };

private:
    struct Histogram {
        std::array<quint64, kBuckets.size()> buckets {};
        quint64 count = 0;
        double sum = 0;
    };
    mutable QMutex m_mutex;
    // Ordered maps: the exposition stays stable between scrapes.
    QMap<QString, quint64> m_requests; // key: route \t method \t status
    QMap<QString, Histogram> m_latency; // key: route \t method
    QMap<int, quint64> m_perWorker;
    std::vector<std::function<QByteArray()>> m_collectors;
};

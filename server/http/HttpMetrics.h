#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QMap>
#include <QtCore/QMutex>
#include <QtCore/QString>

#include <array>
#include <functional>
#include <vector>

// Request counts and latency histograms per route, in Prometheus text format.
// Shared by all workers, but each worker counts into its own shard (its own lock,
// which only a scrape ever contends), so requests on different workers never wait
// for one another here; a scrape adds the shards up.
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
    struct Shard {
        mutable QMutex mutex;
        QMap<QString, quint64> requests; // key: route \t method \t status
        QMap<QString, Histogram> latency; // key: route \t method
        quint64 answered = 0;
    };
    // One per worker (more workers than this share shards by index, still correct).
    static constexpr int kShards = 64;
    std::array<Shard, kShards> m_shards;
    mutable QMutex m_collectorsMutex;
    std::vector<std::function<QByteArray()>> m_collectors;
};

#include "HttpMetrics.h"

namespace {
QByteArray label(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}
}

void HttpMetrics::observe(const QString &route, const QByteArray &method, int status, double seconds, int worker)
{
    const QString routeKey = route + QLatin1Char('\t') + QLatin1String(method);
    Shard &shard = m_shards[size_t((worker < 0 ? -worker : worker) % kShards)];
    QMutexLocker lock(&shard.mutex);
    ++shard.requests[routeKey + QLatin1Char('\t') + QString::number(status)];
    Histogram &h = shard.latency[routeKey];
    ++h.count;
    h.sum += seconds;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++h.buckets[i];
    }
    ++shard.answered;
}

void HttpMetrics::addCollector(std::function<QByteArray()> collector)
{
    QMutexLocker lock(&m_collectorsMutex);
    m_collectors.push_back(std::move(collector));
}

QByteArray HttpMetrics::prometheusText() const
{
    // Ordered maps: the exposition stays stable between scrapes.
    QMap<QString, quint64> requests;
    QMap<QString, Histogram> latency;
    QMap<int, quint64> perWorker;
    for (int i = 0; i < kShards; ++i) {
        const Shard &shard = m_shards[size_t(i)];
        QMutexLocker lock(&shard.mutex);
        for (auto it = shard.requests.cbegin(); it != shard.requests.cend(); ++it)
            requests[it.key()] += it.value();
        for (auto it = shard.latency.cbegin(); it != shard.latency.cend(); ++it) {
            Histogram &h = latency[it.key()];
            for (size_t b = 0; b < kBuckets.size(); ++b)
                h.buckets[b] += it->buckets[b];
            h.count += it->count;
            h.sum += it->sum;
        }
        if (shard.answered)
            perWorker[i] = shard.answered;
    }
    QByteArray out;
    out += "# HELP http_requests_total HTTP requests answered, by route template, method and status.\n"
           "# TYPE http_requests_total counter\n";
    for (auto it = requests.cbegin(); it != requests.cend(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('\t'));
        out += "http_requests_total{route=\"" + label(parts[0]) + "\",method=\"" + label(parts[1])
                + "\",status=\"" + label(parts[2]) + "\"} " + QByteArray::number(it.value()) + '\n';
    }
    out += "# HELP http_request_duration_seconds Time from request head to answer, by route template.\n"
           "# TYPE http_request_duration_seconds histogram\n";
    for (auto it = latency.cbegin(); it != latency.cend(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('\t'));
        const QByteArray labels = "route=\"" + label(parts[0]) + "\",method=\"" + label(parts[1]) + '"';
        for (size_t i = 0; i < kBuckets.size(); ++i)
            out += "http_request_duration_seconds_bucket{" + labels + ",le=\"" + QByteArray::number(kBuckets[i])
                    + "\"} " + QByteArray::number(it->buckets[i]) + '\n';
        out += "http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " + QByteArray::number(it->count)
                + '\n';
        out += "http_request_duration_seconds_sum{" + labels + "} " + QByteArray::number(it->sum, 'f', 6) + '\n';
        out += "http_request_duration_seconds_count{" + labels + "} " + QByteArray::number(it->count) + '\n';
    }
    out += "# HELP http_worker_requests_total Requests answered by each worker thread (SO_REUSEPORT spread).\n"
           "# TYPE http_worker_requests_total counter\n";
    for (auto it = perWorker.cbegin(); it != perWorker.cend(); ++it)
        out += "http_worker_requests_total{worker=\"" + QByteArray::number(it.key()) + "\"} "
                + QByteArray::number(it.value()) + '\n';
    std::vector<std::function<QByteArray()>> collectors;
    {
        QMutexLocker lock(&m_collectorsMutex);
        collectors = m_collectors;
    }
    for (const auto &collect : collectors)
        out += collect();
    return out;
}

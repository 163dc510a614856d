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
    const QString methodText = QString::fromLatin1(method);
    const QString routeKey = route + QLatin1Char('\t') + methodText;
    QMutexLocker lock(&m_mutex);
    ++m_requests[routeKey + QLatin1Char('\t') + QString::number(status)];
    Histogram &h = m_latency[routeKey];
    ++h.count;
    h.sum += seconds;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++h.buckets[i];
    }
    ++m_perWorker[worker];
}

void HttpMetrics::addCollector(std::function<QByteArray()> collector)
{
    QMutexLocker lock(&m_mutex);
    m_collectors.push_back(std::move(collector));
}

QByteArray HttpMetrics::prometheusText() const
{
    QByteArray out;
    std::vector<std::function<QByteArray()>> collectors;
    {
        QMutexLocker lock(&m_mutex);
        const auto &requests = m_requests;
        out += "# HELP http_requests_total HTTP requests answered, by route template, method and status.\n"
               "# TYPE http_requests_total counter\n";
        for (auto it = requests.cbegin(); it != requests.cend(); ++it) {
            const QStringList parts = it.key().split(QLatin1Char('\t'));
            out += "http_requests_total{route=\"" + label(parts[0]) + "\",method=\"" + label(parts[1])
                    + "\",status=\"" + label(parts[2]) + "\"} " + QByteArray::number(it.value()) + '\n';
        }
        const auto &latency = m_latency;
        out += "# HELP http_request_duration_seconds Time from request head to answer, by route template.\n"
               "# TYPE http_request_duration_seconds histogram\n";
        for (auto it = latency.cbegin(); it != latency.cend(); ++it) {
            const QStringList parts = it.key().split(QLatin1Char('\t'));
            const QByteArray labels = "route=\"" + label(parts[0]) + "\",method=\"" + label(parts[1]) + '"';
            for (size_t i = 0; i < kBuckets.size(); ++i)
                out += "http_request_duration_seconds_bucket{" + labels + ",le=\""
                        + QByteArray::number(kBuckets[i]) + "\"} " + QByteArray::number(it->buckets[i]) + '\n';
            out += "http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} "
                    + QByteArray::number(it->count) + '\n';
            out += "http_request_duration_seconds_sum{" + labels + "} " + QByteArray::number(it->sum, 'f', 6) + '\n';
            out += "http_request_duration_seconds_count{" + labels + "} " + QByteArray::number(it->count) + '\n';
        }
        const auto &perWorker = m_perWorker;
        out += "# HELP http_worker_requests_total Requests answered by each worker thread (SO_REUSEPORT spread).\n"
               "# TYPE http_worker_requests_total counter\n";
        for (auto it = perWorker.cbegin(); it != perWorker.cend(); ++it)
            out += "http_worker_requests_total{worker=\"" + QByteArray::number(it.key()) + "\"} "
                    + QByteArray::number(it.value()) + '\n';
        collectors = m_collectors;
    }
    for (const auto &collect : collectors)
        out += collect();
    return out;
}

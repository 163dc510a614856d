#include "MetricsSnapshot.h"

#include <QtCore/QList>

#include <cmath>
#include <limits>

namespace {
// "name{labels} value" → value; the label "le" when asked for.
double sampleValue(const QByteArray &line)
{
    return line.mid(line.lastIndexOf(' ') + 1).toDouble();
}

double leOf(const QByteArray &line)
{
    const int at = line.indexOf("le=\"");
    if (at < 0)
        return std::numeric_limits<double>::quiet_NaN();
    const int end = line.indexOf('"', at + 4);
    const QByteArray le = line.mid(at + 4, end - at - 4);
    return le == "+Inf" ? std::numeric_limits<double>::infinity() : le.toDouble();
}
}

MetricsSnapshot MetricsSnapshot::parse(const QByteArray &text)
{
    MetricsSnapshot s;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith("http_requests_total{"))
            s.requests += sampleValue(line);
        else if (line.startsWith("http_request_duration_seconds_sum{"))
            s.latencySum += sampleValue(line);
        else if (line.startsWith("http_request_duration_seconds_count{"))
            s.latencyCount += sampleValue(line);
        else if (line.startsWith("http_request_duration_seconds_bucket{"))
            s.buckets[leOf(line)] += sampleValue(line);
    }
    return s;
}

double MetricsSnapshot::rateSince(const MetricsSnapshot &before, double seconds) const
{
    return seconds > 0 ? qMax(0.0, requests - before.requests) / seconds : 0;
}

double MetricsSnapshot::meanMsSince(const MetricsSnapshot &before) const
{
    const double count = latencyCount - before.latencyCount;
    return count > 0 ? 1000.0 * (latencySum - before.latencySum) / count : 0;
}

double MetricsSnapshot::quantileMsSince(const MetricsSnapshot &before, double q) const
{
    const double total = latencyCount - before.latencyCount;
    if (total <= 0 || buckets.isEmpty())
        return 0;
    const double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        const double count = it.value() - before.buckets.value(it.key());
        if (count >= rank) {
            // Past the last finite bucket Prometheus answers that bucket's bound.
            if (std::isinf(it.key()))
                return 1000.0 * lowerBound;
            const double inBucket = count - lowerCount;
            const double share = inBucket > 0 ? (rank - lowerCount) / inBucket : 1;
            return 1000.0 * (lowerBound + (it.key() - lowerBound) * share);
        }
        lowerBound = it.key();
        lowerCount = count;
    }
    return 1000.0 * lowerBound;
}

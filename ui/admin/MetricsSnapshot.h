#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QMap>

// The server's request counters from /metrics (Prometheus text) at one moment, summed
// over routes. Two snapshots give the request rate and latency in between.
struct MetricsSnapshot {
    double requests = 0;       // http_requests_total, all routes and statuses
    double latencySum = 0;     // http_request_duration_seconds_sum
    double latencyCount = 0;   // http_request_duration_seconds_count
    QMap<double, double> buckets; // le → cumulative count; +Inf as infinity

    static MetricsSnapshot parse(const QByteArray &text);

    // Requests per second since `before`, `seconds` earlier.
    double rateSince(const MetricsSnapshot &before, double seconds) const;
    // Mean latency in ms of the requests since `before`; 0 when there were none.
    double meanMsSince(const MetricsSnapshot &before) const;
    // The q-quantile (0..1) in ms since `before`, interpolated in its bucket as
    // Prometheus's histogram_quantile does; 0 when there were no requests.
    double quantileMsSince(const MetricsSnapshot &before, double q) const;
};

#include "MetricsSnapshot.h"

#include <QtTest/QTest>

// The dashboard's request rate and latency come from two /metrics scrapes.
class tst_MetricsSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sumsOverRoutes();
    void rateAndLatencyBetweenScrapes();
    void noRequestsMeansZero();
};

namespace {
QByteArray scrape(int a, int b, double sumA, double sumB, const QList<int> &bucketsA, const QList<int> &bucketsB)
{
    const QList<QByteArray> les { "0.001", "0.01", "0.1", "+Inf" };
    QByteArray out = "# TYPE http_requests_total counter\n";
    out += "http_requests_total{route=\"/a\",method=\"GET\",status=\"200\"} " + QByteArray::number(a) + "\n";
    out += "http_requests_total{route=\"/b\",method=\"POST\",status=\"201\"} " + QByteArray::number(b) + "\n";
    for (int i = 0; i < les.size(); ++i) {
        out += "http_request_duration_seconds_bucket{route=\"/a\",method=\"GET\",le=\"" + les[i] + "\"} "
                + QByteArray::number(bucketsA[i]) + "\n";
        out += "http_request_duration_seconds_bucket{route=\"/b\",method=\"POST\",le=\"" + les[i] + "\"} "
                + QByteArray::number(bucketsB[i]) + "\n";
    }
    out += "http_request_duration_seconds_sum{route=\"/a\",method=\"GET\"} " + QByteArray::number(sumA) + "\n";
    out += "http_request_duration_seconds_count{route=\"/a\",method=\"GET\"} " + QByteArray::number(a) + "\n";
    out += "http_request_duration_seconds_sum{route=\"/b\",method=\"POST\"} " + QByteArray::number(sumB) + "\n";
    out += "http_request_duration_seconds_count{route=\"/b\",method=\"POST\"} " + QByteArray::number(b) + "\n";
    out += "outbox_pending 3\n";
    return out;
}
}

void tst_MetricsSnapshot::sumsOverRoutes()
{
    const MetricsSnapshot s = MetricsSnapshot::parse(scrape(10, 5, 0.02, 0.5, { 5, 9, 10, 10 }, { 0, 1, 5, 5 }));
    QCOMPARE(s.requests, 15.0);
    QCOMPARE(s.latencyCount, 15.0);
    QCOMPARE(s.latencySum, 0.52);
    QCOMPARE(s.buckets.value(0.01), 10.0);
    QCOMPARE(s.buckets.value(std::numeric_limits<double>::infinity()), 15.0);
}

void tst_MetricsSnapshot::rateAndLatencyBetweenScrapes()
{
    const MetricsSnapshot before = MetricsSnapshot::parse(scrape(10, 0, 0.01, 0, { 10, 10, 10, 10 }, { 0, 0, 0, 0 }));
    // 100 more requests in 2 s: 90 under 1 ms, 10 between 10 and 100 ms, 0.5 s in all.
    const MetricsSnapshot after = MetricsSnapshot::parse(scrape(100, 10, 0.05, 0.46, { 100, 100, 100, 100 }, { 0, 0, 10, 10 }));
    QCOMPARE(after.rateSince(before, 2.0), 50.0);
    QCOMPARE(after.meanMsSince(before), 5.0);
    // Rank 95 of 100 falls in (0.01, 0.1] holding ranks 91..100: halfway → 55 ms.
    QCOMPARE(after.quantileMsSince(before, 0.95), 55.0);
    QVERIFY(after.quantileMsSince(before, 0.5) <= 1.0);
}

void tst_MetricsSnapshot::noRequestsMeansZero()
{
    const MetricsSnapshot s = MetricsSnapshot::parse(scrape(10, 5, 0.02, 0.5, { 5, 9, 10, 10 }, { 0, 1, 5, 5 }));
    QCOMPARE(s.rateSince(s, 5.0), 0.0);
    QCOMPARE(s.meanMsSince(s), 0.0);
    QCOMPARE(s.quantileMsSince(s, 0.95), 0.0);
}

QTEST_APPLESS_MAIN(tst_MetricsSnapshot)
#include "tst_metricssnapshot.moc"

#include "HttpClient.h"
#include "Loopback.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

// Debian's prometheus, run with the shipped scrape config and alert rules, against
// storefront-server on its local stack: the series the rules and the Grafana
// dashboard use must be scraped, and every rule and panel query must evaluate.
class tst_Prometheus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void serverIsScraped();
    void requestSeriesCountRequests();
    void dependencyGaugesMirrorReadyz();
    void outboxAndDataPlatformSeries();
    void alertRulesEvaluateAndStayQuiet();
    void dashboardQueriesEvaluate();

private:
    // The query API's data.result for an instant query; empty on any failure.
    QJsonArray query(const QString &expr, QString *status = nullptr);
    QString prometheusLog() const;

    QTemporaryDir m_dir;
    QProcess m_server;
    QProcess m_prometheus;
    quint16 m_serverPort = 0;
    std::unique_ptr<HttpClient> m_shop;
    std::unique_ptr<HttpClient> m_api;
};

namespace {
// Replaces `from` by `to` in `text`; false (and the text unchanged) when `from` is absent,
// so a change to the shipped file fails here instead of testing something else.
bool substitute(QByteArray &text, const QByteArray &from, const QByteArray &to)
{
    if (!text.contains(from))
        return false;
    text.replace(from, to);
    return true;
}
}

void tst_Prometheus::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString binary = qEnvironmentVariable("STOREFRONT_SERVER_BINARY");
    if (binary.isEmpty())
        QSKIP("STOREFRONT_SERVER_BINARY is not set (run through ctest)");
    const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
    QVERIFY2(!prometheus.isEmpty(), "prometheus is not installed: run installer/install-deps.sh");

    m_serverPort = Loopback::freePort();
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server.start(binary, { QStringLiteral("serve"), QStringLiteral("--stack"), m_dir.filePath(QStringLiteral("stack")),
                             QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_serverPort),
                             QStringLiteral("--workers"), QStringLiteral("4") });
    QVERIFY(m_server.waitForStarted());
    m_shop = std::make_unique<HttpClient>(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_serverPort)));
    QTRY_VERIFY_WITH_TIMEOUT(m_shop->get(QStringLiteral("/readyz")).status == 200, 60000);

    // The shipped files, with the target and intervals made fit for a test.
    QFile shippedConfig(QStringLiteral(STOREFRONT_MONITORING_DIR "/prometheus.yml"));
    QVERIFY(shippedConfig.open(QIODevice::ReadOnly));
    QByteArray config = shippedConfig.readAll();
    QVERIFY(substitute(config, "127.0.0.1:8080", "127.0.0.1:" + QByteArray::number(m_serverPort)));
    QVERIFY(substitute(config, "scrape_interval: 15s", "scrape_interval: 1s"));
    QVERIFY(substitute(config, "evaluation_interval: 15s", "evaluation_interval: 1s"));
    QVERIFY(substitute(config, "scrape_timeout: 5s", "scrape_timeout: 1s"));
    QFile configFile(m_dir.filePath(QStringLiteral("prometheus.yml")));
    QVERIFY(configFile.open(QIODevice::WriteOnly) && configFile.write(config) == config.size());
    configFile.close();
    QVERIFY(QFile::copy(QStringLiteral(STOREFRONT_MONITORING_DIR "/storefront-alerts.yml"),
                        m_dir.filePath(QStringLiteral("storefront-alerts.yml"))));

    const quint16 apiPort = Loopback::freePort();
    m_prometheus.setProcessChannelMode(QProcess::MergedChannels);
    m_prometheus.setStandardOutputFile(m_dir.filePath(QStringLiteral("prometheus.log")));
    m_prometheus.start(prometheus, { QStringLiteral("--config.file=%1").arg(configFile.fileName()),
                                     QStringLiteral("--storage.tsdb.path=%1").arg(m_dir.filePath(QStringLiteral("tsdb"))),
                                     QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(apiPort) });
    QVERIFY(m_prometheus.waitForStarted());
    m_api = std::make_unique<HttpClient>(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(apiPort)));
    QTRY_VERIFY2_WITH_TIMEOUT(m_api->get(QStringLiteral("/-/ready")).status == 200, qPrintable(prometheusLog()), 30000);
}

void tst_Prometheus::cleanupTestCase()
{
    for (QProcess *process : { &m_prometheus, &m_server }) {
        if (process->state() == QProcess::NotRunning)
            continue;
        process->terminate();
        if (!process->waitForFinished(30000))
            process->kill();
    }
}

QString tst_Prometheus::prometheusLog() const
{
    QFile log(m_dir.filePath(QStringLiteral("prometheus.log")));
    return log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll().right(4000)) : QStringLiteral("(no log)");
}

QJsonArray tst_Prometheus::query(const QString &expr, QString *status)
{
    const HttpClient::Reply reply = m_api->get(QStringLiteral("/api/v1/query?query=")
                                               + QString::fromLatin1(QUrl::toPercentEncoding(expr)));
    const QJsonObject body = reply.json();
    if (status)
        *status = body.value(QStringLiteral("status")).toString() + QLatin1Char(' ')
                + body.value(QStringLiteral("error")).toString();
    if (reply.status != 200)
        return {};
    return body.value(QStringLiteral("data")).toObject().value(QStringLiteral("result")).toArray();
}

namespace {
QString labelOf(const QJsonValue &sample, const char *label)
{
    return sample.toObject().value(QStringLiteral("metric")).toObject().value(QLatin1String(label)).toString();
}
double valueOf(const QJsonValue &sample)
{
    return sample.toObject().value(QStringLiteral("value")).toArray().at(1).toString().toDouble();
}
}

void tst_Prometheus::serverIsScraped()
{
    const QString expr = QStringLiteral("up{job=\"storefront\"}");
    QTRY_VERIFY2_WITH_TIMEOUT(query(expr).size() == 1 && valueOf(query(expr).at(0)) == 1.0, qPrintable(prometheusLog()),
                              30000);
    const QJsonArray up = query(expr);
    QCOMPARE(labelOf(up.at(0), "instance"), QStringLiteral("127.0.0.1:%1").arg(m_serverPort));
    QCOMPARE(labelOf(up.at(0), "service"), QStringLiteral("storefront"));
}

void tst_Prometheus::requestSeriesCountRequests()
{
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_shop->get(QStringLiteral("/healthz")).status, 200);
    const QString expr = QStringLiteral("http_requests_total{job=\"storefront\", route=\"/healthz\", method=\"GET\", status=\"200\"}");
    QTRY_VERIFY_WITH_TIMEOUT(!query(expr).isEmpty() && valueOf(query(expr).at(0)) >= 5, 30000);
    const QString latency = QStringLiteral("http_request_duration_seconds_count{job=\"storefront\", route=\"/healthz\"}");
    QTRY_VERIFY_WITH_TIMEOUT(!query(latency).isEmpty() && valueOf(query(latency).at(0)) >= 5, 30000);
}

void tst_Prometheus::dependencyGaugesMirrorReadyz()
{
    const QString expr = QStringLiteral("storefront_dependency_up{job=\"storefront\"}");
    QTRY_COMPARE_WITH_TIMEOUT(query(expr).size(), 3, 30000);
    QStringList dependencies;
    for (const QJsonValue &sample : query(expr)) {
        dependencies << labelOf(sample, "dependency");
        QCOMPARE(valueOf(sample), 1.0);
    }
    dependencies.sort();
    QCOMPARE(dependencies, (QStringList { "kafka", "mysql", "redis" }));
}

void tst_Prometheus::outboxAndDataPlatformSeries()
{
    for (const char *name : { "outbox_pending", "outbox_failed", "outbox_oldest_pending_seconds", "outbox_published_total",
                              "data_platform_events_stored_total", "data_platform_duplicates_total",
                              "http_open_connections" }) {
        const QString expr = QStringLiteral("%1{job=\"storefront\"}").arg(QLatin1String(name));
        QTRY_VERIFY2_WITH_TIMEOUT(query(expr).size() == 1, name, 30000);
    }
    QCOMPARE(valueOf(query(QStringLiteral("outbox_failed{job=\"storefront\"}")).at(0)), 0.0);
}

void tst_Prometheus::alertRulesEvaluateAndStayQuiet()
{
    QFile rulesFile(m_dir.filePath(QStringLiteral("storefront-alerts.yml")));
    QVERIFY(rulesFile.open(QIODevice::ReadOnly));
    const int shipped = int(rulesFile.readAll().count("- alert: "));
    QVERIFY(shipped >= 7);

    // Every rule evaluated at least once without error; on a healthy server none pends.
    const auto rules = [this] {
        QJsonArray all;
        const QJsonArray groups = m_api->get(QStringLiteral("/api/v1/rules")).json().value(QStringLiteral("data")).toObject()
                                          .value(QStringLiteral("groups")).toArray();
        for (const QJsonValue &group : groups)
            for (const QJsonValue &rule : group.toObject().value(QStringLiteral("rules")).toArray())
                all.append(rule);
        return all;
    };
    const auto evaluated = [&] {
        const QJsonArray all = rules();
        if (all.size() != shipped)
            return false;
        for (const QJsonValue &rule : all) {
            if (rule.toObject().value(QStringLiteral("lastEvaluation")).toString().startsWith(QLatin1String("0001-")))
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(evaluated(), 30000);
    for (const QJsonValue &rule : rules()) {
        const QJsonObject r = rule.toObject();
        const QByteArray name = r.value(QStringLiteral("name")).toString().toUtf8();
        QVERIFY2(r.value(QStringLiteral("health")).toString() == QLatin1String("ok"),
                 name + ": " + r.value(QStringLiteral("lastError")).toString().toUtf8());
        QVERIFY2(r.value(QStringLiteral("state")).toString() == QLatin1String("inactive"),
                 name + " is " + r.value(QStringLiteral("state")).toString().toUtf8());
    }
}

void tst_Prometheus::dashboardQueriesEvaluate()
{
    QFile file(QStringLiteral(STOREFRONT_MONITORING_DIR "/grafana-dashboard.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject dashboard = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray panels = dashboard.value(QStringLiteral("panels")).toArray();
    int queries = 0;
    for (const QJsonValue &panel : panels) {
        const QString title = panel.toObject().value(QStringLiteral("title")).toString();
        for (const QJsonValue &target : panel.toObject().value(QStringLiteral("targets")).toArray()) {
            // Grafana's variables, as Grafana would fill them in.
            QString expr = target.toObject().value(QStringLiteral("expr")).toString();
            expr.replace(QLatin1String("$__rate_interval"), QLatin1String("1m")).replace(QLatin1String("$instance"), QLatin1String(".*"));
            QVERIFY2(!expr.contains(QLatin1Char('$')), qPrintable(title + QStringLiteral(": unknown variable in ") + expr));
            ++queries;
            QString status;
            query(expr, &status);
            QVERIFY2(status.startsWith(QLatin1String("success")), qPrintable(title + QStringLiteral(": ") + status));
            // Series a healthy test server never makes (5xx) evaluate, but empty.
            const bool expectData = !expr.contains(QLatin1String("status=~\"5.."));
            if (expectData)
                QTRY_VERIFY2_WITH_TIMEOUT(!query(expr).isEmpty(), qPrintable(title + QStringLiteral(": no data for ") + expr), 30000);
        }
    }
    QVERIFY(queries >= 15);
}

QTEST_GUILESS_MAIN(tst_Prometheus)
#include "tst_prometheus.moc"

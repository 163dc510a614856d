#include "LoadBalancer.h"

#include "HttpClient.h"
#include "Loopback.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QStandardPaths>
#include <QtTest/QTest>

LoadBalancer::LoadBalancer() : m_dir(QDir::tempPath() + QStringLiteral("/storefront-haproxy-XXXXXX"))
{
}

LoadBalancer::~LoadBalancer()
{
    stop();
}

QString LoadBalancer::executable()
{
    const QString found = QStandardPaths::findExecutable(QStringLiteral("haproxy"));
    return found.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("haproxy"), { QStringLiteral("/usr/sbin") }) : found;
}

QString LoadBalancer::configFor(quint16 listenPort, const QList<quint16> &backends, const QString &tlsPem)
{
    QFile file(QStringLiteral(STOREFRONT_CLUSTER_DIR "/haproxy.cfg.in"));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    QStringList servers;
    for (int i = 0; i < backends.size(); ++i)
        servers << QStringLiteral("    server s%1 127.0.0.1:%2 check").arg(i + 1).arg(backends.at(i));
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line == QLatin1String("@SERVERS@"))
            line = servers.join(QLatin1Char('\n'));
        line.replace(QLatin1String("@BIND@"),
                     QStringLiteral("127.0.0.1:%1").arg(listenPort)
                             + (tlsPem.isEmpty() ? QString()
                                                 : QStringLiteral(" ssl crt %1 ssl-min-ver TLSv1.2 alpn http/1.1").arg(tlsPem)));
    }
    return lines.join(QLatin1Char('\n'));
}

bool LoadBalancer::start(const QList<quint16> &backends, QDeadlineTimer deadline)
{
    if (m_port == 0)
        m_port = Loopback::freePort();
    const QString config = configFor(m_port, backends, m_tlsPem);
    QFile file(m_dir.filePath(QStringLiteral("haproxy.cfg")));
    if (config.isEmpty() || !file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config.toUtf8()) < 0)
        return false;
    file.close();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("haproxy.log")));
    m_process.start(executable(), { QStringLiteral("-db"), QStringLiteral("-f"), file.fileName() });
    if (!m_process.waitForStarted(10000))
        return false;
    HttpClient client(url());
    if (!m_caFile.isEmpty())
        client.trust(m_caFile);
    while (m_process.state() == QProcess::Running) {
        if (client.send("GET", QStringLiteral("/haproxy/healthz"), {}, {}, 2000).status == 200)
            return true;
        if (deadline.hasExpired())
            return false;
        QTest::qWait(50);
    }
    return false;
}

void LoadBalancer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000))
        m_process.kill();
    m_process.waitForFinished(5000);
}

QUrl LoadBalancer::url() const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(QLatin1String(m_tlsPem.isEmpty() ? "http" : "https")).arg(m_port));
}

QString LoadBalancer::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("haproxy.log")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

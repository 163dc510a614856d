#include "ServerInstance.h"

#include "HttpClient.h"
#include "Loopback.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtTest/QTest>

#include <csignal>

ServerInstance::ServerInstance(QString name, QStringList arguments, QStringList environment)
    : m_name(std::move(name)), m_arguments(std::move(arguments)), m_environment(std::move(environment)),
      m_dataDir(QDir::tempPath() + QStringLiteral("/storefront-instance-XXXXXX"))
{
}

ServerInstance::~ServerInstance()
{
    terminate();
}

bool ServerInstance::start()
{
    if (isRunning())
        return true;
    if (m_port == 0)
        m_port = Loopback::freePort();
    QStringList environment = QProcessEnvironment::systemEnvironment().toStringList();
    environment << QStringLiteral("XDG_DATA_HOME=%1").arg(m_dataDir.path())
                << QStringLiteral("QT_LOGGING_RULES=storefront.http.requests.info=false") << m_environment;
    m_process.setEnvironment(environment);
    m_process.setStandardOutputFile(m_dataDir.filePath(QStringLiteral("server.log")), QIODevice::Append);
    m_process.setStandardErrorFile(m_dataDir.filePath(QStringLiteral("server.log")), QIODevice::Append);
    m_process.start(binary(), QStringList { QStringLiteral("serve"), QStringLiteral("--listen"),
                                            QStringLiteral("127.0.0.1:%1").arg(m_port) }
                                      + m_arguments);
    return m_process.waitForStarted(10000);
}

bool ServerInstance::waitReady(QDeadlineTimer deadline)
{
    HttpClient client(url());
    while (isRunning()) {
        if (client.send("GET", QStringLiteral("/readyz"), {}, {}, 2000).status == 200)
            return true;
        if (deadline.hasExpired())
            return false;
        QTest::qWait(50);
    }
    return false;
}

void ServerInstance::kill()
{
    if (!isRunning())
        return;
    ::kill(pid_t(m_process.processId()), SIGKILL);
    m_process.waitForFinished(10000);
}

void ServerInstance::terminate()
{
    if (!isRunning())
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(30000))
        kill();
}

QUrl ServerInstance::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QString ServerInstance::logTail(int lines) const
{
    QFile log(m_dataDir.filePath(QStringLiteral("server.log")));
    if (!log.open(QIODevice::ReadOnly))
        return QStringLiteral("(no log)");
    const QStringList all = QString::fromUtf8(log.readAll()).split(QLatin1Char('\n'));
    return QStringLiteral("%1 (%2):\n").arg(m_name, url().toString()) + all.mid(qMax(0, all.size() - lines - 1)).join(QLatin1Char('\n'));
}

#pragma once

#include <QtCore/QDeadlineTimer>
#include <QtCore/QProcess>
#include <QtCore/QStringList>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUrl>

// One `storefront-server serve` process (binary from STOREFRONT_SERVER_BINARY, as
// ctest sets it) on a loopback port of its own that it keeps across restarts, so a
// load balancer's line for it stays right. Its log goes to a file in its own data
// folder (XDG_DATA_HOME), which also keeps instances from sharing a generated token
// secret through one home directory: like separate machines.
class ServerInstance
{
public:
    // arguments: everything after `serve --listen 127.0.0.1:<port>`.
    ServerInstance(QString name, QStringList arguments, QStringList environment);
    ~ServerInstance();

    static QString binary() { return qEnvironmentVariable("STOREFRONT_SERVER_BINARY"); }

    bool start();
    // Until /readyz answers 200 (false when the process ended or the deadline passed).
    bool waitReady(QDeadlineTimer deadline);
    // SIGKILL, and waits until it is gone.
    void kill();
    // SIGTERM (a graceful stop), and waits until it is gone.
    void terminate();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    QString name() const { return m_name; }
    quint16 port() const { return m_port; }
    QUrl url() const;
    // The end of its log, for a failure message.
    QString logTail(int lines = 20) const;

private:
    QString m_name;
    QStringList m_arguments;
    QStringList m_environment;
    QTemporaryDir m_dataDir;
    quint16 m_port = 0;
    QProcess m_process;
};

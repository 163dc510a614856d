#pragma once

#include <QtCore/QDeadlineTimer>
#include <QtCore/QList>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUrl>

// A real `haproxy` in the foreground on a loopback port, with the shipped template
// (installer/cluster/haproxy.cfg.in) filled in for the given backends.
class LoadBalancer
{
public:
    LoadBalancer();
    ~LoadBalancer();

    // The haproxy executable (PATH, then /usr/sbin), empty when not installed.
    static QString executable();
    // The template with BIND and SERVERS filled in (one `server` line per port); with
    // tlsPem (certificate chain then key), HAProxy ends TLS on the port.
    static QString configFor(quint16 listenPort, const QList<quint16> &backends, const QString &tlsPem = QString());
    // Before start(): end TLS with this PEM (chain then key); caFile signed it.
    void useTls(const QString &tlsPem, const QString &caFile)
    {
        m_tlsPem = tlsPem;
        m_caFile = caFile;
    }

    // Starts HAProxy and waits until its own monitor URI answers.
    bool start(const QList<quint16> &backends, QDeadlineTimer deadline);
    void stop();

    QUrl url() const;
    QString log() const;

private:
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QProcess m_process;
    QString m_tlsPem;
    QString m_caFile;
};

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
    // The template with BIND and SERVERS filled in (one `server` line per port).
    static QString configFor(quint16 listenPort, const QList<quint16> &backends);

    // Starts HAProxy and waits until its own monitor URI answers.
    bool start(const QList<quint16> &backends, QDeadlineTimer deadline);
    void stop();

    QUrl url() const;
    QString log() const;

private:
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QProcess m_process;
};

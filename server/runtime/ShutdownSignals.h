#pragma once

#include <QtCore/QObject>

class QSocketNotifier;

// Turns SIGTERM and SIGINT into a Qt signal in the thread that created this object
// (a signal handler may only write to a pipe; the event loop reads it), and, when
// asked, SIGHUP into reloadRequested (the server reads its TLS certificate again).
class ShutdownSignals : public QObject
{
    Q_OBJECT
public:
    // reloadOnHangup: catch SIGHUP too (the server); otherwise SIGHUP keeps its default.
    explicit ShutdownSignals(QObject *parent = nullptr, bool reloadOnHangup = false);
    ~ShutdownSignals() override;

Q_SIGNALS:
    void shutdownRequested(int signalNumber);
    void reloadRequested();

private:
    static void handle(int signalNumber);
    static int s_pipe[2];
    QSocketNotifier *m_notifier = nullptr;
    bool m_hangup = false;
};

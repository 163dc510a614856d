#pragma once

#include <QtCore/QObject>

class QSocketNotifier;

// Turns SIGTERM and SIGINT into a Qt signal in the thread that created this object
// (a signal handler may only write to a pipe; the event loop reads it).
class ShutdownSignals : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

Q_SIGNALS:
    void shutdownRequested(int signalNumber);

private:
    static void handle(int signalNumber);
    static int s_pipe[2];
    QSocketNotifier *m_notifier = nullptr;
};

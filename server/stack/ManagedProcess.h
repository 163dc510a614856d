#pragma once

#include "Result.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QProcess>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <functional>

// One service process of the local stack (mariadbd, redis-server), owned by us:
// - it dies with us: PR_SET_PDEATHSIG(SIGKILL) in the child, so a SIGKILL of the owner
//   leaves no orphan. The signal follows the *thread* that forked, so start it from a
//   thread that lives as long as the stack (the main thread, or the stack's own thread).
// - a pid file records it, so the next start kills a leftover from a crash of an owner
//   that could not deliver the signal (e.g., the owner thread ended first).
// - its output goes to a log file whose tail explains a failed start.
class ManagedProcess
{
public:
    ManagedProcess(QString name, QString program, QString logFile, QString pidFile);
    ~ManagedProcess();
    ManagedProcess(const ManagedProcess &) = delete;
    ManagedProcess &operator=(const ManagedProcess &) = delete;

    // Starts the program and polls `ready` until it returns true or the deadline passes.
    Status start(const QStringList &arguments, const std::function<bool()> &ready, QDeadlineTimer deadline);
    // SIGTERM, then SIGKILL after the grace period. Safe to call when not running.
    void stop(int graceMs = 10000);
    // SIGKILL without grace: what a crash looks like (fault tests).
    void kill();
    bool isRunning() const;
    qint64 pid() const;

    QString name() const { return m_name; }
    QString logTail(int lines = 20) const;

    // Kills the process recorded in pidFile if it still runs `program`.
    static void killLeftover(const QString &pidFile, const QString &program);

private:
    Failure failure(const QString &what) const;

    QString m_name;
    QString m_program;
    QString m_logFile;
    QString m_pidFile;
    QProcess m_process;
};

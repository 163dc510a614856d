#include "ManagedProcess.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QStandardPaths>
#include <QtCore/QThread>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

ManagedProcess::ManagedProcess(QString name, QString program, QString logFile, QString pidFile)
    : m_name(std::move(name)), m_program(std::move(program)), m_logFile(std::move(logFile)),
      m_pidFile(std::move(pidFile))
{
}

ManagedProcess::~ManagedProcess()
{
    stop();
}

Status ManagedProcess::start(const QStringList &arguments, const std::function<bool()> &ready,
                             QDeadlineTimer deadline)
{
    const QString executable = QFileInfo(m_program).isAbsolute()
            ? m_program
            : QStandardPaths::findExecutable(m_program, { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"),
                                                          QStringLiteral("/usr/local/sbin"),
                                                          QStringLiteral("/usr/local/bin") });
    if (executable.isEmpty() || !QFileInfo(executable).isExecutable())
        return Failure { ErrorCode::Unavailable,
                         QStringLiteral("%1: %2 is not installed (run installer/install-deps.sh)")
                                 .arg(m_name, m_program),
                         {} };

    killLeftover(m_pidFile, executable);

    const pid_t owner = ::getpid();
    m_process.setChildProcessModifier([owner] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        // The owner may have died between fork() and prctl(): then nobody sends the signal.
        if (::getppid() != owner)
            ::_exit(1);
        // Our own session: a Ctrl-C in the owner's terminal reaches the owner, which then
        // stops the services in order, instead of killing them behind its back.
        ::setsid();
    });
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_process.setStandardOutputFile(m_logFile, QIODevice::Append);
    m_process.setStandardErrorFile(m_logFile, QIODevice::Append);
    m_process.start(executable, arguments);
    if (!m_process.waitForStarted(5000))
        return failure(QStringLiteral("could not start %1: %2").arg(executable, m_process.errorString()));

    QFile pid(m_pidFile);
    if (pid.open(QIODevice::WriteOnly | QIODevice::Truncate))
        pid.write(QByteArray::number(m_process.processId()) + '\n');

    while (!ready()) {
        if (m_process.state() != QProcess::Running || m_process.waitForFinished(0))
            return failure(QStringLiteral("%1 exited during start-up (exit code %2)")
                                   .arg(m_program)
                                   .arg(m_process.exitCode()));
        if (deadline.hasExpired()) {
            stop(2000);
            return failure(QStringLiteral("%1 did not become ready in time").arg(m_program));
        }
        QThread::msleep(20);
    }
    return Done {};
}

void ManagedProcess::stop(int graceMs)
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(graceMs)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    QFile::remove(m_pidFile);
}

void ManagedProcess::kill()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool ManagedProcess::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

qint64 ManagedProcess::pid() const
{
    return m_process.processId();
}

QString ManagedProcess::logTail(int lines) const
{
    QFile log(m_logFile);
    if (!log.open(QIODevice::ReadOnly))
        return QString();
    const qint64 size = log.size();
    log.seek(qMax<qint64>(0, size - 16 * 1024));
    const QList<QByteArray> all = log.readAll().trimmed().split('\n');
    return QString::fromUtf8(all.mid(qMax<qsizetype>(0, all.size() - lines)).join('\n'));
}

void ManagedProcess::killLeftover(const QString &pidFile, const QString &program)
{
    QFile file(pidFile);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const qint64 pid = file.readAll().trimmed().toLongLong();
    file.close();
    QFile::remove(pidFile);
    if (pid <= 1)
        return;
    // Only a process still running our program: the pid may have been reused since.
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly))
        return;
    const QByteArray argv0 = cmdline.readAll().split('\0').value(0);
    if (QFileInfo(QString::fromLocal8Bit(argv0)).fileName() != QFileInfo(program).fileName())
        return;
    ::kill(pid_t(pid), SIGKILL);
    for (int i = 0; i < 250 && QFile::exists(QStringLiteral("/proc/%1").arg(pid)); ++i) {
        // A killed child of a dead owner is reaped by init; wait until it is gone.
        QFile status(QStringLiteral("/proc/%1/status").arg(pid));
        if (status.open(QIODevice::ReadOnly) && status.readAll().contains("State:\tZ"))
            break;
        QThread::msleep(20);
    }
}

Failure ManagedProcess::failure(const QString &what) const
{
    return Failure { ErrorCode::Unavailable,
                     QStringLiteral("%1: %2\n--- last lines of %3 ---\n%4").arg(m_name, what, m_logFile, logTail()),
                     {} };
}

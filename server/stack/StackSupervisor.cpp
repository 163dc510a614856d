#include "StackSupervisor.h"

#include "LocalStack.h"

#include <QtCore/QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStack)

namespace {
constexpr int kMysqlRestartMs = 30000;
constexpr int kRedisRestartMs = 10000;
}

StackSupervisor::StackSupervisor(LocalStack &stack, int firstBackoffMs, QObject *parent)
    : QObject(parent), m_firstBackoffMs(firstBackoffMs)
{
    LocalStack *s = &stack;
    m_services.append({ QStringLiteral("MariaDB"), stack.dir() + QStringLiteral("/mysql.log"),
                        [s] { return s->mysql().isRunning(); },
                        [s] {
                            const Status up = s->mysql().start(QDeadlineTimer(kMysqlRestartMs));
                            return up ? QString() : up.failure().message;
                        } });
    m_services.append({ QStringLiteral("Redis"), stack.dir() + QStringLiteral("/redis.log"),
                        [s] { return s->redis().isRunning(); },
                        [s] {
                            const Status up = s->redis().start(QDeadlineTimer(kRedisRestartMs));
                            return up ? QString() : up.failure().message;
                        } });
    m_check.setInterval(kCheckMs);
    connect(&m_check, &QTimer::timeout, this, &StackSupervisor::check);
    m_check.start();
}

int StackSupervisor::backoffMs(int attempt) const
{
    return qMin(qMax(kMaxBackoffMs, m_firstBackoffMs), m_firstBackoffMs << qBound(0, attempt - 1, 8));
}

void StackSupervisor::check()
{
    for (Watched &service : m_services) {
        if (service.scheduled || service.lost || service.running())
            continue;
        qCWarning(lcStack).noquote() << service.name << "is not running; starting it again";
        service.attempt = 0;
        schedule(service);
    }
}

void StackSupervisor::schedule(Watched &service)
{
    ++service.attempt;
    service.scheduled = true;
    const int wait = backoffMs(service.attempt);
    Q_EMIT serviceDown(tr("%1 stopped. Starting it again in %2 s (try %3 of %4)\u2026")
                               .arg(service.name)
                               .arg(wait / 1000)
                               .arg(service.attempt)
                               .arg(kMaxTries));
    const QString name = service.name;
    QTimer::singleShot(wait, this, [this, name] {
        for (Watched &s : m_services) {
            if (s.name == name)
                restart(s);
        }
    });
}

void StackSupervisor::restart(Watched &service)
{
    Q_EMIT serviceDown(tr("Starting %1 again (try %2 of %3)\u2026").arg(service.name).arg(service.attempt).arg(kMaxTries));
    const QString failure = service.start();
    service.scheduled = false;
    if (failure.isEmpty()) {
        qCInfo(lcStack).noquote() << service.name << "is running again; tries:" << service.attempt;
        Q_EMIT serviceBack(tr("%1 is running again.").arg(service.name));
        service.attempt = 0;
        return;
    }
    qCWarning(lcStack).noquote() << service.name << "did not start again:" << failure;
    if (service.attempt < kMaxTries) {
        schedule(service);
        return;
    }
    service.lost = true;
    Q_EMIT serviceLost(tr("%1 stopped and did not start again after %2 tries: %3\n\nQuit Storefront and start it "
                          "again. If it still fails, the reason is in %4.")
                               .arg(service.name)
                               .arg(kMaxTries)
                               .arg(failure.section(QLatin1Char('\n'), 0, 0), service.log));
}

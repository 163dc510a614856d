#include "LoginThrottle.h"

namespace {
// Past this many tracked pairs or addresses, stale ones are dropped (a spray of
// made-up usernames must not grow the tables without bound).
constexpr int kPruneAbove = 50000;

QString pair(const QString &username, const QString &address)
{
    return username.toLower() + QLatin1Char('|') + address;
}

qint64 seconds(qint64 ms)
{
    return ms <= 0 ? 0 : qMax<qint64>(1, (ms + 999) / 1000);
}
}

qint64 LoginThrottle::backoffMs(int failures, const Limits &limits)
{
    if (failures < limits.perUser)
        return 0;
    const int doublings = qMin(failures - limits.perUser, 16);
    return qMin<qint64>(qint64(1000) << doublings, qint64(limits.maxBackoffSeconds) * 1000);
}

void LoginThrottle::expire(QList<qint64> &times, qint64 windowMs, qint64 nowMs)
{
    while (!times.isEmpty() && times.first() <= nowMs - windowMs)
        times.removeFirst();
}

qint64 LoginThrottle::retryAfter(const QString &username, const QString &address, qint64 nowMs)
{
    const qint64 windowMs = qint64(m_limits.windowSeconds) * 1000;
    std::lock_guard<std::mutex> lock(m_mutex);
    qint64 waitMs = 0;
    if (auto it = m_byUserAddress.find(pair(username, address)); it != m_byUserAddress.end()) {
        expire(it.value(), windowMs, nowMs);
        if (!it.value().isEmpty())
            waitMs = it.value().last() + backoffMs(int(it.value().size()), m_limits) - nowMs;
    }
    if (auto it = m_byAddress.find(address); it != m_byAddress.end()) {
        QList<qint64> &times = it.value();
        expire(times, windowMs, nowMs);
        if (times.size() >= m_limits.perAddress)
            waitMs = qMax(waitMs, times.at(times.size() - m_limits.perAddress) + windowMs - nowMs);
    }
    return seconds(waitMs);
}

void LoginThrottle::failed(const QString &username, const QString &address, qint64 nowMs)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    prune(m_byUserAddress, nowMs);
    prune(m_byAddress, nowMs);
    // The backoff grows with the failures in the window; the cap is reached by then.
    QList<qint64> &mine = m_byUserAddress[pair(username, address)];
    mine.append(nowMs);
    if (mine.size() > m_limits.perUser + 16)
        mine.removeFirst();
    QList<qint64> &fromAddress = m_byAddress[address];
    fromAddress.append(nowMs);
    if (fromAddress.size() > m_limits.perAddress)
        fromAddress.removeFirst();
}

void LoginThrottle::succeeded(const QString &username, const QString &address)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_byUserAddress.remove(pair(username, address));
}

void LoginThrottle::prune(Failures &failures, qint64 nowMs)
{
    if (failures.size() < kPruneAbove)
        return;
    const qint64 oldest = nowMs - qint64(m_limits.windowSeconds) * 1000;
    for (auto it = failures.begin(); it != failures.end();)
        it = it.value().isEmpty() || it.value().last() <= oldest ? failures.erase(it) : std::next(it);
}

#include "LoginThrottle.h"

#include <algorithm>
#include <limits>

namespace {
// Past this many tracked pairs, addresses or subjects, stale ones are dropped (a spray
// of made-up usernames must not grow the tables without bound).
constexpr int kPruneAbove = 50000;

QString pair(const QString &subject, const QString &address)
{
    return subject + QLatin1Char('|') + address;
}

qint64 seconds(qint64 ms)
{
    return ms <= 0 ? 0 : qMax<qint64>(1, (ms + 999) / 1000);
}

qint64 days(int n)
{
    return qint64(n) * 24 * 3600 * 1000;
}
}

QString LoginThrottle::subject(std::optional<qint64> userId, const QString &username)
{
    return userId ? QStringLiteral("u:%1").arg(*userId) : QStringLiteral("n:") + username;
}

qint64 LoginThrottle::backoffMs(int failures, const Limits &limits)
{
    if (failures < limits.perPair)
        return 0;
    const int doublings = qMin(failures - limits.perPair, 16);
    return qMin<qint64>(qint64(1000) << doublings, qint64(limits.maxBackoffSeconds) * 1000);
}

void LoginThrottle::expire(QList<qint64> &times, qint64 windowMs, qint64 nowMs)
{
    while (!times.isEmpty() && times.first() <= nowMs - windowMs)
        times.removeFirst();
}

void LoginThrottle::add(QList<qint64> &times, qint64 atMs, int cap)
{
    // Kept in order: workers take their clock readings before the lock, so one may
    // arrive a little behind another.
    times.insert(std::upper_bound(times.begin(), times.end(), atMs) - times.begin(), atMs);
    while (times.size() > cap)
        times.removeFirst();
}

bool LoginThrottle::remembered(const QString &subject, const QString &address, qint64 nowMs) const
{
    const auto it = m_signedInFrom.constFind(subject);
    return it != m_signedInFrom.cend() && it->value(address, std::numeric_limits<qint64>::min() / 2) > nowMs - days(m_limits.rememberDays);
}

qint64 LoginThrottle::admit(const QString &subject, const QString &address, qint64 nowMs)
{
    const qint64 windowMs = qint64(m_limits.windowSeconds) * 1000;
    const qint64 accountWindowMs = qint64(m_limits.accountWindowSeconds) * 1000;
    std::lock_guard<std::mutex> lock(m_mutex);
    qint64 waitMs = 0;
    if (auto it = m_byPair.find(pair(subject, address)); it != m_byPair.end()) {
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
    if (auto it = m_bySubject.find(subject); it != m_bySubject.end()) {
        QList<qint64> &times = it.value();
        expire(times, accountWindowMs, nowMs);
        if (times.size() >= m_limits.perAccount && !remembered(subject, address, nowMs))
            waitMs = qMax(waitMs, times.at(times.size() - m_limits.perAccount) + accountWindowMs - nowMs);
    }
    if (waitMs > 0)
        return seconds(waitMs);
    count(subject, address, nowMs);
    return 0;
}

void LoginThrottle::record(const QString &subject, const QString &address, qint64 atMs)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    count(subject, address, atMs);
}

void LoginThrottle::count(const QString &subject, const QString &address, qint64 atMs)
{
    prune(m_byPair, qint64(m_limits.windowSeconds) * 1000, atMs);
    prune(m_byAddress, qint64(m_limits.windowSeconds) * 1000, atMs);
    prune(m_bySubject, qint64(m_limits.accountWindowSeconds) * 1000, atMs);
    // The backoff grows with the failures in the window; the cap is reached by then.
    add(m_byPair[pair(subject, address)], atMs, m_limits.perPair + 16);
    add(m_byAddress[address], atMs, m_limits.perAddress);
    add(m_bySubject[subject], atMs, m_limits.perAccount);
}

void LoginThrottle::release(const QString &subject, const QString &address, qint64 atMs)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    uncount(m_byPair, pair(subject, address), atMs);
    uncount(m_byAddress, address, atMs);
    uncount(m_bySubject, subject, atMs);
}

void LoginThrottle::uncount(Failures &failures, const QString &key, qint64 atMs)
{
    if (auto it = failures.find(key); it != failures.end())
        it->removeOne(atMs); // any one of equal times: they count the same
}

void LoginThrottle::succeeded(const QString &subject, const QString &address, qint64 atMs, qint64 nowMs)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_byPair.remove(pair(subject, address));
    uncount(m_byAddress, address, atMs);
    // The other addresses' failures stay: a success here does not give them new guesses.
    uncount(m_bySubject, subject, atMs);
    pruneRemembered(nowMs);
    QHash<QString, qint64> &from = m_signedInFrom[subject];
    from.insert(address, nowMs);
    if (from.size() > m_limits.rememberedPerAccount)
        from.erase(std::min_element(from.begin(), from.end()));
}

void LoginThrottle::prune(Failures &failures, qint64 windowMs, qint64 nowMs)
{
    if (failures.size() < kPruneAbove)
        return;
    for (auto it = failures.begin(); it != failures.end();)
        it = it.value().isEmpty() || it.value().last() <= nowMs - windowMs ? failures.erase(it) : std::next(it);
}

void LoginThrottle::pruneRemembered(qint64 nowMs)
{
    if (m_signedInFrom.size() < kPruneAbove)
        return;
    const qint64 oldest = nowMs - days(m_limits.rememberDays);
    for (auto it = m_signedInFrom.begin(); it != m_signedInFrom.end();) {
        for (auto address = it->begin(); address != it->end();)
            address = address.value() <= oldest ? it->erase(address) : std::next(address);
        it = it->isEmpty() ? m_signedInFrom.erase(it) : std::next(it);
    }
}

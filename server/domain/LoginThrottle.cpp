#include "LoginThrottle.h"

namespace {
// Past this many tracked names or addresses, stale ones are dropped (a spray of
// made-up usernames must not grow the tables without bound).
constexpr int kPruneAbove = 50000;
}

qint64 LoginThrottle::wait(Failures &failures, const QString &key, int limit, qint64 windowMs, qint64 nowMs)
{
    auto it = failures.find(key);
    if (it == failures.end())
        return 0;
    QList<qint64> &times = it.value();
    while (!times.isEmpty() && times.first() <= nowMs - windowMs)
        times.removeFirst();
    if (times.isEmpty()) {
        failures.erase(it);
        return 0;
    }
    if (times.size() < limit)
        return 0;
    // The attempt may come when the failure `limit` back from now leaves the window.
    const qint64 freeAt = times.at(times.size() - limit) + windowMs;
    return qMax<qint64>(1, (freeAt - nowMs + 999) / 1000);
}

qint64 LoginThrottle::retryAfter(const QString &username, const QString &address, qint64 nowMs)
{
    const qint64 windowMs = qint64(m_limits.windowSeconds) * 1000;
    std::lock_guard<std::mutex> lock(m_mutex);
    return qMax(wait(m_byUser, username.toLower(), m_limits.perUser, windowMs, nowMs),
                wait(m_byAddress, address, m_limits.perAddress, windowMs, nowMs));
}

void LoginThrottle::failed(const QString &username, const QString &address, qint64 nowMs)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    prune(m_byUser, nowMs);
    prune(m_byAddress, nowMs);
    // Only the last `limit` failures matter; keep no more.
    QList<qint64> &user = m_byUser[username.toLower()];
    user.append(nowMs);
    if (user.size() > m_limits.perUser)
        user.removeFirst();
    QList<qint64> &address_ = m_byAddress[address];
    address_.append(nowMs);
    if (address_.size() > m_limits.perAddress)
        address_.removeFirst();
}

void LoginThrottle::succeeded(const QString &username)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_byUser.remove(username.toLower());
}

void LoginThrottle::prune(Failures &failures, qint64 nowMs)
{
    if (failures.size() < kPruneAbove)
        return;
    const qint64 oldest = nowMs - qint64(m_limits.windowSeconds) * 1000;
    for (auto it = failures.begin(); it != failures.end();)
        it = it.value().isEmpty() || it.value().last() <= oldest ? failures.erase(it) : std::next(it);
}

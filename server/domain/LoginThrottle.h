#pragma once

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>

#include <mutex>

// Slows password guessing: after `perUser` failed logins for one username, or
// `perAddress` from one client address, within `windowSeconds`, further attempts are
// refused (429 RATE_LIMITED, Retry-After) until the oldest failure leaves the window —
// even with the right password, or the limit would tell a guesser when it was right.
// A success clears that username's failures. Shared by every worker (one mutex; a
// login costs a PBKDF2 hash, so the lock is never the bottleneck). Per process: a
// cluster of servers multiplies the limits by its size.
class LoginThrottle
{
public:
    struct Limits {
        int perUser = 5;
        int perAddress = 20;
        int windowSeconds = 300;
    };

    explicit LoginThrottle(Limits limits) : m_limits(limits) { }

    // Seconds until an attempt may be made; 0: now.
    qint64 retryAfter(const QString &username, const QString &address, qint64 nowMs);
    void failed(const QString &username, const QString &address, qint64 nowMs);
    void succeeded(const QString &username);

private:
    using Failures = QHash<QString, QList<qint64>>;
    static qint64 wait(Failures &failures, const QString &key, int limit, qint64 windowMs, qint64 nowMs);
    void prune(Failures &failures, qint64 nowMs);

    Limits m_limits;
    std::mutex m_mutex;
    Failures m_byUser;
    Failures m_byAddress;
};

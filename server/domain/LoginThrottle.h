#pragma once

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>

#include <mutex>

// Slows password guessing without letting anyone lock an account out:
// - per username and client address: after `perUser` failures within `windowSeconds`,
//   each further attempt from that address waits a backoff after the last failure
//   (1 s, doubling, at most `maxBackoffSeconds`), whatever the password — the wait
//   must not tell a guesser when it was right. The owner, from another address, is
//   not slowed; a success clears the pair.
// - per client address: after `perAddress` failures within the window (any usernames),
//   that address waits until the oldest leaves the window.
// This is the per-process copy, used while Redis is down; LoginLimiter keeps the same
// rules in Redis so that every instance shares them.
class LoginThrottle
{
public:
    struct Limits {
        int perUser = 5;
        int perAddress = 20;
        int windowSeconds = 300;
        int maxBackoffSeconds = 60;
    };

    explicit LoginThrottle(Limits limits) : m_limits(limits) { }
    const Limits &limits() const { return m_limits; }

    // Seconds until an attempt may be made; 0: now.
    qint64 retryAfter(const QString &username, const QString &address, qint64 nowMs);
    void failed(const QString &username, const QString &address, qint64 nowMs);
    void succeeded(const QString &username, const QString &address);

    // The backoff after `failures` failures of one username from one address.
    static qint64 backoffMs(int failures, const Limits &limits);

private:
    using Failures = QHash<QString, QList<qint64>>;
    static void expire(QList<qint64> &times, qint64 windowMs, qint64 nowMs);
    void prune(Failures &failures, qint64 nowMs);

    Limits m_limits;
    std::mutex m_mutex;
    Failures m_byUserAddress;
    Failures m_byAddress;
};

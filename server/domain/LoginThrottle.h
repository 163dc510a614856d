#pragma once

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>

#include <mutex>
#include <optional>

// Slows password guessing without letting anyone lock an account's owner out. Failures
// are counted for a *subject*: the account the name found (by id, so every spelling
// MySQL matches to it shares one count), or the name itself when it found none.
// - per subject and client address: after `perPair` failures within `windowSeconds`,
//   each further attempt from that address waits a backoff after the last failure
//   (1 s, doubling, at most `maxBackoffSeconds`), whatever the password — the wait
//   must not tell a guesser when it was right. A success clears the pair.
// - per client address: after `perAddress` failures within the window (any names),
//   that address waits until the oldest leaves the window.
// - per subject, across addresses: after `perAccount` failures within
//   `accountWindowSeconds`, every address waits until the oldest leaves that window —
//   except addresses the account signed in from within `rememberDays` (the last
//   `rememberedPerAccount` of them): many addresses get few guesses at one account,
//   and its owner still signs in from home.
// The check and the count are one step (admit): an admitted attempt is counted as a
// failure at once, and taken back when it succeeds or never tested a password, so
// attempts made together cannot all pass a check that none of them has counted in yet.
// This is the per-process copy, used while Redis is down; LoginLimiter keeps the same
// rules in Redis so that every instance shares them.
class LoginThrottle
{
public:
    struct Limits {
        int perPair = 5;
        int perAddress = 20;
        int perAccount = 30;
        int windowSeconds = 300;
        int accountWindowSeconds = 3600;
        int maxBackoffSeconds = 60;
        int rememberDays = 30;
        int rememberedPerAccount = 16;
    };

    explicit LoginThrottle(Limits limits) : m_limits(limits) { }
    const Limits &limits() const { return m_limits; }

    // "u:<id>" for an account, "n:<name>" for a name that found none.
    static QString subject(std::optional<qint64> userId, const QString &username);

    // Seconds to wait (nothing counted), or 0: admitted, and counted as a failure.
    qint64 admit(const QString &subject, const QString &address, qint64 nowMs);
    // Counts an attempt without checking (one that Redis admitted), so that this copy
    // knows it if Redis goes away.
    void record(const QString &subject, const QString &address, qint64 atMs);
    // The attempt admitted at `atMs` tested no password (no slot for it): uncounted.
    void release(const QString &subject, const QString &address, qint64 atMs);
    // The attempt admitted at `atMs` was right: uncounted, the pair cleared, the
    // address remembered for the account.
    void succeeded(const QString &subject, const QString &address, qint64 atMs, qint64 nowMs);

    // The backoff after `failures` failures of one subject from one address.
    static qint64 backoffMs(int failures, const Limits &limits);

private:
    using Failures = QHash<QString, QList<qint64>>;
    static void expire(QList<qint64> &times, qint64 windowMs, qint64 nowMs);
    static void add(QList<qint64> &times, qint64 atMs, int cap);
    static void uncount(Failures &failures, const QString &key, qint64 atMs);
    void prune(Failures &failures, qint64 windowMs, qint64 nowMs);
    void pruneRemembered(qint64 nowMs);
    bool remembered(const QString &subject, const QString &address, qint64 nowMs) const;
    void count(const QString &subject, const QString &address, qint64 atMs);

    Limits m_limits;
    std::mutex m_mutex;
    Failures m_byPair;
    Failures m_byAddress;
    Failures m_bySubject;
    // subject → address → its last success (ms)
    QHash<QString, QHash<QString, qint64>> m_signedInFrom;
};

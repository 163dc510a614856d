#pragma once

#include "PasswordHasher.h"
#include "WorkGate.h"

#include <QtCore/QString>

#include <atomic>
#include <optional>

// Every PBKDF2 run made for a request (register, log in, change a password), shared
// by all workers. Two things are decided here rather than in each caller:
// - a request never costs more than one run, and an unknown username costs exactly
//   what a known one does: its password is checked against a dummy hash made once,
//   when the process starts, so response times do not tell which usernames exist;
// - at most the gate's slots run at once. A flood of registrations or logins with
//   made-up names (which the failed-login limit only sees after they were paid for)
//   then waits for a slot or is told "busy" instead of taking every core.
class PasswordWork
{
public:
    PasswordWork(PasswordHasher hasher, WorkGate &gate);

    // Nothing: no slot came free in time (the caller answers RATE_LIMITED).
    std::optional<QString> hash(const QString &password);
    std::optional<bool> verify(const QString &password, const QString &stored);
    // The same run as verify() for a name no account has; always false.
    std::optional<bool> verifyUnknown(const QString &password);
    bool needsRehash(const QString &stored) const { return m_hasher.needsRehash(stored); }

    // Seconds a refused caller should wait before trying again.
    int retryAfterSeconds() const { return 1; }
    // PBKDF2 runs made through this object (the dummy hash not counted).
    quint64 runs() const { return m_runs.load(); }

private:
    PasswordHasher m_hasher;
    WorkGate &m_gate;
    const QString m_dummyHash;
    std::atomic<quint64> m_runs { 0 };
};

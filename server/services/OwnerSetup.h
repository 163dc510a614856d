#pragma once

#include <QtCore/QByteArray>

#include <mutex>

// The desktop app's one-time secret for POST /api/v1/auth/owner: the first owner of a
// new desktop shop creates its admin account. The app generates the secret, gives it
// to its embedded server and sends it with the request, so only the app's own
// process (not whoever can reach the port) can claim the shop. Spent by the first
// owner created; a standalone server has none and refuses every claim. Thread-safe:
// one per process, shared by the workers.
class OwnerSetup
{
public:
    explicit OwnerSetup(QByteArray secret) : m_secret(std::move(secret)) { }

    // The offered secret is this process's, still unspent (constant time).
    bool accepts(const QByteArray &offered) const;
    // Takes the secret for one claim: true for exactly one caller at a time, so two
    // claims at once cannot both create an owner. give back() when the claim failed.
    bool take(const QByteArray &offered);
    void giveBack();
    // The claim succeeded: the secret is gone for good.
    void spend();

private:
    mutable std::mutex m_mutex;
    QByteArray m_secret;
    bool m_taken = false;
    bool m_spent = false;
};

#pragma once

#include <QtCore/QString>

// PBKDF2-HMAC-SHA256 with a per-user random salt. The stored string carries its
// algorithm, iteration count and salt ("pbkdf2-sha256$100000$<salt>$<hash>", base64),
// so the count can be raised later without invalidating stored passwords.
class PasswordHasher
{
public:
    static constexpr int kDefaultIterations = 100'000;

    explicit PasswordHasher(int iterations = kDefaultIterations) : m_iterations(iterations) { }

    QString hash(const QString &password) const;
    // Also used to hash with a given salt: seeded demo users share one precomputed hash.
    static QString hash(const QString &password, const QByteArray &salt, int iterations);
    static bool verify(const QString &password, const QString &stored);
    // True when the stored hash used fewer iterations than this hasher would now.
    bool needsRehash(const QString &stored) const;

private:
    int m_iterations;
};

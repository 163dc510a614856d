#include "PasswordHasher.h"

#include <QtCore/QRandomGenerator>
#include <QtCore/QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace {
constexpr int kKeyBytes = 32;
constexpr int kSaltBytes = 16;
const QString kAlgorithm = QStringLiteral("pbkdf2-sha256");

QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    const QByteArray utf8 = password.toUtf8();
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(utf8.constData(), int(utf8.size()), reinterpret_cast<const unsigned char *>(salt.constData()),
                          int(salt.size()), iterations, EVP_sha256(), kKeyBytes,
                          reinterpret_cast<unsigned char *>(key.data()))
        != 1)
        return QByteArray();
    return key;
}
}

QString PasswordHasher::hash(const QString &password) const
{
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), kSaltBytes / 4);
    return hash(password, salt, m_iterations);
}

QString PasswordHasher::hash(const QString &password, const QByteArray &salt, int iterations)
{
    return QStringLiteral("%1$%2$%3$%4")
            .arg(kAlgorithm)
            .arg(iterations)
            .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(derive(password, salt, iterations).toBase64()));
}

bool PasswordHasher::verify(const QString &password, const QString &stored)
{
    const QStringList parts = stored.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts[0] != kAlgorithm)
        return false;
    bool ok = false;
    const int iterations = parts[1].toInt(&ok);
    if (!ok || iterations < 1 || iterations > 10'000'000)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts[3].toLatin1());
    const QByteArray actual = derive(password, salt, iterations);
    return expected.size() == kKeyBytes && actual.size() == kKeyBytes
            && CRYPTO_memcmp(expected.constData(), actual.constData(), kKeyBytes) == 0;
}

bool PasswordHasher::needsRehash(const QString &stored) const
{
    return stored.section(QLatin1Char('$'), 1, 1).toInt() < m_iterations;
}

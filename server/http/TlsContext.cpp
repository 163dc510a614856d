#include "TlsContext.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslKey>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <sys/stat.h>

namespace {
Failure refused(const QString &option, const QString &message)
{
    return Failure::validation(option, message);
}

// Qt has no way to ask whether a private key belongs to a certificate; a wrong pair
// would only show as every client's handshake failing.
bool keyMatches(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    BIO *certBio = BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size()));
    BIO *keyBio = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
    X509 *certificate = certBio ? PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr) : nullptr;
    EVP_PKEY *key = keyBio ? PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr) : nullptr;
    const bool matches = certificate && key && X509_check_private_key(certificate, key) == 1;
    EVP_PKEY_free(key);
    X509_free(certificate);
    BIO_free(keyBio);
    BIO_free(certBio);
    return matches;
}

QString hexWithColons(const QByteArray &digest)
{
    QStringList parts;
    for (const char byte : digest)
        parts << QString::number(quint8(byte), 16).rightJustified(2, QLatin1Char('0')).toUpper();
    return parts.join(QLatin1Char(':'));
}
}

Result<QSslConfiguration> TlsContext::read(const QString &certFile, const QString &keyFile)
{
    QFile certs(certFile);
    if (!certs.open(QIODevice::ReadOnly))
        return refused(QStringLiteral("tls-cert"), QStringLiteral("cannot read the certificate %1: %2").arg(certFile, certs.errorString()));
    const QByteArray certPem = certs.readAll();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return refused(QStringLiteral("tls-cert"), QStringLiteral("%1 holds no PEM certificate").arg(certFile));

    // The private key is the shop's identity: a key others can read is refused, as
    // ssh refuses such a key, before it is ever used.
    struct stat info {};
    if (::stat(QFile::encodeName(keyFile).constData(), &info) != 0)
        return refused(QStringLiteral("tls-key"), QStringLiteral("cannot read the key %1").arg(keyFile));
    if (info.st_mode & (S_IRWXG | S_IRWXO))
        return refused(QStringLiteral("tls-key"),
                       QStringLiteral("the key %1 can be read by others than its owner (mode %2); make it mode 0600, "
                                      "owned by the user the server runs as")
                               .arg(keyFile)
                               .arg(info.st_mode & 0777, 4, 8, QLatin1Char('0')));
    QFile keyBytes(keyFile);
    if (!keyBytes.open(QIODevice::ReadOnly))
        return refused(QStringLiteral("tls-key"), QStringLiteral("cannot read the key %1: %2").arg(keyFile, keyBytes.errorString()));
    const QByteArray pem = keyBytes.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa }) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return refused(QStringLiteral("tls-key"), QStringLiteral("%1 holds no unencrypted PEM private key (RSA or EC)").arg(keyFile));
    if (!keyMatches(chain.first().toPem(), pem))
        return refused(QStringLiteral("tls-key"), QStringLiteral("the key %1 does not belong to the certificate %2").arg(keyFile, certFile));

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    return configuration;
}

Result<std::shared_ptr<TlsContext>> TlsContext::load(const QString &certFile, const QString &keyFile)
{
    if (certFile.isEmpty() != keyFile.isEmpty())
        return refused(certFile.isEmpty() ? QStringLiteral("tls-cert") : QStringLiteral("tls-key"),
                       QStringLiteral("give both --tls-cert and --tls-key, or neither"));
    Result<QSslConfiguration> read = TlsContext::read(certFile, keyFile);
    if (!read)
        return read.failure();
    std::shared_ptr<TlsContext> context(new TlsContext(certFile, keyFile));
    context->m_configuration = read.value();
    return context;
}

QSslConfiguration TlsContext::configuration() const
{
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_configuration;
}

Status TlsContext::reload()
{
    Result<QSslConfiguration> read = TlsContext::read(m_certFile, m_keyFile);
    if (!read)
        return read.failure();
    std::lock_guard<std::mutex> guard(m_mutex);
    m_configuration = read.value();
    return Done {};
}

QString TlsContext::fingerprint() const
{
    return hexWithColons(configuration().localCertificate().digest(QCryptographicHash::Sha256));
}

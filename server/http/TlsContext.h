#pragma once

#include "Result.h"

#include <QtCore/QString>
#include <QtNetwork/QSslConfiguration>

#include <memory>
#include <mutex>

// The server's certificate and key for HTTPS on --listen (`--tls-cert`, `--tls-key`,
// PEM): loaded and checked at start-up, read again on SIGHUP so a renewed
// certificate is served without dropping a request (connections already open keep
// the one they began with). TLS 1.2 or newer only. Shared by every worker;
// thread-safe.
class TlsContext
{
public:
    // VALIDATION_FAILED naming the file when it cannot be read, is not PEM, the key
    // does not belong to the certificate, or the key can be read by others than its
    // owner (group or world permission bits).
    static Result<std::shared_ptr<TlsContext>> load(const QString &certFile, const QString &keyFile);

    // What a new connection is served with.
    QSslConfiguration configuration() const;
    // Reads both files again; on any failure the current pair stays and the reason
    // is returned.
    Status reload();
    // The served certificate's SHA-256 fingerprint (hex with colons), for the log.
    QString fingerprint() const;

private:
    TlsContext(QString certFile, QString keyFile) : m_certFile(std::move(certFile)), m_keyFile(std::move(keyFile)) { }
    static Result<QSslConfiguration> read(const QString &certFile, const QString &keyFile);

    const QString m_certFile;
    const QString m_keyFile;
    mutable std::mutex m_mutex;
    QSslConfiguration m_configuration;
};

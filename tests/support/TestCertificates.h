#pragma once

#include <QtCore/QString>
#include <QtCore/QTemporaryDir>

// A private certificate authority made with the openssl command at test time (nothing
// checked in expires): the CA, a server certificate for 127.0.0.1 and localhost signed
// by it, one that expired in 2020, and a second, unrelated CA. PEM files in a
// temporary folder, keys mode 0600.
class TestCertificates
{
public:
    TestCertificates();
    // False (and the openssl output in error()) when a step failed.
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }

    QString caCert() const { return path(QStringLiteral("ca.pem")); }
    QString serverCert() const { return path(QStringLiteral("server.pem")); }
    QString serverKey() const { return path(QStringLiteral("server.key")); }
    // Signed by the same CA for the same names, valid in January 2020 only.
    QString expiredCert() const { return path(QStringLiteral("expired.pem")); }
    // A second certificate and key for the same names (a renewal), same CA.
    QString renewedCert() const { return path(QStringLiteral("renewed.pem")); }
    QString renewedKey() const { return path(QStringLiteral("renewed.key")); }
    // A CA that signed none of the above.
    QString otherCaCert() const { return path(QStringLiteral("other-ca.pem")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    bool openssl(const QStringList &arguments);
    bool issue(const QString &name, const QStringList &dates);

    QTemporaryDir m_dir;
    bool m_ok = false;
    QString m_error;
};

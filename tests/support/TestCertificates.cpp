#include "TestCertificates.h"

#include <QtCore/QFile>
#include <QtCore/QProcess>

namespace {
const char *const kCaConfig = R"([ ca ]
default_ca = test_ca
[ test_ca ]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any_name
copy_extensions = copy
unique_subject = no
[ any_name ]
commonName = supplied
)";
}

TestCertificates::TestCertificates()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return;
    }
    QFile(path(QStringLiteral("index.txt"))).open(QIODevice::WriteOnly);
    QFile serial(path(QStringLiteral("serial")));
    QFile config(path(QStringLiteral("ca.cnf")));
    if (!serial.open(QIODevice::WriteOnly) || serial.write("1000\n") < 0 || !config.open(QIODevice::WriteOnly)
        || config.write(kCaConfig) < 0) {
        m_error = QStringLiteral("cannot write the CA's files");
        return;
    }
    serial.close();
    config.close();
    const QStringList ec { QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes") };
    m_ok = openssl(QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + ec
                   + QStringList { QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                                   QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("30"),
                                   QStringLiteral("-subj"), QStringLiteral("/CN=Storefront Test CA") })
            && openssl(QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + ec
                       + QStringList { QStringLiteral("-keyout"), QStringLiteral("other-ca.key"), QStringLiteral("-out"),
                                       QStringLiteral("other-ca.pem"), QStringLiteral("-days"), QStringLiteral("30"),
                                       QStringLiteral("-subj"), QStringLiteral("/CN=Someone Else's CA") })
            && issue(QStringLiteral("server"), { QStringLiteral("-days"), QStringLiteral("30") })
            && issue(QStringLiteral("expired"),
                     { QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"), QStringLiteral("-enddate"),
                       QStringLiteral("20200131000000Z") })
            && issue(QStringLiteral("renewed"), { QStringLiteral("-days"), QStringLiteral("30") });
    for (const char *key : { "ca.key", "other-ca.key", "server.key", "expired.key", "renewed.key" })
        QFile::setPermissions(path(QString::fromLatin1(key)), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

bool TestCertificates::issue(const QString &name, const QStringList &dates)
{
    return openssl({ QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                     name + QStringLiteral(".csr"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                     QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost") })
            && openssl(QStringList { QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-notext"),
                                     QStringLiteral("-config"), QStringLiteral("ca.cnf"), QStringLiteral("-cert"),
                                     QStringLiteral("ca.pem"), QStringLiteral("-keyfile"), QStringLiteral("ca.key"),
                                     QStringLiteral("-in"), name + QStringLiteral(".csr"), QStringLiteral("-out"),
                                     name + QStringLiteral(".pem") }
                       + dates);
}

bool TestCertificates::openssl(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1: %2").arg(arguments.join(QLatin1Char(' ')), QString::fromUtf8(process.readAll()));
        return false;
    }
    return true;
}

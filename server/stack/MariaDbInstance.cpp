#include "MariaDbInstance.h"

#include "Loopback.h"

#include <QtCore/QDir>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QUuid>

#include <unistd.h>

namespace {
const char *const kBootstrapSql = "FLUSH PRIVILEGES;\n"
                                  "CREATE DATABASE storefront CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
                                  "CREATE USER 'storefront'@'127.0.0.1';\n"
                                  "GRANT ALL ON *.* TO 'storefront'@'127.0.0.1' WITH GRANT OPTION;\n";

QString mariadbVersion()
{
    QProcess p;
    p.start(QStringLiteral("/usr/sbin/mariadbd"), { QStringLiteral("--version") });
    p.waitForFinished(5000);
    const QString out = QString::fromLocal8Bit(p.readAllStandardOutput()).simplified();
    // "/usr/sbin/mariadbd  Ver 10.11.6-MariaDB-0+deb12u1 for debian-linux-gnu ..."
    const QStringList words = out.split(QLatin1Char(' '));
    const qsizetype at = words.indexOf(QStringLiteral("Ver"));
    return at >= 0 ? words.value(at + 1) : QStringLiteral("unknown");
}

Status copyTree(const QString &from, const QString &to)
{
    QProcess cp;
    cp.start(QStringLiteral("cp"), { QStringLiteral("-a"), from, to });
    if (!cp.waitForFinished(60000) || cp.exitCode() != 0)
        return Failure { ErrorCode::Unavailable,
                         QStringLiteral("could not copy %1 to %2: %3")
                                 .arg(from, to, QString::fromLocal8Bit(cp.readAllStandardError())),
                         {} };
    return Done {};
}
}

MariaDbInstance::MariaDbInstance(QString stackDir)
    : m_stackDir(std::move(stackDir)), m_dataDir(m_stackDir + QStringLiteral("/mysql")),
      m_process(QStringLiteral("MariaDB"), QStringLiteral("mariadbd"), m_stackDir + QStringLiteral("/mysql.log"),
                m_stackDir + QStringLiteral("/mysql.pid"))
{
}

QStringList MariaDbInstance::commonArguments()
{
    QStringList args { QStringLiteral("--no-defaults"), QStringLiteral("--innodb-log-file-size=48M") };
    // As root mariadbd refuses to run unless told to stay root. Any other --user would
    // change credentials, which clears PR_SET_PDEATHSIG: stay who we are.
    if (::geteuid() == 0)
        args << QStringLiteral("--user=root");
    return args;
}

QString MariaDbInstance::templateDir()
{
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    return QStringLiteral("%1/storefront/mariadb-template-%2").arg(cache, mariadbVersion());
}

Status MariaDbInstance::makeTemplate(const QString &dir)
{
    // Built beside its final place and renamed into it, so a concurrent start or a crash
    // never sees half a template.
    const QString building = dir + QStringLiteral(".") + QUuid::createUuid().toString(QUuid::Id128);
    const QString log = building + QStringLiteral(".log");
    QProcess install;
    install.setStandardOutputFile(log);
    install.setStandardErrorFile(log, QIODevice::Append);
    QStringList args = commonArguments();
    args << QStringLiteral("--datadir=%1").arg(building) << QStringLiteral("--auth-root-authentication-method=normal")
         << QStringLiteral("--skip-test-db") << QStringLiteral("--skip-name-resolve");
    install.start(QStringLiteral("mariadb-install-db"), args);
    if (!install.waitForFinished(120000) || install.exitCode() != 0) {
        QFile f(log);
        f.open(QIODevice::ReadOnly);
        return Failure { ErrorCode::Unavailable,
                         QStringLiteral("MariaDB: mariadb-install-db failed:\n%1")
                                 .arg(QString::fromLocal8Bit(f.readAll().right(4000))),
                         {} };
    }

    QProcess bootstrap;
    bootstrap.setStandardOutputFile(log, QIODevice::Append);
    bootstrap.setStandardErrorFile(log, QIODevice::Append);
    bootstrap.start(QStringLiteral("/usr/sbin/mariadbd"),
                    commonArguments() << QStringLiteral("--bootstrap") << QStringLiteral("--datadir=%1").arg(building));
    bootstrap.write(kBootstrapSql);
    bootstrap.closeWriteChannel();
    if (!bootstrap.waitForFinished(60000) || bootstrap.exitCode() != 0) {
        QFile f(log);
        f.open(QIODevice::ReadOnly);
        return Failure { ErrorCode::Unavailable,
                         QStringLiteral("MariaDB: bootstrap failed:\n%1").arg(QString::fromLocal8Bit(f.readAll().right(4000))),
                         {} };
    }
    QFile::remove(log);
    if (!QDir().rename(building, dir))
        QDir(building).removeRecursively(); // another process made it first: use theirs
    return Done {};
}

Status MariaDbInstance::ensureDataDir()
{
    if (QFileInfo::exists(m_dataDir + QStringLiteral("/mysql")))
        return Done {};
    const QString tmpl = templateDir();
    if (!QFileInfo::exists(tmpl)) {
        QDir().mkpath(QFileInfo(tmpl).absolutePath());
        if (const Status made = makeTemplate(tmpl); !made)
            return made;
    }
    QDir(m_dataDir).removeRecursively();
    return copyTree(tmpl, m_dataDir);
}

Status MariaDbInstance::start(QDeadlineTimer deadline)
{
    if (const Status data = ensureDataDir(); !data)
        return data;
    // The same port after a stop, so clients configured with url() find it again.
    if (m_port == 0)
        m_port = Loopback::freePort();
    // The socket path is limited to 107 bytes; we connect over TCP, so a short private
    // path is all mariadbd needs.
    const QString socket = QStringLiteral("%1/sf-mysql-%2.sock").arg(QDir::tempPath()).arg(m_port);
    QStringList args = commonArguments();
    args << QStringLiteral("--datadir=%1").arg(m_dataDir) << QStringLiteral("--port=%1").arg(m_port)
         << QStringLiteral("--bind-address=127.0.0.1") << QStringLiteral("--socket=%1").arg(socket)
         << QStringLiteral("--skip-name-resolve") << QStringLiteral("--pid-file=%1/mariadbd.pid").arg(m_stackDir)
         << QStringLiteral("--log-error=%1/mysql.log").arg(m_stackDir)
         << QStringLiteral("--character-set-server=utf8mb4") << QStringLiteral("--collation-server=utf8mb4_unicode_ci")
         << QStringLiteral("--default-time-zone=+00:00") << QStringLiteral("--max-connections=1000")
         << QStringLiteral("--innodb-buffer-pool-size=256M")
         // Catalogue search: InnoDB FULLTEXT indexes words of at least this many
         // characters; the default 3 leaves out two-syllable Hangul words (무선, 가방).
         // Read at start-up only, and an index built under another value must be rebuilt.
         << QStringLiteral("--innodb-ft-min-token-size=1")
         // A picture row (up to 12 MiB re-encoded plus its thumbnail) in one packet.
         << QStringLiteral("--max-allowed-packet=64M");
    if (m_binaryLog)
        // Row format: a replay applies exactly the rows the shop wrote (no statement is
        // run again with another NOW() or another row order).
        args << QStringLiteral("--log-bin=binlog") << QStringLiteral("--binlog-format=ROW") << QStringLiteral("--server-id=1")
             << QStringLiteral("--max-binlog-size=64M") << QStringLiteral("--binlog-expire-logs-seconds=%1").arg(8 * 86400);
    else
        args << QStringLiteral("--skip-log-bin");
    const quint16 port = m_port;
    return m_process.start(
            args, [port] { return Loopback::answers(port, QByteArray(), QByteArray(), 200); }, deadline);
}

void MariaDbInstance::stop()
{
    m_process.stop();
}

void MariaDbInstance::kill()
{
    m_process.kill();
}

QString MariaDbInstance::url() const
{
    return QStringLiteral("mysql://storefront@127.0.0.1:%1/%2").arg(m_port).arg(databaseName());
}

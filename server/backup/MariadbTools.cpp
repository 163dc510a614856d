#include "MariadbTools.h"

#include <QtCore/QBuffer>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>

namespace {
constexpr qint64 kChunk = 1 << 20;
}

MariadbTools::MariadbTools(MysqlEndpoint endpoint) : m_endpoint(std::move(endpoint)) { }

QString MariadbTools::optionFile()
{
    if (m_options)
        return m_options->fileName();
    m_options = std::make_unique<QTemporaryFile>();
    // QTemporaryFile is created mode 0600.
    if (!m_options->open())
        return QString();
    const auto quoted = [](QString value) {
        return QLatin1Char('"') + value.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""))
                + QLatin1Char('"');
    };
    const QString text = QStringLiteral("[client]\nhost=%1\nport=%2\nuser=%3\npassword=%4\n")
                                 .arg(m_endpoint.host)
                                 .arg(m_endpoint.port)
                                 .arg(quoted(m_endpoint.user), quoted(m_endpoint.password));
    m_options->write(text.toUtf8());
    m_options->flush();
    return m_options->fileName();
}

Status MariadbTools::run(const QString &program, const QStringList &arguments, QIODevice *in, QIODevice *out)
{
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        return Failure { ErrorCode::Unavailable,
                         QStringLiteral("%1 is not installed (Debian: apt install mariadb-client)").arg(program), {} };
    const QString options = optionFile();
    if (options.isEmpty())
        return Failure { ErrorCode::Internal, QStringLiteral("cannot write a temporary option file"), {} };
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // mariadb-binlog reads --stop-datetime in the local time zone: ours are UTC.
    environment.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    process.setProcessEnvironment(environment);
    process.start(path, QStringList { QStringLiteral("--defaults-extra-file=%1").arg(options) } + arguments);
    if (!process.waitForStarted(30000))
        return Failure { ErrorCode::Unavailable, QStringLiteral("%1 did not start: %2").arg(program, process.errorString()), {} };
    QString writeError;
    if (in) {
        while (!in->atEnd() && process.state() == QProcess::Running) {
            const QByteArray chunk = in->read(kChunk);
            if (chunk.isEmpty())
                break;
            process.write(chunk);
            while (process.bytesToWrite() > 4 * kChunk && process.waitForBytesWritten(60000)) { }
            // Keep its output flowing too, or a chatty tool blocks on a full pipe.
            process.readAllStandardOutput();
        }
        process.closeWriteChannel();
    }
    while (process.state() == QProcess::Running || process.bytesAvailable() > 0) {
        process.waitForReadyRead(1000);
        const QByteArray output = process.readAllStandardOutput();
        if (out && !output.isEmpty() && writeError.isEmpty() && out->write(output) != output.size())
            writeError = out->errorString();
        if (process.state() != QProcess::Running && process.bytesAvailable() == 0)
            break;
    }
    process.waitForFinished(-1);
    if (!writeError.isEmpty())
        return Failure { ErrorCode::Unavailable, QStringLiteral("cannot write the output of %1 (is the disk full?): %2").arg(program, writeError), {} };
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Failure { ErrorCode::Unavailable,
                         QStringLiteral("%1 failed (exit %2): %3")
                                 .arg(program)
                                 .arg(process.exitCode())
                                 .arg(QString::fromUtf8(process.readAllStandardError()).trimmed().left(2000)),
                         {} };
    return Done {};
}

Status MariadbTools::dump(const QStringList &options, QIODevice &out)
{
    return run(QStringLiteral("mariadb-dump"), options + QStringList { m_endpoint.database }, nullptr, &out);
}

Status MariadbTools::load(QIODevice &in)
{
    return run(QStringLiteral("mariadb"),
               { QStringLiteral("--default-character-set=utf8mb4"), QStringLiteral("--binary-mode"), m_endpoint.database }, &in,
               nullptr);
}

Status MariadbTools::decodeBinaryLog(const QStringList &options, const QStringList &files, QIODevice &out)
{
    return run(QStringLiteral("mariadb-binlog"), options + files, nullptr, &out);
}

namespace {
bool plainName(const QString &table)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_]{1,64}$"));
    return name.match(table).hasMatch();
}
}

Result<QMap<QString, qint64>> MariadbTools::countRows(const QStringList &tables)
{
    QByteArray script;
    for (const QString &table : tables) {
        if (!plainName(table))
            return Failure { ErrorCode::ValidationFailed, QStringLiteral("\"%1\" is not a table of this shop").arg(table), {} };
        script += "SELECT '" + table.toUtf8() + "', COUNT(*) FROM `" + table.toUtf8() + "`;\n";
    }
    QBuffer in(&script);
    in.open(QIODevice::ReadOnly);
    QByteArray output;
    QBuffer out(&output);
    out.open(QIODevice::WriteOnly);
    if (Status ran = run(QStringLiteral("mariadb"), { QStringLiteral("--batch"), QStringLiteral("--skip-column-names"), m_endpoint.database },
                         &in, &out);
        !ran)
        return ran.failure();
    QMap<QString, qint64> counts;
    for (const QByteArray &line : output.split('\n')) {
        const QList<QByteArray> cells = line.split('\t');
        if (cells.size() == 2)
            counts.insert(QString::fromUtf8(cells[0]), cells[1].toLongLong());
    }
    return counts;
}

Status MariadbTools::dropTables(const QStringList &tables)
{
    QByteArray script = "SET FOREIGN_KEY_CHECKS = 0;\n";
    for (const QString &table : tables) {
        if (!plainName(table))
            return Failure { ErrorCode::ValidationFailed, QStringLiteral("\"%1\" is not a table of this shop").arg(table), {} };
        script += "DROP TABLE `" + table.toUtf8() + "`;\n";
    }
    QBuffer in(&script);
    in.open(QIODevice::ReadOnly);
    return load(in);
}

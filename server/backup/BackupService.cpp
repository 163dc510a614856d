#include "BackupService.h"

#include "Database.h"
#include "DumpReader.h"
#include "MariadbTools.h"
#include "Migrator.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QLoggingCategory>
#include <QtCore/QSaveFile>
#include <QtCore/QTemporaryFile>
#include <QtSql/QSqlQuery>

Q_LOGGING_CATEGORY(lcBackup, "storefront.backup")

namespace {
const QString kDumpFile = QStringLiteral("shop.sql");

Failure unavailable(const QString &why)
{
    return Failure { ErrorCode::Unavailable, why, {} };
}

Failure refused(const QString &why)
{
    return Failure { ErrorCode::ValidationFailed, why, {} };
}

Result<QString> scalar(Database &database, const QString &sql)
{
    QSqlQuery q(database.handle());
    if (!q.exec(sql))
        return unavailable(QStringLiteral("cannot read the shop: %1").arg(q.lastError().text()));
    return q.next() ? q.value(0).toString() : QString();
}
}

BackupService::BackupService(MysqlEndpoint endpoint, QString binaryLogDir)
    : m_endpoint(std::move(endpoint)), m_binaryLogDir(std::move(binaryLogDir))
{
}

QString BackupService::latestSchema()
{
    const QStringList files = Migrator::available();
    return files.isEmpty() ? QString() : files.last().chopped(4);
}

Result<BackupService::Taken> BackupService::backup(const QString &toDir)
{
    BackupManifest manifest;
    manifest.startedAt = QDateTime::currentDateTimeUtc();
    manifest.serverVersion = QStringLiteral(STOREFRONT_VERSION);
    Database database(m_endpoint, QStringLiteral("backup"));
    if (Status opened = database.open(); !opened)
        return opened.failure();
    const Result<QString> schema = scalar(database, QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    if (!schema)
        return schema.failure();
    manifest.schemaVersion = schema.value();
    const Result<QString> binlog = scalar(database, QStringLiteral("SELECT @@log_bin"));
    if (!binlog)
        return binlog.failure();
    const bool withBinaryLog = binlog.value() == QLatin1String("1");

    if (!QDir().mkpath(toDir))
        return refused(QStringLiteral("cannot create the backup folder %1").arg(toDir));
    // Named by the second it started; a second backup within that second (a scheduled
    // one beside one an admin asked for) takes the next free suffix, -2, -3, …
    const QString stamp = QStringLiteral("storefront-") + manifest.startedAt.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString folder = QDir(toDir).filePath(stamp);
    for (int suffix = 2; QFileInfo::exists(folder) || QFileInfo::exists(folder + QStringLiteral(".partial")); ++suffix) {
        if (suffix > 99)
            return refused(QStringLiteral("%1 exists already").arg(folder));
        folder = QDir(toDir).filePath(stamp + QStringLiteral("-%1").arg(suffix));
    }
    const QString partial = folder + QStringLiteral(".partial");
    if (!QDir().mkpath(partial))
        return refused(QStringLiteral("cannot write in %1 (is it writable?)").arg(toDir));
    // Every account's password hash and every order: the owner's eyes only.
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    QFile::setPermissions(partial, ownerOnly | QFileDevice::ExeOwner);
    const auto abandon = [&](const Failure &why) {
        QDir(partial).removeRecursively();
        qCWarning(lcBackup).noquote() << "backup abandoned:" << why.message;
        return why;
    };

    QFile dumpFile(QDir(partial).filePath(kDumpFile));
    if (!dumpFile.open(QIODevice::WriteOnly))
        return abandon(refused(QStringLiteral("cannot write in %1: %2").arg(toDir, dumpFile.errorString())));
    dumpFile.setPermissions(ownerOnly);
    QStringList options { QStringLiteral("--single-transaction"), QStringLiteral("--quick"), QStringLiteral("--hex-blob"),
                          QStringLiteral("--routines"), QStringLiteral("--triggers"), QStringLiteral("--no-tablespaces"),
                          QStringLiteral("--skip-dump-date"), QStringLiteral("--default-character-set=utf8mb4") };
    // The snapshot's position in the binary log, as a comment: where a replay starts.
    if (withBinaryLog)
        options << QStringLiteral("--master-data=2");
    MariadbTools tools(m_endpoint);
    const Status dumped = tools.dump(options, dumpFile);
    if (!dumpFile.flush() || dumpFile.error() != QFile::NoError)
        return abandon(unavailable(QStringLiteral("cannot write the backup in %1: %2").arg(toDir, dumpFile.errorString())));
    dumpFile.close();
    if (!dumped)
        return abandon(dumped.failure());

    // The snapshot's own row counts and the file's checksum, in one read of the file.
    QFile written(dumpFile.fileName());
    if (!written.open(QIODevice::ReadOnly))
        return abandon(unavailable(QStringLiteral("cannot read back %1").arg(written.fileName())));
    DumpReader reader;
    while (!written.atEnd())
        reader.addLine(written.readLine());
    manifest.rows = reader.rows();
    manifest.binaryLogFile = reader.binaryLogFile();
    manifest.binaryLogPosition = reader.binaryLogPosition();
    manifest.binaryLogDir = m_binaryLogDir;
    manifest.database = m_endpoint.database;
    if (!manifest.rows.contains(QStringLiteral("schema_migrations")))
        return abandon(unavailable(QStringLiteral("the dump is incomplete: it has no schema_migrations table")));
    const Result<BackupManifest::File> described = BackupManifest::describe(partial, kDumpFile);
    if (!described)
        return abandon(described.failure());
    manifest.files = { described.value() };
    manifest.finishedAt = QDateTime::currentDateTimeUtc();

    QSaveFile manifestFile(QDir(partial).filePath(QString::fromLatin1(BackupManifest::kFileName)));
    manifestFile.setDirectWriteFallback(false);
    if (!manifestFile.open(QIODevice::WriteOnly) || !manifestFile.setPermissions(ownerOnly)
        || manifestFile.write(manifest.toJson()) < 0 || !manifestFile.commit())
        return abandon(unavailable(QStringLiteral("cannot write the manifest in %1: %2").arg(toDir, manifestFile.errorString())));
    if (!QDir().rename(partial, folder))
        return abandon(unavailable(QStringLiteral("cannot rename %1 to %2").arg(partial, folder)));
    qCInfo(lcBackup).noquote() << "backup taken:" << folder << manifest.totalBytes() << "bytes in"
                               << manifest.startedAt.msecsTo(manifest.finishedAt) << "ms";
    return Taken { folder, manifest };
}

Result<BackupManifest> BackupService::restore(const QString &fromDir, const RestoreOptions &options)
{
    const Result<BackupManifest> manifest = BackupManifest::read(fromDir);
    if (!manifest)
        return manifest.failure();
    if (Status intact = manifest->checkFiles(fromDir); !intact)
        return intact.failure();
    if (manifest->schemaVersion > latestSchema())
        return refused(QStringLiteral("the backup's schema (%1) is newer than this build's (%2): restore it with a newer "
                                      "storefront-server")
                               .arg(manifest->schemaVersion, latestSchema()));
    if (options.until.isValid()) {
        if (manifest->binaryLogFile.isEmpty())
            return refused(QStringLiteral("the backup was taken without a binary log: it can be restored only to its own moment (%1)")
                                   .arg(manifest->startedAt.toString(Qt::ISODate)));
        if (options.until < manifest->startedAt)
            return refused(QStringLiteral("--until is before the backup was taken (%1)").arg(manifest->startedAt.toString(Qt::ISODate)));
    }

    Database database(m_endpoint, QStringLiteral("restore"));
    if (Status opened = database.open(); !opened)
        return opened.failure();
    QSqlQuery q(database.handle());
    if (!q.exec(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")))
        return unavailable(QStringLiteral("cannot read the target database: %1").arg(q.lastError().text()));
    QStringList tables;
    while (q.next())
        tables << q.value(0).toString();
    if (!tables.isEmpty() && !options.replace)
        return refused(QStringLiteral("the database %1 is not empty (%2 tables): restore into an empty one, or give --replace "
                                      "to drop what it holds")
                               .arg(m_endpoint.database)
                               .arg(tables.size()));
    MariadbTools tools(m_endpoint);
    if (!tables.isEmpty())
        if (Status dropped = tools.dropTables(tables); !dropped)
            return dropped.failure();
    QFile dump(QDir(fromDir).filePath(kDumpFile));
    if (!dump.open(QIODevice::ReadOnly))
        return unavailable(QStringLiteral("cannot read %1").arg(dump.fileName()));
    if (Status loaded = tools.load(dump); !loaded)
        return loaded.failure();
    if (options.until.isValid())
        if (Status replayed = replay(manifest.value(), options); !replayed)
            return replayed.failure();
    qCInfo(lcBackup).noquote() << "restored" << fromDir << "into" << m_endpoint.redacted()
                               << (options.until.isValid() ? QStringLiteral("up to ") + options.until.toString(Qt::ISODate) : QString());
    return manifest;
}

Status BackupService::replay(const BackupManifest &manifest, const RestoreOptions &options)
{
    const QString dir = options.binaryLogDir.isEmpty() ? manifest.binaryLogDir : options.binaryLogDir;
    if (dir.isEmpty())
        return refused(QStringLiteral("where is the shop's binary log? give --binlog-dir DIR (the source database's data folder)"));
    // The backup's file and every later one, in order (binlog.000007, binlog.000008, …).
    const QString base = manifest.binaryLogFile.left(manifest.binaryLogFile.lastIndexOf(QLatin1Char('.')));
    QStringList files;
    for (const QString &name : QDir(dir).entryList({ base + QStringLiteral(".[0-9]*") }, QDir::Files, QDir::Name))
        if (name >= manifest.binaryLogFile)
            files << QDir(dir).filePath(name);
    if (files.isEmpty() || !files.first().endsWith(manifest.binaryLogFile))
        return refused(QStringLiteral("the binary log %1 is not in %2 (it may have expired): the backup can be restored only "
                                      "to its own moment")
                               .arg(manifest.binaryLogFile, dir));
    QStringList decode { QStringLiteral("--start-position=%1").arg(manifest.binaryLogPosition),
                         QStringLiteral("--stop-datetime=%1").arg(options.until.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                         QStringLiteral("--database=%1").arg(manifest.database) };
    if (manifest.database != m_endpoint.database)
        decode << QStringLiteral("--rewrite-db=%1->%2").arg(manifest.database, m_endpoint.database);
    // Through a file, not memory: days of a busy shop's binary log.
    QTemporaryFile sql;
    if (!sql.open())
        return unavailable(QStringLiteral("cannot write a temporary file for the replay"));
    MariadbTools tools(m_endpoint);
    if (Status decoded = tools.decodeBinaryLog(decode, files, sql); !decoded)
        return decoded;
    if (!sql.flush() || !sql.seek(0))
        return unavailable(QStringLiteral("cannot read back the replay: %1").arg(sql.errorString()));
    return tools.load(sql);
}

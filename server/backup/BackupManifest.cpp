#include "BackupManifest.h"

#include "IsoTime.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

namespace {
Failure broken(const QString &why)
{
    return Failure { ErrorCode::ValidationFailed, why, {} };
}
}

QByteArray BackupManifest::toJson() const
{
    QJsonObject counts;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it)
        counts.insert(it.key(), it.value());
    QJsonArray list;
    for (const File &f : files)
        list.append(QJsonObject { { QStringLiteral("name"), f.name }, { QStringLiteral("bytes"), f.bytes },
                                  { QStringLiteral("sha256"), f.sha256 } });
    QJsonObject binlog;
    if (!binaryLogFile.isEmpty())
        binlog = QJsonObject { { QStringLiteral("file"), binaryLogFile },
                               { QStringLiteral("position"), binaryLogPosition },
                               { QStringLiteral("dir"), binaryLogDir } };
    return QJsonDocument(QJsonObject { { QStringLiteral("format"), format },
                                       { QStringLiteral("startedAt"), IsoTime::format(startedAt) },
                                       { QStringLiteral("finishedAt"), IsoTime::format(finishedAt) },
                                       { QStringLiteral("schemaVersion"), schemaVersion },
                                       { QStringLiteral("serverVersion"), serverVersion },
                                       { QStringLiteral("database"), database },
                                       { QStringLiteral("binaryLog"), binlog.isEmpty() ? QJsonValue() : QJsonValue(binlog) },
                                       { QStringLiteral("rows"), counts },
                                       { QStringLiteral("files"), list } })
            .toJson(QJsonDocument::Indented);
}

Result<BackupManifest> BackupManifest::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!document.isObject())
        return broken(QStringLiteral("the manifest is not JSON: %1").arg(error.errorString()));
    const QJsonObject o = document.object();
    BackupManifest m;
    m.format = o.value(QStringLiteral("format")).toInt();
    if (m.format != 1)
        return broken(QStringLiteral("the manifest has format %1; this build reads format 1").arg(m.format));
    m.startedAt = IsoTime::parse(o.value(QStringLiteral("startedAt")).toString());
    m.finishedAt = IsoTime::parse(o.value(QStringLiteral("finishedAt")).toString());
    m.schemaVersion = o.value(QStringLiteral("schemaVersion")).toString();
    m.serverVersion = o.value(QStringLiteral("serverVersion")).toString();
    m.database = o.value(QStringLiteral("database")).toString(QStringLiteral("storefront"));
    const QJsonObject binlog = o.value(QStringLiteral("binaryLog")).toObject();
    m.binaryLogFile = binlog.value(QStringLiteral("file")).toString();
    m.binaryLogPosition = binlog.value(QStringLiteral("position")).toInteger();
    m.binaryLogDir = binlog.value(QStringLiteral("dir")).toString();
    const QJsonObject counts = o.value(QStringLiteral("rows")).toObject();
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        m.rows.insert(it.key(), it.value().toInteger());
    for (const QJsonValue &v : o.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString name = f.value(QStringLiteral("name")).toString();
        if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.startsWith(QLatin1Char('.')))
            return broken(QStringLiteral("the manifest names a file outside its folder: \"%1\"").arg(name));
        m.files.append(File { name, f.value(QStringLiteral("bytes")).toInteger(), f.value(QStringLiteral("sha256")).toString() });
    }
    if (!m.startedAt.isValid() || m.schemaVersion.isEmpty() || m.files.isEmpty())
        return broken(QStringLiteral("the manifest lacks its time, schema version or files"));
    return m;
}

Result<BackupManifest> BackupManifest::read(const QString &dir)
{
    QFile file(QDir(dir).filePath(QString::fromLatin1(kFileName)));
    if (!file.open(QIODevice::ReadOnly))
        return broken(QStringLiteral("%1 is not a backup: it has no readable %2 (an unfinished backup ends in .partial)")
                              .arg(dir, QString::fromLatin1(kFileName)));
    return fromJson(file.readAll());
}

Result<BackupManifest::File> BackupManifest::describe(const QString &dir, const QString &name)
{
    QFile file(QDir(dir).filePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return broken(QStringLiteral("%1 is missing from the backup").arg(name));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return broken(QStringLiteral("%1 cannot be read: %2").arg(name, file.errorString()));
    return File { name, file.size(), QString::fromLatin1(hash.result().toHex()) };
}

Status BackupManifest::checkFiles(const QString &dir) const
{
    for (const File &expected : files) {
        const Result<File> actual = describe(dir, expected.name);
        if (!actual)
            return actual.failure();
        if (actual->bytes != expected.bytes || actual->sha256 != expected.sha256)
            return broken(QStringLiteral("%1 does not match the manifest (%2 bytes, SHA-256 %3…; the manifest says %4 bytes, %5…): "
                                         "the backup is damaged")
                                  .arg(expected.name)
                                  .arg(actual->bytes)
                                  .arg(actual->sha256.left(12))
                                  .arg(expected.bytes)
                                  .arg(expected.sha256.left(12)));
    }
    return Done {};
}

qint64 BackupManifest::totalBytes() const
{
    qint64 total = 0;
    for (const File &f : files)
        total += f.bytes;
    return total;
}

#pragma once

#include "Result.h"

#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QString>

// manifest.json of a backup folder, written last: a folder without it (or with the
// .partial suffix) is not a backup. What restore and verify check before trusting the
// files: their sizes and SHA-256, the schema version the data is at.
struct BackupManifest {
    struct File {
        QString name; // relative to the backup folder
        qint64 bytes = 0;
        QString sha256; // hex
    };
    int format = 1;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString schemaVersion; // the last migration applied, e.g. "0007_text_in_every_language"
    QString serverVersion; // storefront-server's
    QString binaryLogFile; // empty: the shop kept no binary log (no restore to a moment)
    qint64 binaryLogPosition = 0;
    QString binaryLogDir; // where the source's binary log lives, when it is a local stack
    QString database = QStringLiteral("storefront"); // the source database's name (the binary log names it)
    QMap<QString, qint64> rows; // per table, in the backup's snapshot
    QList<File> files;

    static constexpr const char *kFileName = "manifest.json";

    QByteArray toJson() const;
    static Result<BackupManifest> fromJson(const QByteArray &json);
    static Result<BackupManifest> read(const QString &dir);
    // SHA-256 and size of each listed file compared with the folder's: the first that
    // differs or is missing, as a failure naming it.
    Status checkFiles(const QString &dir) const;
    qint64 totalBytes() const;

    static Result<File> describe(const QString &dir, const QString &name);
};

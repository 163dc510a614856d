#pragma once

#include "BackupManifest.h"
#include "MysqlEndpoint.h"
#include "Result.h"

#include <QtCore/QDateTime>
#include <QtCore/QString>

// Backups of a running shop, logical: `mariadb-dump --single-transaction` (one InnoDB
// snapshot, orders go on being paid while it is read; pictures are rows, written with
// --hex-blob), the snapshot's binary-log position, a manifest with the snapshot's own
// row counts and the files' SHA-256, written last. Restore loads it into an empty
// database and can replay the binary log up to a moment. Why logical and not
// mariadb-backup: docs/architecture.md, "Backups".
class BackupService
{
public:
    // `binaryLogDir`: where the shop's binary log lives when it is a local stack (for a
    // later restore to a moment); empty for an external MySQL.
    BackupService(MysqlEndpoint endpoint, QString binaryLogDir = QString());

    struct Taken {
        QString folder; // DIR/storefront-20261206T101500Z
        BackupManifest manifest;
    };
    // A new folder under `toDir`, built as `<name>.partial` and renamed once whole: a
    // failure (the folder not writable, the disk full, the dump refused) leaves nothing
    // that looks like a backup.
    Result<Taken> backup(const QString &toDir);

    struct RestoreOptions {
        bool replace = false; // drop what the target database holds first
        QDateTime until; // valid: replay the binary log up to this moment (UTC)
        QString binaryLogDir; // empty: the one the manifest names
    };
    // Into the endpoint's database, which must be empty unless `replace`. Refuses a
    // backup whose files do not match its manifest, or whose schema is newer than this
    // build's migrations.
    Result<BackupManifest> restore(const QString &fromDir, const RestoreOptions &options);

    // The last migration this build knows ("0007_…").
    static QString latestSchema();

private:
    Status replay(const BackupManifest &manifest, const RestoreOptions &options);

    MysqlEndpoint m_endpoint;
    QString m_binaryLogDir;
};

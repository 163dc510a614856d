#include "BackupVerifier.h"

#include "MariadbTools.h"

#include "BackupService.h"
#include "Database.h"
#include "InvariantChecker.h"
#include "LocalStack.h"

Result<QString> BackupVerifier::verify(const QString &dir)
{
    const Result<BackupManifest> manifest = BackupManifest::read(dir);
    if (!manifest)
        return manifest.failure();
    if (Status intact = manifest->checkFiles(dir); !intact)
        return intact.failure();
    LocalStack scratch(LocalStack::Mode::Ephemeral);
    if (Status started = scratch.start(); !started)
        return started.failure();
    const Result<MysqlEndpoint> endpoint = MysqlEndpoint::fromUrl(scratch.mysql().url());
    if (!endpoint)
        return endpoint.failure();
    const Result<BackupManifest> restored = BackupService(endpoint.value()).restore(dir, {});
    if (!restored)
        return restored.failure();
    Database database(endpoint.value(), QStringLiteral("verify"));
    if (Status opened = database.open(); !opened)
        return opened.failure();
    const Result<QMap<QString, qint64>> counted = MariadbTools(endpoint.value()).countRows(manifest->rows.keys());
    if (!counted)
        return counted.failure();
    QStringList differ;
    for (auto it = manifest->rows.cbegin(); it != manifest->rows.cend(); ++it) {
        const qint64 rows = counted->value(it.key(), -1);
        if (rows != it.value())
            differ << QStringLiteral("%1 has %2 rows, the manifest says %3").arg(it.key()).arg(rows).arg(it.value());
    }
    if (!differ.isEmpty())
        return Failure { ErrorCode::ValidationFailed, differ.join(QStringLiteral("; ")), {} };
    const Result<QList<InvariantChecker::Violation>> violations = InvariantChecker(database).run();
    if (!violations)
        return violations.failure();
    if (!violations->isEmpty())
        return Failure { ErrorCode::ValidationFailed,
                         QStringLiteral("restored, but the invariants fail: %1").arg(InvariantChecker::report(violations.value())), {} };
    qint64 rows = 0;
    for (const qint64 n : manifest->rows)
        rows += n;
    return QStringLiteral("backup %1 verified: restored into a scratch database, %2 rows in %3 tables as the manifest says, "
                          "invariants hold (%4 bytes, taken %5)")
            .arg(dir)
            .arg(rows)
            .arg(manifest->rows.size())
            .arg(manifest->totalBytes())
            .arg(manifest->startedAt.toString(Qt::ISODate));
}

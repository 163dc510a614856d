#include "BackupScheduler.h"

#include "BackupService.h"
#include "BackupVerifier.h"
#include "Database.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>

Q_DECLARE_LOGGING_CATEGORY(lcBackup)

namespace {
// A failed backup (a full disk, MySQL refusing the dump) is tried again after this
// long, not at every check.
constexpr qint64 kRetrySeconds = 3600;

QJsonObject countsOf(const BackupManifest &manifest)
{
    QJsonObject counts;
    for (auto it = manifest.rows.cbegin(); it != manifest.rows.cend(); ++it)
        counts.insert(it.key(), it.value());
    return counts;
}

// What pruning may remove: a folder BackupService made (its name and its manifest), so
// a wrong path in the record can never take anything else with it.
bool looksLikeBackup(const QString &folder)
{
    static const QRegularExpression name(QStringLiteral("^storefront-\\d{8}T\\d{6}Z(-\\d{1,2})?$"));
    const QFileInfo info(folder);
    return name.match(info.fileName()).hasMatch() && QFileInfo::exists(QDir(folder).filePath(QStringLiteral("manifest.json")));
}
}

BackupScheduler::BackupScheduler(Options options, QObject *parent) : QThread(parent), m_options(std::move(options))
{
    setObjectName(QStringLiteral("backups"));
}

BackupScheduler::~BackupScheduler()
{
    stop();
}

void BackupScheduler::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    wait();
}

void BackupScheduler::checkNow()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_checkNow = true;
    }
    m_wake.notify_all();
}

int BackupScheduler::completedChecks() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_completed;
}

Result<BackupRepository::Row> BackupScheduler::requestNow()
{
    if (!enabled())
        return Failure::validation(QStringLiteral("backup-dir"),
                                   QStringLiteral("backups are off on this server: set backup-dir in its configuration"));
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_running || m_requested)
        return Failure { ErrorCode::BackupRunning, QStringLiteral("a backup is running"), {} };
    if (m_stopping || !isRunning())
        return Failure { ErrorCode::Unavailable, QStringLiteral("the server is stopping"), {}, true };
    m_requested = true;
    m_decision = Decision::Pending;
    m_wake.notify_all();
    // The thread takes the lock and writes the row (milliseconds) before this answers,
    // so a 202 always means a backup that runs; a check under way is waited for.
    m_decided.wait_for(lock, std::chrono::seconds(20), [this] { return m_decision != Decision::Pending; });
    switch (m_decision) {
    case Decision::Started:
        return m_decidedRow;
    case Decision::Busy:
        return Failure { ErrorCode::BackupRunning, m_decisionText, {} };
    case Decision::Pending:
        m_requested = false;
        return Failure { ErrorCode::Unavailable, QStringLiteral("the backup thread did not answer in time"), {}, true };
    case Decision::Failed:
        break;
    }
    return Failure { ErrorCode::Unavailable, m_decisionText, {}, true };
}

void BackupScheduler::decide(Decision decision, const BackupRepository::Row &row, const QString &why)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_requested)
            return; // a scheduled run nobody waits for
        m_requested = false;
        m_decision = decision;
        m_decidedRow = row;
        m_decisionText = why;
    }
    m_decided.notify_all();
}

bool BackupScheduler::waitForWork()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(m_options.checkMs),
                    [this] { return m_stopping || m_checkNow || m_requested; });
    m_checkNow = false;
    return !m_stopping;
}

void BackupScheduler::run()
{
    Database records(m_options.mysql, QStringLiteral("backup-records"));
    readLastVerified(records);
    while (waitForWork()) {
        bool requested = false;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            requested = m_requested;
        }
        runOnce(records, requested);
        readLastVerified(records);
        std::lock_guard<std::mutex> lock(m_mutex);
        ++m_completed;
    }
    decide(Decision::Failed, {}, QStringLiteral("the server is stopping"));
}

void BackupScheduler::runOnce(Database &records, bool requested)
{
    // A connection of its own for the lock, closed at the end of the run: the lock
    // lives exactly as long as the run, or as the process.
    Database lockConnection(m_options.mysql, QStringLiteral("backup-lock"));
    BackupRepository lock(lockConnection);
    const Result<bool> locked = lock.takeLock();
    if (!locked) {
        qCWarning(lcBackup).noquote() << "no backup: cannot take the backup lock:" << locked.failure().message;
        decide(Decision::Failed, {}, locked.failure().message);
        return;
    }
    if (!locked.value()) {
        decide(Decision::Busy, {}, QStringLiteral("a backup is running on another server instance"));
        return;
    }
    BackupRepository record(records);
    if (Status settled = record.settleInterrupted(); !settled)
        qCWarning(lcBackup).noquote() << "cannot settle interrupted backups:" << settled.failure().message;
    if (!requested) {
        const Result<bool> due = record.due(qint64(m_options.everyHours) * 3600, kRetrySeconds);
        if (!due || !due.value()) {
            lock.releaseLock();
            return;
        }
    }
    const Result<qint64> id = record.begin();
    if (!id) {
        lock.releaseLock();
        decide(Decision::Failed, {}, id.failure().message);
        return;
    }
    BackupRepository::Row row;
    row.id = id.value();
    row.startedAt = QDateTime::currentDateTimeUtc();
    {
        std::lock_guard<std::mutex> guard(m_mutex);
        m_running = true;
    }
    // A POST that came while a scheduled run began gets this one: a backup starting now.
    decide(Decision::Started, row);
    qCInfo(lcBackup).noquote() << (requested ? "backup requested:" : "scheduled backup:") << "into" << m_options.dir;
    takeBackup(records, row.id);
    lock.releaseLock();
    std::lock_guard<std::mutex> guard(m_mutex);
    m_running = false;
}

void BackupScheduler::takeBackup(Database &records, qint64 id)
{
    BackupRepository record(records);
    const Result<BackupService::Taken> taken = BackupService(m_options.mysql, m_options.binaryLogDir).backup(m_options.dir);
    if (!taken) {
        qCWarning(lcBackup).noquote() << "scheduled backup failed:" << taken.failure().message;
        record.fail(id, taken.failure().message);
        return;
    }
    if (Status finished = record.finish(id, taken->folder, taken->manifest.totalBytes(), countsOf(taken->manifest),
                                        taken->manifest.finishedAt);
        !finished)
        qCWarning(lcBackup).noquote() << "backup taken, but not recorded:" << finished.failure().message;
    // A backup that was never restored is not a backup: this one is, into a scratch stack.
    const Result<QString> verdict = BackupVerifier::verify(taken->folder);
    if (!verdict) {
        qCCritical(lcBackup).noquote() << "backup" << taken->folder << "does not restore:" << verdict.failure().message;
        record.fail(id, QStringLiteral("taken, but it does not restore: ") + verdict.failure().message);
        return;
    }
    record.markVerified(id);
    qCInfo(lcBackup).noquote() << verdict.value();
    // Only now, with a newer verified backup in hand, may older ones go.
    prune(records);
}

void BackupScheduler::prune(Database &records)
{
    BackupRepository record(records);
    const Result<QList<BackupRepository::Row>> rows = record.list();
    if (!rows)
        return;
    int verified = 0;
    for (const BackupRepository::Row &row : rows.value()) {
        if (verified < m_options.keep) {
            verified += row.verified ? 1 : 0;
            continue; // newer than the keep-th verified one, or it
        }
        if (!row.folder.isEmpty() && QFileInfo::exists(row.folder)) {
            if (!looksLikeBackup(row.folder)) {
                qCWarning(lcBackup).noquote() << "not pruned: " << row.folder << "does not look like a backup folder";
                continue;
            }
            if (!QDir(row.folder).removeRecursively()) {
                qCWarning(lcBackup).noquote() << "cannot remove the old backup" << row.folder;
                continue;
            }
        }
        record.remove(row.id);
        qCInfo(lcBackup).noquote() << "pruned the backup of" << row.startedAt.toString(Qt::ISODate) << row.folder;
    }
}

void BackupScheduler::readLastVerified(Database &records)
{
    const Result<std::optional<BackupRepository::Row>> last = BackupRepository(records).lastVerified();
    if (!last)
        return; // MySQL down: the gauges keep what they said
    std::lock_guard<std::mutex> lock(m_mutex);
    m_lastKnown = true;
    m_lastSuccessSeconds = last.value() ? last.value()->finishedAt.toSecsSinceEpoch() : 0;
    m_lastBytes = last.value() ? last.value()->bytes : 0;
}

void BackupScheduler::recordRestored(const MysqlEndpoint &shop, const QString &fromDir, const BackupManifest &manifest)
{
    if (!manifest.rows.contains(QStringLiteral("backups")))
        return;
    Database database(shop, QStringLiteral("restore-record"));
    if (Status settled = BackupRepository(database).settleRestored(manifest.startedAt, QDir(fromDir).absolutePath(),
                                                                   manifest.totalBytes(), countsOf(manifest), manifest.finishedAt);
        !settled)
        qCWarning(lcBackup).noquote() << "restored, but its backup list still shows this backup as unfinished:"
                                      << settled.failure().message;
}

QByteArray BackupScheduler::prometheus() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!enabled() || !m_lastKnown)
        return {};
    return "# HELP storefront_backup_last_success_timestamp_seconds When the shop's newest verified backup finished "
           "(0: none yet).\n"
           "# TYPE storefront_backup_last_success_timestamp_seconds gauge\n"
           "storefront_backup_last_success_timestamp_seconds "
            + QByteArray::number(m_lastSuccessSeconds)
            + "\n# HELP storefront_backup_last_size_bytes Size of the shop's newest verified backup.\n"
              "# TYPE storefront_backup_last_size_bytes gauge\n"
              "storefront_backup_last_size_bytes "
            + QByteArray::number(m_lastBytes) + '\n';
}

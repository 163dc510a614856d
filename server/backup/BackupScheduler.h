#pragma once

#include "BackupManifest.h"
#include "BackupRepository.h"
#include "MysqlEndpoint.h"
#include "Result.h"

#include <QtCore/QThread>

#include <condition_variable>
#include <mutex>

class Database;

// Scheduled and requested backups (issue 25, points 5 and 6), on a thread of their own
// so no HTTP worker ever waits for a dump or a verification. Every `checkMs` the thread
// asks whether one is due; POST /admin/backups asks for one now. Either way one run:
//
//   GET_LOCK('storefront.backup', 0) on a connection of its own, held to the end (it
//   goes with the connection if this instance dies) · under it, rows another run left
//   pending are settled as interrupted · a scheduled run goes on only when the shop's
//   record says none started within backup-every hours (BackupRepository::due, MySQL's
//   clock): so two instances asked at once take one backup · a row · BackupService's
//   backup · BackupVerifier (a scratch stack) · verified · only then pruning, down to
//   the `keep` newest verified (their folders removed with their rows).
//
// Every instance of a shop runs one; the record and the lock make them take turns.
class BackupScheduler : public QThread
{
    Q_OBJECT
public:
    struct Options {
        MysqlEndpoint mysql;
        QString dir; // empty: no scheduled backups, and POST is refused
        int everyHours = 24;
        int keep = 7;
        int checkMs = 60000; // the first check this long after start, then as often
        QString binaryLogDir; // the shop's, when it is a local stack (restore to a moment)
    };

    explicit BackupScheduler(Options options, QObject *parent = nullptr);
    // Waits for a run under way: its lock and row stay whole.
    ~BackupScheduler() override;

    bool enabled() const { return !m_options.dir.isEmpty(); }
    const Options &options() const { return m_options; }
    // Ends the thread after the run under way, if any.
    void stop();

    // POST /admin/backups: a run starts now on this thread. Answers once the thread
    // holds the lock and has written the run's row (that row), or BACKUP_RUNNING when a
    // run is under way here or on another instance.
    Result<BackupRepository::Row> requestNow();
    // Wakes the thread for its scheduled check at once (tests; a check that finds one
    // not due does nothing).
    void checkNow();
    // Checks and runs finished since start, for tests to wait on.
    int completedChecks() const;

    // The newest verified backup's time and size as Prometheus gauges (as of the last
    // check: at most checkMs old); the time is 0 while the shop has none. Empty when
    // backups are off on this instance.
    QByteArray prometheus() const;

    // After `restore --from DIR` into `shop`: the restored record lists the backup it
    // came from as finished and verified (BackupRepository::settleRestored), not as a
    // run cut short. Nothing to do for a backup older than the record (migration 0009).
    static void recordRestored(const MysqlEndpoint &shop, const QString &fromDir, const BackupManifest &manifest);

protected:
    void run() override;

private:
    enum class Decision { Pending, Started, Busy, Failed };
    bool waitForWork();
    void runOnce(Database &records, bool requested);
    void decide(Decision decision, const BackupRepository::Row &row = {}, const QString &why = {});
    void takeBackup(Database &records, qint64 id);
    void prune(Database &records);
    void readLastVerified(Database &records);

    Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_decided;
    bool m_stopping = false;
    bool m_checkNow = false;
    bool m_requested = false; // a POST waits for its decision
    bool m_running = false; // this instance holds the lock and runs one
    Decision m_decision = Decision::Pending;
    BackupRepository::Row m_decidedRow;
    QString m_decisionText;
    int m_completed = 0;
    bool m_lastKnown = false; // the record was read at least once
    qint64 m_lastSuccessSeconds = 0;
    qint64 m_lastBytes = 0;
};

#pragma once

#include "Result.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QList>

#include <optional>

class Database;

// The shop's record of its scheduled and requested backups (table `backups`, migration
// 0009) and the MySQL named lock `storefront.backup` that lets one instance at a time
// take one. The lock belongs to the connection that took it: it goes when the instance
// dies, so a crashed backup never blocks the next.
class BackupRepository
{
public:
    explicit BackupRepository(Database &database) : m_database(database) { }

    struct Row {
        qint64 id = 0;
        QDateTime startedAt;
        QDateTime finishedAt; // invalid while it runs
        QString folder;
        qint64 bytes = 0;
        bool verified = false;
        QJsonObject counts;
        QString error; // empty: none
        bool pending() const { return error.isEmpty() && (!finishedAt.isValid() || !verified); }
    };

    // True when this connection now holds the lock; false when another holds it.
    Result<bool> takeLock();
    Status releaseLock();
    // True while some connection (any instance) holds the lock.
    Result<bool> lockHeld();

    // Decided under the lock, by MySQL's clock (the same for every instance): no
    // backup started within `everySeconds` that has not failed, and none failed within
    // `retrySeconds` (a full disk is not retried every minute).
    Result<bool> due(qint64 everySeconds, qint64 retrySeconds);
    // Under the lock no run is under way, so a row still pending was cut short (its
    // instance stopped or died): it gets interruptedError().
    Status settleInterrupted();
    // The error of a run cut short (also what GET shows for a pending row nobody runs).
    static QString interruptedError();

    // A new row, started now; its id.
    Result<qint64> begin();
    Status finish(qint64 id, const QString &folder, qint64 bytes, const QJsonObject &counts, const QDateTime &finishedAt);
    Status fail(qint64 id, const QString &why);
    Status markVerified(qint64 id);
    Status remove(qint64 id);

    // Newest first (at most 200: pruning keeps the list short).
    Result<QList<Row>> list();
    // The newest verified backup, if any.
    Result<std::optional<Row>> lastVerified();

    // After `restore --from DIR`: the restored record still shows the backup it came
    // from as running (its row was written just before the snapshot). It is that
    // folder, as its manifest says, and verified: this shop was restored from it.
    Status settleRestored(const QDateTime &manifestStartedAt, const QString &folder, qint64 bytes,
                          const QJsonObject &counts, const QDateTime &finishedAt);

private:
    static Row read(class QSqlQuery *q);

    Database &m_database;
};

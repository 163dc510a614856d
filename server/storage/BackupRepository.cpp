#include "BackupRepository.h"

#include "Database.h"
#include "SqlTime.h"

#include <QtCore/QJsonDocument>

namespace {
const QString kColumns = QStringLiteral("id, started_at, finished_at, folder, bytes, verified, counts, error");

Result<qint64> single(const Result<Statement> &ran)
{
    if (!ran)
        return ran.failure();
    QSqlQuery *q = ran.value();
    if (!q->next())
        return Failure { ErrorCode::Internal, QStringLiteral("no row from a one-row query"), {} };
    return q->value(0).isNull() ? qint64(-1) : q->value(0).toLongLong();
}

Status done(const Result<Statement> &ran)
{
    if (!ran)
        return ran.failure();
    return Done {};
}

QString compact(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}
}

Result<bool> BackupRepository::takeLock()
{
    const Result<qint64> got = single(m_database.run(QStringLiteral("SELECT GET_LOCK('storefront.backup', 0)")));
    if (!got)
        return got.failure();
    return got.value() == 1;
}

Status BackupRepository::releaseLock()
{
    const Result<qint64> released = single(m_database.run(QStringLiteral("SELECT RELEASE_LOCK('storefront.backup')")));
    if (!released)
        return released.failure();
    return Done {};
}

Result<bool> BackupRepository::lockHeld()
{
    const Result<qint64> held = single(m_database.run(QStringLiteral("SELECT IS_USED_LOCK('storefront.backup') IS NOT NULL")));
    if (!held)
        return held.failure();
    return held.value() == 1;
}

Result<bool> BackupRepository::due(qint64 everySeconds, qint64 retrySeconds)
{
    const Result<qint64> recent = single(m_database.run(
            QStringLiteral("SELECT (SELECT COUNT(*) FROM backups WHERE error IS NULL "
                           "AND started_at > UTC_TIMESTAMP(3) - INTERVAL ? SECOND) "
                           "+ (SELECT COUNT(*) FROM backups WHERE error IS NOT NULL "
                           "AND started_at > UTC_TIMESTAMP(3) - INTERVAL ? SECOND)"),
            { everySeconds, retrySeconds }));
    if (!recent)
        return recent.failure();
    return recent.value() == 0;
}

QString BackupRepository::interruptedError()
{
    return QStringLiteral("not finished: the server taking it stopped before it was done");
}

Status BackupRepository::settleInterrupted()
{
    return done(m_database.run(QStringLiteral("UPDATE backups SET error = ? WHERE error IS NULL "
                                              "AND (finished_at IS NULL OR verified = 0)"),
                               { interruptedError() }));
}

Result<qint64> BackupRepository::begin()
{
    const Result<Statement> inserted = m_database.run(QStringLiteral("INSERT INTO backups (started_at) VALUES (UTC_TIMESTAMP(3))"));
    if (!inserted)
        return inserted.failure();
    return inserted.value()->lastInsertId().toLongLong();
}

Status BackupRepository::finish(qint64 id, const QString &folder, qint64 bytes, const QJsonObject &counts,
                                const QDateTime &finishedAt)
{
    return done(m_database.run(QStringLiteral("UPDATE backups SET finished_at = ?, folder = ?, bytes = ?, counts = ? WHERE id = ?"),
                               { SqlTime::param(finishedAt), folder, bytes, compact(counts), id }));
}

Status BackupRepository::fail(qint64 id, const QString &why)
{
    // The column holds 2,000 characters; a tool's error can be longer.
    return done(m_database.run(QStringLiteral("UPDATE backups SET error = ?, verified = 0 WHERE id = ?"), { why.left(2000), id }));
}

Status BackupRepository::markVerified(qint64 id)
{
    return done(m_database.run(QStringLiteral("UPDATE backups SET verified = 1 WHERE id = ?"), { id }));
}

Status BackupRepository::remove(qint64 id)
{
    return done(m_database.run(QStringLiteral("DELETE FROM backups WHERE id = ?"), { id }));
}

BackupRepository::Row BackupRepository::read(QSqlQuery *q)
{
    Row row;
    row.id = q->value(0).toLongLong();
    row.startedAt = SqlTime::utc(q->value(1));
    row.finishedAt = q->value(2).isNull() ? QDateTime() : SqlTime::utc(q->value(2));
    row.folder = q->value(3).toString();
    row.bytes = q->value(4).toLongLong();
    row.verified = q->value(5).toInt() == 1;
    row.counts = QJsonDocument::fromJson(q->value(6).toString().toUtf8()).object();
    row.error = q->value(7).toString();
    return row;
}

Result<QList<BackupRepository::Row>> BackupRepository::list()
{
    const Result<Statement> rows = m_database.run(QStringLiteral("SELECT ") + kColumns
                                                  + QStringLiteral(" FROM backups ORDER BY started_at DESC, id DESC LIMIT 200"));
    if (!rows)
        return rows.failure();
    QList<Row> out;
    while (rows.value()->next())
        out.append(read(rows.value()));
    return out;
}

Result<std::optional<BackupRepository::Row>> BackupRepository::lastVerified()
{
    const Result<Statement> rows = m_database.run(
            QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(" FROM backups WHERE verified = 1 ORDER BY started_at DESC, id DESC LIMIT 1"));
    if (!rows)
        return rows.failure();
    if (!rows.value()->next())
        return std::optional<Row>();
    return std::optional<Row>(read(rows.value()));
}

Status BackupRepository::settleRestored(const QDateTime &manifestStartedAt, const QString &folder, qint64 bytes,
                                        const QJsonObject &counts, const QDateTime &finishedAt)
{
    // The row was written a moment before the snapshot began: the newest one still
    // unfinished that started no later than the manifest says.
    return done(m_database.run(QStringLiteral("UPDATE backups SET finished_at = ?, folder = ?, bytes = ?, counts = ?, verified = 1 "
                                              "WHERE finished_at IS NULL AND error IS NULL AND started_at <= ? "
                                              "ORDER BY started_at DESC LIMIT 1"),
                               { SqlTime::param(finishedAt), folder, bytes, compact(counts), SqlTime::param(manifestStartedAt) }));
}

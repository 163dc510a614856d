#include "AuthGuard.h"
#include "BackupRepository.h"
#include "BackupScheduler.h"
#include "IsoTime.h"
#include "Responses.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

namespace {
// One backup as API.md lists it, plus where it is, how far it has come and why it
// failed (the app's Backups page shows these). `lockHeld`: a run is under way on some
// instance; a row still pending without one was cut short.
QJsonObject itemJson(const BackupRepository::Row &row, bool lockHeld)
{
    QString state = QStringLiteral("verified");
    QString error = row.error;
    if (!error.isEmpty())
        state = QStringLiteral("failed");
    else if (row.pending() && !lockHeld) {
        state = QStringLiteral("failed");
        error = BackupRepository::interruptedError();
    } else if (!row.finishedAt.isValid())
        state = QStringLiteral("running");
    else if (!row.verified)
        state = QStringLiteral("verifying");
    QJsonObject json { { QStringLiteral("id"), row.id },
                       { QStringLiteral("startedAt"), IsoTime::format(row.startedAt) },
                       { QStringLiteral("finishedAt"), row.finishedAt.isValid() ? QJsonValue(IsoTime::format(row.finishedAt))
                                                                                : QJsonValue() },
                       { QStringLiteral("bytes"), row.bytes },
                       { QStringLiteral("verified"), row.verified },
                       { QStringLiteral("counts"), row.counts },
                       { QStringLiteral("state"), state },
                       { QStringLiteral("folder"), row.folder.isEmpty() ? QJsonValue() : QJsonValue(row.folder) } };
    if (!error.isEmpty())
        json.insert(QStringLiteral("error"), error);
    return json;
}
}

// API.md, Operations: the shop's backups, newest first, and one taken now. The run is
// BackupScheduler's, on its own thread (a dump and a restore into a scratch stack take
// seconds to minutes): POST answers 202 once it holds the lock and has its row, and the
// client polls GET for the row's state.
void ShopRoutes::installBackups(Router &router, WorkerContext &worker, const Shared &shared)
{
    BackupScheduler *scheduler = shared.backups;
    if (!scheduler)
        return;
    const AuthGuard &guard = *shared.guard;
    Database &database = worker.database;
    using Method = Router::Method;

    router.add(Method::Get, QStringLiteral("/api/v1/admin/backups"),
               guard.adminOnly([scheduler, &database](const RequestContext &, const Principal &) {
                   BackupRepository record(database);
                   const Result<bool> held = record.lockHeld();
                   if (!held)
                       return Responses::failure(held.failure());
                   const Result<QList<BackupRepository::Row>> rows = record.list();
                   if (!rows)
                       return Responses::failure(rows.failure());
                   QJsonArray items;
                   for (const BackupRepository::Row &row : rows.value())
                       items.append(itemJson(row, held.value()));
                   const BackupScheduler::Options &options = scheduler->options();
                   const bool on = scheduler->enabled();
                   return Responses::json(
                           QJsonObject { { QStringLiteral("items"), items },
                                         { QStringLiteral("running"), held.value() },
                                         { QStringLiteral("directory"), on ? QJsonValue(options.dir) : QJsonValue() },
                                         { QStringLiteral("everyHours"), on ? QJsonValue(options.everyHours) : QJsonValue() },
                                         { QStringLiteral("keep"), on ? QJsonValue(options.keep) : QJsonValue() } });
               }));

    router.add(Method::Post, QStringLiteral("/api/v1/admin/backups"),
               guard.adminOnly([scheduler](const RequestContext &, const Principal &) {
                   const Result<BackupRepository::Row> started = scheduler->requestNow();
                   if (!started)
                       return Responses::failure(started.failure());
                   return Responses::json(itemJson(started.value(), true), Responses::Status::Accepted);
               }));
}

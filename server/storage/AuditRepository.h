#pragma once

#include "Result.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QList>

class Database;

// The audit log (API.md, Running the shop): one row per admin write, added inside
// that write's own transaction, so an entry exists exactly when the change does.
class AuditRepository
{
public:
    explicit AuditRepository(Database &database) : m_database(database) { }

    struct Entry {
        qint64 id = 0;
        qint64 actorId = 0;
        QString actorName;
        QString action; // e.g. product.create, order.refund
        QString entity; // product, category, coupon, order, user
        qint64 entityId = 0;
        QJsonObject before; // empty: none (a create)
        QJsonObject after; // empty: none (a delete)
        QDateTime at;
    };
    // Inside the caller's transaction. actorId 0 (the seeder, the demo shop): not an
    // admin's write, nothing recorded.
    Status record(qint64 actorId, const QString &action, const QString &entity, qint64 entityId,
                  const QJsonObject &before, const QJsonObject &after);
    // Newest first; `entity` empty: every entity. The total for the same filter.
    Result<QPair<QList<Entry>, qint64>> list(const QString &entity, int limit, int offset);

private:
    Database &m_database;
};

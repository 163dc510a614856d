#include "AuditRepository.h"

#include "Database.h"
#include "SqlTime.h"

#include <QtCore/QJsonDocument>

namespace {
QVariant json(const QJsonObject &object)
{
    if (object.isEmpty())
        return QVariant(QMetaType(QMetaType::QString));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QVariant &text)
{
    return text.isNull() ? QJsonObject() : QJsonDocument::fromJson(text.toString().toUtf8()).object();
}
}

Status AuditRepository::record(qint64 actorId, const QString &action, const QString &entity, qint64 entityId,
                               const QJsonObject &before, const QJsonObject &after)
{
    if (actorId <= 0)
        return Done {};
    const auto inserted = m_database.run(
            QStringLiteral("INSERT INTO audit_log (actor_id, action, entity, entity_id, before_json, after_json) "
                           "VALUES (?, ?, ?, ?, ?, ?)"),
            { actorId, action, entity, entityId, json(before), json(after) });
    if (!inserted)
        return inserted.failure();
    return Done {};
}

Result<QPair<QList<AuditRepository::Entry>, qint64>> AuditRepository::list(const QString &entity, int limit, int offset)
{
    const QVariant filter = entity.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(entity);
    const auto count = m_database.run(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE (? IS NULL OR entity = ?)"),
                                      { filter, filter });
    if (!count)
        return count.failure();
    count.value()->next();
    const qint64 total = count.value()->value(0).toLongLong();
    const auto rows = m_database.run(
            QStringLiteral("SELECT a.id, a.actor_id, u.username, a.action, a.entity, a.entity_id, a.before_json, a.after_json, a.at "
                           "FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id WHERE (? IS NULL OR a.entity = ?) "
                           "ORDER BY a.id DESC LIMIT ? OFFSET ?"),
            { filter, filter, limit, offset });
    if (!rows)
        return rows.failure();
    QList<Entry> out;
    QSqlQuery *q = rows.value();
    while (q->next())
        out.append(Entry { q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toString(), q->value(3).toString(),
                           q->value(4).toString(), q->value(5).toLongLong(), object(q->value(6)), object(q->value(7)),
                           SqlTime::utc(q->value(8)) });
    return qMakePair(out, total);
}

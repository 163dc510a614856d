#include "AdminValues.h"

#include "IsoTime.h"

#include <QtCore/QJsonArray>

Customer Customer::fromJson(const QJsonObject &json)
{
    return Customer { json.value(QStringLiteral("id")).toInteger(),
                      json.value(QStringLiteral("username")).toString(),
                      json.value(QStringLiteral("role")).toString(),
                      json.value(QStringLiteral("balance")).toInteger(),
                      json.value(QStringLiteral("orderCount")).toInteger(),
                      json.value(QStringLiteral("disabled")).toBool(),
                      IsoTime::parse(json.value(QStringLiteral("createdAt")).toString()) };
}

CustomerDetail CustomerDetail::fromJson(const QJsonObject &json)
{
    CustomerDetail detail;
    detail.customer = Customer::fromJson(json);
    for (const QJsonValue &o : json.value(QStringLiteral("recentOrders")).toArray())
        detail.recentOrders.append(Order::fromJson(o.toObject()));
    for (const QJsonValue &c : json.value(QStringLiteral("coupons")).toArray())
        detail.coupons.append(UserCoupon::fromJson(c.toObject()));
    return detail;
}

StockEntry StockEntry::fromJson(const QJsonObject &json)
{
    return StockEntry { json.value(QStringLiteral("id")).toInteger(),
                        json.value(QStringLiteral("delta")).toInteger(),
                        json.value(QStringLiteral("stockAfter")).toInteger(),
                        json.value(QStringLiteral("reason")).toString(),
                        json.value(QStringLiteral("orderId")).toInteger(),
                        json.value(QStringLiteral("note")).toString(),
                        json.value(QStringLiteral("actor")).toObject().value(QStringLiteral("username")).toString(),
                        IsoTime::parse(json.value(QStringLiteral("createdAt")).toString()) };
}

AuditEntry AuditEntry::fromJson(const QJsonObject &json)
{
    const QJsonObject actor = json.value(QStringLiteral("actor")).toObject();
    return AuditEntry { json.value(QStringLiteral("id")).toInteger(),
                        actor.value(QStringLiteral("id")).toInteger(),
                        actor.value(QStringLiteral("username")).toString(),
                        json.value(QStringLiteral("action")).toString(),
                        json.value(QStringLiteral("entity")).toString(),
                        json.value(QStringLiteral("entityId")).toInteger(),
                        json.value(QStringLiteral("before")).toObject(),
                        json.value(QStringLiteral("after")).toObject(),
                        IsoTime::parse(json.value(QStringLiteral("at")).toString()) };
}

QString ReportRequest::path() const
{
    QString out = kind == Kind::Sales ? QStringLiteral("/api/v1/admin/reports/sales.csv")
                                      : QStringLiteral("/api/v1/admin/reports/orders.csv");
    out += QStringLiteral("?from=%1&to=%2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    if (kind == Kind::Sales)
        out += QStringLiteral("&by=") + by;
    return out;
}

BackupEntry BackupEntry::fromJson(const QJsonObject &json)
{
    BackupEntry entry;
    entry.id = json.value(QStringLiteral("id")).toInteger();
    entry.startedAt = IsoTime::parse(json.value(QStringLiteral("startedAt")).toString());
    entry.finishedAt = IsoTime::parse(json.value(QStringLiteral("finishedAt")).toString());
    entry.bytes = json.value(QStringLiteral("bytes")).toInteger();
    entry.verified = json.value(QStringLiteral("verified")).toBool();
    entry.state = json.value(QStringLiteral("state")).toString();
    entry.folder = json.value(QStringLiteral("folder")).toString();
    entry.error = json.value(QStringLiteral("error")).toString();
    const QJsonObject counts = json.value(QStringLiteral("counts")).toObject();
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        entry.rows += it.value().toInteger();
    return entry;
}

BackupList BackupList::fromJson(const QJsonObject &json)
{
    BackupList list;
    for (const QJsonValue &item : json.value(QStringLiteral("items")).toArray())
        list.items.append(BackupEntry::fromJson(item.toObject()));
    list.running = json.value(QStringLiteral("running")).toBool();
    list.directory = json.value(QStringLiteral("directory")).toString();
    list.everyHours = json.value(QStringLiteral("everyHours")).toInt();
    list.keep = json.value(QStringLiteral("keep")).toInt();
    return list;
}

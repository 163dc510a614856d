#include "ShippingTypes.h"

#include "IsoTime.h"

namespace {
QString text(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}
void putTime(QJsonObject &json, const char *key, const QDateTime &time)
{
    if (time.isValid())
        json.insert(QLatin1String(key), IsoTime::format(time));
}
}

QJsonObject Address::toJson() const
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("label"), label },
             { QStringLiteral("recipient"), recipient },
             { QStringLiteral("phone"), phone },
             { QStringLiteral("postalCode"), postalCode },
             { QStringLiteral("address1"), address1 },
             { QStringLiteral("address2"), address2 },
             { QStringLiteral("isDefault"), isDefault },
             { QStringLiteral("createdAt"), IsoTime::format(createdAt) } };
}

Address Address::fromJson(const QJsonObject &json)
{
    Address a;
    a.id = json.value(QStringLiteral("id")).toInteger();
    a.label = text(json, "label");
    a.recipient = text(json, "recipient");
    a.phone = text(json, "phone");
    a.postalCode = text(json, "postalCode");
    a.address1 = text(json, "address1");
    a.address2 = text(json, "address2");
    a.isDefault = json.value(QStringLiteral("isDefault")).toBool();
    a.createdAt = IsoTime::parse(text(json, "createdAt"));
    return a;
}

QJsonObject OrderShipping::toJson() const
{
    return { { QStringLiteral("recipient"), recipient },
             { QStringLiteral("phone"), phone },
             { QStringLiteral("postalCode"), postalCode },
             { QStringLiteral("address1"), address1 },
             { QStringLiteral("address2"), address2 } };
}

OrderShipping OrderShipping::fromJson(const QJsonObject &json)
{
    return OrderShipping { text(json, "recipient"), text(json, "phone"), text(json, "postalCode"), text(json, "address1"),
                           text(json, "address2") };
}

QJsonObject Fulfilment::toJson() const
{
    QJsonObject json { { QStringLiteral("status"), status } };
    if (!carrier.isEmpty())
        json.insert(QStringLiteral("carrier"), carrier);
    if (!trackingNumber.isEmpty())
        json.insert(QStringLiteral("trackingNumber"), trackingNumber);
    putTime(json, "packedAt", packedAt);
    putTime(json, "shippedAt", shippedAt);
    putTime(json, "deliveredAt", deliveredAt);
    return json;
}

Fulfilment Fulfilment::fromJson(const QJsonObject &json)
{
    Fulfilment f;
    if (json.contains(QStringLiteral("status")))
        f.status = text(json, "status");
    f.carrier = text(json, "carrier");
    f.trackingNumber = text(json, "trackingNumber");
    f.packedAt = IsoTime::parse(text(json, "packedAt"));
    f.shippedAt = IsoTime::parse(text(json, "shippedAt"));
    f.deliveredAt = IsoTime::parse(text(json, "deliveredAt"));
    return f;
}

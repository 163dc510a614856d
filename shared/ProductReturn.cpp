#include "ProductReturn.h"

#include "IsoTime.h"

#include <QtCore/QJsonArray>

QJsonObject ProductReturn::toJson() const
{
    QJsonArray asked;
    for (const RefundLine &line : lines)
        asked.append(QJsonObject { { QStringLiteral("productId"), line.productId }, { QStringLiteral("quantity"), line.quantity } });
    QJsonObject json { { QStringLiteral("id"), id },
                       { QStringLiteral("orderId"), orderId },
                       { QStringLiteral("userId"), userId },
                       { QStringLiteral("lines"), asked },
                       { QStringLiteral("reason"), reason },
                       { QStringLiteral("status"), status },
                       { QStringLiteral("createdAt"), IsoTime::format(createdAt) } };
    if (decidedAt.isValid()) {
        json.insert(QStringLiteral("decidedAt"), IsoTime::format(decidedAt));
        json.insert(QStringLiteral("restocked"), restocked);
        if (!note.isEmpty())
            json.insert(QStringLiteral("note"), note);
    }
    if (refundId > 0)
        json.insert(QStringLiteral("refund"),
                    QJsonObject { { QStringLiteral("id"), refundId }, { QStringLiteral("amount"), refundAmount } });
    return json;
}

ProductReturn ProductReturn::fromJson(const QJsonObject &json)
{
    ProductReturn r;
    r.id = json.value(QStringLiteral("id")).toInteger();
    r.orderId = json.value(QStringLiteral("orderId")).toInteger();
    r.userId = json.value(QStringLiteral("userId")).toInteger();
    for (const QJsonValue &v : json.value(QStringLiteral("lines")).toArray())
        r.lines.append(RefundLine { v.toObject().value(QStringLiteral("productId")).toInteger(),
                                    v.toObject().value(QStringLiteral("quantity")).toInteger() });
    r.reason = json.value(QStringLiteral("reason")).toString();
    r.status = json.value(QStringLiteral("status")).toString();
    r.createdAt = IsoTime::parse(json.value(QStringLiteral("createdAt")).toString());
    r.decidedAt = IsoTime::parse(json.value(QStringLiteral("decidedAt")).toString());
    r.note = json.value(QStringLiteral("note")).toString();
    r.restocked = json.value(QStringLiteral("restocked")).toBool();
    const QJsonObject refund = json.value(QStringLiteral("refund")).toObject();
    r.refundId = refund.value(QStringLiteral("id")).toInteger();
    r.refundAmount = refund.value(QStringLiteral("amount")).toInteger();
    return r;
}

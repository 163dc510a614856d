#pragma once

#include "ShopTypes.h"

// A shopper's request to send delivered units back (API.md, Shipping: returns), and what
// the admin decided. status: REQUESTED, then ACCEPTED (refunded as a refund of those
// lines) or REJECTED, once.
struct ProductReturn {
    qint64 id = 0;
    qint64 orderId = 0;
    qint64 userId = 0;
    QList<RefundLine> lines; // ascending product id
    QString reason;
    QString status = QStringLiteral("REQUESTED");
    QDateTime createdAt;
    // Once decided:
    QDateTime decidedAt;
    QString note; // the admin's, may be empty
    bool restocked = false;
    qint64 refundId = 0; // ACCEPTED: the refund it made
    qint64 refundAmount = 0;
    QJsonObject toJson() const;
    static ProductReturn fromJson(const QJsonObject &json);
};

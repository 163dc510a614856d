#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QString>

// The shipping side of API.md ("Shipping: from paid to delivered") on the wire, shared by
// the server and the desktop app like ShopTypes.

// One of a shopper's addresses (Korean format: a road address and its detail). `phone`
// is stored and answered as digits with hyphens (ShippingRules::normalizedPhone).
struct Address {
    qint64 id = 0;
    QString label; // may be empty
    QString recipient;
    QString phone;
    QString postalCode; // 5 digits
    QString address1; // the road address
    QString address2; // the detail (floor, unit); may be empty
    bool isDefault = false;
    QDateTime createdAt;
    QJsonObject toJson() const;
    static Address fromJson(const QJsonObject &json);
};

// The copy of an address an order keeps: what was on it when the order was paid, whatever
// happens to the address later.
struct OrderShipping {
    QString recipient;
    QString phone;
    QString postalCode;
    QString address1;
    QString address2;
    QJsonObject toJson() const;
    static OrderShipping fromJson(const QJsonObject &json);
};

// Where an order is between paid and delivered. status: UNFULFILLED, PACKED, SHIPPED,
// DELIVERED, or CANCELLED (cancelled or wholly refunded before it shipped).
struct Fulfilment {
    QString status = QStringLiteral("UNFULFILLED");
    QString carrier; // CJ, EPOST, HANJIN, LOTTE, LOGEN, OTHER; empty until shipped
    QString trackingNumber;
    QDateTime packedAt;
    QDateTime shippedAt;
    QDateTime deliveredAt;
    QJsonObject toJson() const;
    static Fulfilment fromJson(const QJsonObject &json);
};

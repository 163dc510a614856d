#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

// Where an order is between paid and delivered, and who carries it, in words: the
// shopper's order, the admin's queue and the ship dialog say them alike.
namespace FulfilmentText {
// "Waiting to be packed", "Packed", "Shipped", "Delivered" ("Handed over" for a pickup),
// "Not sent (cancelled)".
QString status(const QString &status, bool pickup);
// CJ → "CJ Logistics", EPOST → "Korea Post", …; an unknown code as it is.
QString carrier(const QString &code);
// "Ship to" lines of an address copy: recipient and phone, postal code and road
// address, the detail (empty parts left out).
QString addressLines(const QString &recipient, const QString &phone, const QString &postalCode, const QString &address1,
                     const QString &address2);
}

#pragma once

#include "Result.h"
#include "ShopTypes.h"

#include <QtCore/QHash>

// When a shopper may ask for units back (API.md, Shipping: returns). Pure: the service
// reads the order under its row lock and asks here.
namespace ReturnRules {
// deliveredAt + 14 days; invalid when the order was not delivered.
QDateTime returnableUntil(const Order &order);
// Units of `line` that may still be asked back: bought, less refunded, less `askedBack`.
qint64 returnable(const OrderLine &line, qint64 askedBack);
// Done when `order` (PAID or PARTIALLY_REFUNDED, DELIVERED, `now` within the window) can
// take back `wanted`; RETURN_NOT_ALLOWED otherwise (details: the window, or the product
// and what of it is returnable), VALIDATION_FAILED naming lines[i].productId for a
// product the order does not have. `askedBack`: product id → units in returns not accepted.
Status check(const Order &order, const QHash<qint64, qint64> &askedBack, const QList<RefundLine> &wanted,
             const QDateTime &now);
}

#pragma once

#include "ShopTypes.h"

#include <QtCore/QHash>

// What a refund of some of an order's units gives back (API.md, Running the shop): each
// line's share of what was paid, floor(paidAmount × unitPrice × quantity / totalAmount),
// so a discount is shared by the lines in proportion to their price; the refund that
// leaves no unit unrefunded returns exactly the rest, so an order's refunds add up to
// its paidAmount whatever the rounding did before. The one copy of the rule: the server
// refunds by it and the app's refund dialog previews it.
namespace RefundShare {
// floor(paid × unitPrice × quantity / total); 0 for an order of total 0. Exact for
// every order API.md allows (the product is taken in 128 bits).
qint64 lineShare(qint64 paidAmount, qint64 totalAmount, qint64 unitPrice, qint64 quantity);

// The money a refund of `quantities` (product id → units, every one a line of `order`
// and within what is left of it) gives back, counting the order's earlier refunds
// (its lines' refundedQuantity and its refundedAmount).
qint64 amount(const Order &order, const QHash<qint64, qint64> &quantities);

// True when refunding `quantities` leaves no unit of `order` unrefunded.
bool refundsEverything(const Order &order, const QHash<qint64, qint64> &quantities);
}

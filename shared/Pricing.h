#pragma once

#include "ShopTypes.h"

// How much an order costs with a coupon (API.md, Coupons): FIXED takes its value off
// the total, RATE takes a percentage rounded down to the won; never more than the total.
// The one copy of the rule: the server charges by it and the app's cart previews it.
namespace Pricing {
struct Amounts {
    qint64 total = 0;
    qint64 discount = 0;
    qint64 paid = 0;
};
qint64 discount(DiscountType type, qint64 value, qint64 total);
Amounts amounts(qint64 total, bool hasCoupon, DiscountType type, qint64 value);
}

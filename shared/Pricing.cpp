#include "Pricing.h"

qint64 Pricing::discount(DiscountType type, qint64 value, qint64 total)
{
    if (total <= 0 || value <= 0)
        return 0;
    // total ≤ 50 lines × 1,000 × price ≤ 1e9 each: total × 100 stays far inside qint64.
    const qint64 off = type == DiscountType::Rate ? total * qMin<qint64>(value, 100) / 100 : value;
    return qMin(off, total);
}

Pricing::Amounts Pricing::amounts(qint64 total, bool hasCoupon, DiscountType type, qint64 value)
{
    const qint64 off = hasCoupon ? discount(type, value, total) : 0;
    return Amounts { total, off, total - off };
}

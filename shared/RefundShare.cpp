#include "RefundShare.h"

qint64 RefundShare::lineShare(qint64 paidAmount, qint64 totalAmount, qint64 unitPrice, qint64 quantity)
{
    if (totalAmount <= 0 || paidAmount <= 0 || unitPrice <= 0 || quantity <= 0)
        return 0;
    // paid ≤ total ≤ 5e13 and unitPrice × quantity ≤ 1e12: the product needs ~86 bits.
    const __int128 share = __int128(paidAmount) * unitPrice * quantity / totalAmount;
    return qint64(share);
}

bool RefundShare::refundsEverything(const Order &order, const QHash<qint64, qint64> &quantities)
{
    for (const OrderLine &line : order.items) {
        if (line.refundedQuantity + quantities.value(line.productId) < line.quantity)
            return false;
    }
    return true;
}

qint64 RefundShare::amount(const Order &order, const QHash<qint64, qint64> &quantities)
{
    if (refundsEverything(order, quantities))
        return order.paidAmount - order.refundedAmount;
    qint64 sum = 0;
    for (const OrderLine &line : order.items)
        sum += lineShare(order.paidAmount, order.totalAmount, line.unitPrice, quantities.value(line.productId));
    // Floors never add up to more than was paid, but a cap keeps a caller's odd input
    // (units already refunded counted again) from giving back more than is left.
    return qMin(sum, order.paidAmount - order.refundedAmount);
}

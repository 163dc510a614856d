#pragma once

#include <QtCore/QString>

// An order's status in words, for the shopper's and the admin's lists alike.
namespace OrderStatusText {
// "Paid", "Partially refunded", "Refunded", "Cancelled".
QString text(const QString &status);
// Cancelled or wholly refunded: nothing more can happen to it (shown greyed).
bool isClosed(const QString &status);
// PAID and PARTIALLY_REFUNDED orders can still be cancelled or refunded.
bool isOpen(const QString &status);
}

#include "OrderStatusText.h"

#include <QtCore/QCoreApplication>

QString OrderStatusText::text(const QString &status)
{
    if (status == QLatin1String("PAID"))
        return QCoreApplication::translate("OrderStatusText", "Paid");
    if (status == QLatin1String("PARTIALLY_REFUNDED"))
        return QCoreApplication::translate("OrderStatusText", "Partially refunded");
    if (status == QLatin1String("REFUNDED"))
        return QCoreApplication::translate("OrderStatusText", "Refunded");
    if (status == QLatin1String("CANCELLED"))
        return QCoreApplication::translate("OrderStatusText", "Cancelled");
    return status;
}

bool OrderStatusText::isClosed(const QString &status)
{
    return status == QLatin1String("CANCELLED") || status == QLatin1String("REFUNDED");
}

bool OrderStatusText::isOpen(const QString &status)
{
    return status == QLatin1String("PAID") || status == QLatin1String("PARTIALLY_REFUNDED");
}

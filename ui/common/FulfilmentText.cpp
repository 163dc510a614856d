#include "FulfilmentText.h"

#include <QtCore/QCoreApplication>

QString FulfilmentText::status(const QString &status, bool pickup)
{
    if (status == QLatin1String("UNFULFILLED"))
        return QCoreApplication::translate("FulfilmentText", "Waiting to be packed");
    if (status == QLatin1String("PACKED"))
        return pickup ? QCoreApplication::translate("FulfilmentText", "Packed, ready to be picked up") : QCoreApplication::translate("FulfilmentText", "Packed");
    if (status == QLatin1String("SHIPPED"))
        return QCoreApplication::translate("FulfilmentText", "Shipped");
    if (status == QLatin1String("DELIVERED"))
        return pickup ? QCoreApplication::translate("FulfilmentText", "Handed over") : QCoreApplication::translate("FulfilmentText", "Delivered");
    if (status == QLatin1String("CANCELLED"))
        return QCoreApplication::translate("FulfilmentText", "Not sent (cancelled)");
    return status;
}

QString FulfilmentText::carrier(const QString &code)
{
    if (code == QLatin1String("CJ"))
        return QCoreApplication::translate("FulfilmentText", "CJ Logistics");
    if (code == QLatin1String("EPOST"))
        return QCoreApplication::translate("FulfilmentText", "Korea Post");
    if (code == QLatin1String("HANJIN"))
        return QCoreApplication::translate("FulfilmentText", "Hanjin");
    if (code == QLatin1String("LOTTE"))
        return QCoreApplication::translate("FulfilmentText", "Lotte Global Logistics");
    if (code == QLatin1String("LOGEN"))
        return QCoreApplication::translate("FulfilmentText", "Logen");
    if (code == QLatin1String("OTHER"))
        return QCoreApplication::translate("FulfilmentText", "Another carrier");
    return code;
}

QString FulfilmentText::addressLines(const QString &recipient, const QString &phone, const QString &postalCode,
                                     const QString &address1, const QString &address2)
{
    QStringList lines { QStringLiteral("%1 \u00B7 %2").arg(recipient, phone),
                        QStringLiteral("(%1) %2").arg(postalCode, address1) };
    if (!address2.isEmpty())
        lines << address2;
    return lines.join(QLatin1Char('\n'));
}

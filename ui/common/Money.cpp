#include "Money.h"

QString Money::format(qint64 won)
{
    // Digits of the magnitude in unsigned arithmetic: -INT64_MIN does not fit in qint64.
    const quint64 magnitude = won < 0 ? quint64(0) - quint64(won) : quint64(won);
    const QString digits = QString::number(magnitude);
    QString grouped;
    grouped.reserve(digits.size() + digits.size() / 3);
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += QLatin1Char(',');
        grouped += digits.at(i);
    }
    return (won < 0 ? QStringLiteral("-\u20A9") : QStringLiteral("\u20A9")) + grouped;
}

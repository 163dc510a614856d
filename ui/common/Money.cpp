#include "Money.h"

namespace {
QString grouped(qint64 number)
{
    // Digits of the magnitude in unsigned arithmetic: -INT64_MIN does not fit in qint64.
    const quint64 magnitude = number < 0 ? quint64(0) - quint64(number) : quint64(number);
    const QString digits = QString::number(magnitude);
    QString out;
    out.reserve(digits.size() + digits.size() / 3);
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += QLatin1Char(',');
        out += digits.at(i);
    }
    return out;
}
}

QString Money::format(qint64 won)
{
    return (won < 0 ? QStringLiteral("-\u20A9") : QStringLiteral("\u20A9")) + grouped(won);
}

QString Money::count(qint64 number)
{
    return (number < 0 ? QStringLiteral("-") : QString()) + grouped(number);
}

#include "ShippingRules.h"

#include <QtCore/QRegularExpression>

#include <algorithm>

namespace {
bool allAsciiDigits(const QString &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// digits split after `first` and before the last four.
QString grouped(const QString &digits, int first)
{
    const int middle = int(digits.size()) - first - 4;
    return digits.left(first) + QLatin1Char('-') + digits.mid(first, middle) + QLatin1Char('-') + digits.right(4);
}
}

QString ShippingRules::normalizedPhone(const QString &typed)
{
    QString digits = typed;
    digits.remove(QLatin1Char('-')).remove(QLatin1Char(' '));
    if (!allAsciiDigits(digits))
        return {};
    const qsizetype n = digits.size();
    // Seoul: 02 and a 3- or 4-digit exchange.
    if (digits.startsWith(QLatin1String("02")) && (n == 9 || n == 10))
        return grouped(digits, 2);
    // Mobile (010, 011, 016-019), the other areas (031-033, 041-044, 051-055, 061-064)
    // and internet telephony (070): a 3-digit prefix and a 3- or 4-digit exchange.
    static const QRegularExpression threeDigitPrefix(QStringLiteral("^(01[016789]|0(3[1-3]|4[1-4]|5[1-5]|6[1-4])|070)"));
    if (threeDigitPrefix.match(digits).hasMatch() && (n == 10 || n == 11))
        return grouped(digits, 3);
    // Personal safe numbers (0502-0508): 4-4-4.
    static const QRegularExpression safeNumber(QStringLiteral("^050[2-8]"));
    if (safeNumber.match(digits).hasMatch() && n == 12)
        return grouped(digits, 4);
    // A business's nationwide number (1588-1234, 1600-…, 1899-…): 4-4.
    static const QRegularExpression nationwide(QStringLiteral("^1[5-9]\\d\\d"));
    if (nationwide.match(digits).hasMatch() && n == 8)
        return digits.left(4) + QLatin1Char('-') + digits.right(4);
    return {};
}

bool ShippingRules::isPostalCode(const QString &text)
{
    return text.size() == 5 && allAsciiDigits(text);
}

const QStringList &ShippingRules::carriers()
{
    static const QStringList kCarriers { QStringLiteral("CJ"),    QStringLiteral("EPOST"), QStringLiteral("HANJIN"),
                                         QStringLiteral("LOTTE"), QStringLiteral("LOGEN"), QStringLiteral("OTHER") };
    return kCarriers;
}

bool ShippingRules::isTrackingNumber(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9]{%1,%2}$").arg(kMinTrackingLength).arg(kMaxTrackingLength));
    return pattern.match(text).hasMatch();
}

QString ShippingRules::nextStatus(const QString &from, bool pickup)
{
    if (from == QLatin1String("UNFULFILLED"))
        return QStringLiteral("PACKED");
    if (from == QLatin1String("PACKED"))
        return pickup ? QStringLiteral("DELIVERED") : QStringLiteral("SHIPPED");
    if (from == QLatin1String("SHIPPED"))
        return QStringLiteral("DELIVERED");
    return {};
}

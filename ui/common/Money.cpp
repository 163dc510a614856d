#include "Money.h"

#include <QtCore/QRegularExpression>

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

const QChar kWonSign(0x20A9);  // ₩
const QChar kWonSyllable(0xC6D0); // 원

// The locale's short date with the whole year: "yy. M. d." reads as "26. 12. 6.", and a
// shop's records span years.
QString wholeYear(QString format)
{
    static const QRegularExpression shortYear(QStringLiteral("(?<!y)yy(?!y)"));
    return format.replace(shortYear, QStringLiteral("yyyy"));
}
}

bool Money::korean()
{
    return QLocale().language() == QLocale::Korean;
}

QLocale Money::locale()
{
    return korean() ? QLocale(QLocale::Korean, QLocale::SouthKorea) : QLocale(QLocale::English, QLocale::UnitedStates);
}

QString Money::format(qint64 won)
{
    const QString sign = won < 0 ? QStringLiteral("-") : QString();
    if (korean())
        return sign + grouped(won) + kWonSyllable;
    return sign + kWonSign + grouped(won);
}

QString Money::count(qint64 number)
{
    return (number < 0 ? QStringLiteral("-") : QString()) + grouped(number);
}

QString Money::digitsOf(const QString &typed)
{
    QString text = typed;
    text.remove(QLatin1Char(' ')).remove(QLatin1Char(',')).remove(kWonSign);
    // 원 only where it is written: after the number.
    if (text.endsWith(kWonSyllable))
        text.chop(1);
    return text;
}

QString Money::unitBefore()
{
    return korean() ? QString() : QString(kWonSign);
}

QString Money::unitAfter()
{
    return korean() ? QString(kWonSyllable) : QString();
}

QString Money::dateFormat()
{
    return wholeYear(locale().dateFormat(QLocale::ShortFormat));
}

QString Money::dateTimeFormat()
{
    return dateFormat() + QLatin1Char(' ') + locale().timeFormat(QLocale::ShortFormat);
}

QString Money::dateTime(const QDateTime &when, bool seconds)
{
    if (!when.isValid())
        return QString();
    QString time = locale().timeFormat(QLocale::ShortFormat);
    if (seconds && !time.contains(QLatin1String("ss")))
        time.replace(QLatin1String("mm"), QLatin1String("mm:ss"));
    return locale().toString(when.toLocalTime(), dateFormat() + QLatin1Char(' ') + time);
}

QString Money::date(const QDate &day)
{
    return day.isValid() ? locale().toString(day, dateFormat()) : QString();
}

QString Money::month(const QDate &day)
{
    return locale().toString(day, korean() ? QStringLiteral("yyyy\uB144 M\uC6D4") : QStringLiteral("MMM yyyy"));
}

#include "IsoTime.h"

QString IsoTime::format(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'")) : QString();
}

QDateTime IsoTime::parse(const QString &text)
{
    // A time without a zone would be read as local time: refuse it rather than guess.
    if (!text.endsWith(QLatin1Char('Z')) && !text.contains(QLatin1Char('+')) && text.count(QLatin1Char('-')) < 3)
        return QDateTime();
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QDateTime IsoTime::startOfHour(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    return QDateTime(utc.date(), QTime(utc.time().hour(), 0), Qt::UTC);
}

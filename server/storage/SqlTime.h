#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QVariant>

// DATETIME columns hold UTC wall-clock time (the session runs at +00:00). The driver
// hands them back as local time of day with no zone: label them UTC, never convert.
namespace SqlTime {
inline QDateTime utc(const QVariant &value)
{
    QDateTime t = value.toDateTime();
    if (t.isValid())
        t.setTimeSpec(Qt::UTC);
    return t;
}
inline QVariant param(const QDateTime &t)
{
    const QDateTime u = t.toUTC();
    return QDateTime(u.date(), u.time());
}
}

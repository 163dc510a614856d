#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QString>

// API.md times: ISO-8601 UTC with milliseconds, "2026-11-24T09:15:02.123Z".
namespace IsoTime {
QString format(const QDateTime &time);
// Accepts any ISO-8601 date-time with a zone ("Z" or an offset); invalid otherwise.
QDateTime parse(const QString &text);
// The start of `time`'s hour in UTC: the bucket a sale is counted in (MySQL's
// product_sales_hourly and Redis's hourly rankings use the same one).
QDateTime startOfHour(const QDateTime &time);
}

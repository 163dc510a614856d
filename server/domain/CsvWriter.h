#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QStringList>

// RFC 4180 CSV: fields joined by commas, records ended by CRLF, a field quoted when it
// holds a comma, a double quote, CR or LF (its quotes doubled), UTF-8. Pure.
namespace CsvWriter {
QByteArray field(const QString &value);
QByteArray record(const QStringList &fields);
}

#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

// RFC 4180 CSV: cells joined by commas, records ended by CRLF, a cell quoted when it
// holds a comma, a double quote, CR or LF (its quotes doubled), UTF-8. Pure.
//
// A cell is written either as text or as a number, and the caller says which: a
// spreadsheet runs a cell that starts with = + - @ tab or CR as a formula (a product
// named =HYPERLINK(...) would run on the accountant's machine), so text starting with
// one of those gets a leading ' (OWASP's CSV injection rule), while a number such as
// -5000 must stay a number. Deciding by content would turn a product named "-5000"
// into a number or a refund of -5000 into text; deciding by type does neither.
namespace CsvWriter {
// A text cell (names, usernames, reasons, categories, dates, states): neutralised,
// then quoted as RFC 4180 needs.
QByteArray text(const QString &value);
// A numeric cell: its digits, a minus sign kept.
QByteArray number(qint64 value);
// Cells made by text() or number(), joined into one record ending in CRLF.
QByteArray record(const QList<QByteArray> &cells);
}

#include "CsvWriter.h"

namespace {
// OWASP's list of first characters that make a spreadsheet (Excel, LibreOffice, Google
// Sheets) read a cell as a formula, tab and CR included as OWASP lists them.
bool startsAFormula(const QString &value)
{
    if (value.isEmpty())
        return false;
    switch (value.front().unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

QByteArray quoted(const QByteArray &utf8)
{
    const bool quote = utf8.contains(',') || utf8.contains('"') || utf8.contains('\r') || utf8.contains('\n');
    if (!quote)
        return utf8;
    QByteArray out = utf8;
    out.replace("\"", "\"\"");
    return '"' + out + '"';
}
}

QByteArray CsvWriter::text(const QString &value)
{
    // The ' shows in the cell, which is the point: the reader sees the name as typed,
    // and no spreadsheet evaluates it.
    return quoted(startsAFormula(value) ? QByteArray(1, '\'') + value.toUtf8() : value.toUtf8());
}

QByteArray CsvWriter::number(qint64 value)
{
    return QByteArray::number(value);
}

QByteArray CsvWriter::record(const QList<QByteArray> &cells)
{
    QByteArray out;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += ',';
        out += cells.at(i);
    }
    return out + "\r\n";
}

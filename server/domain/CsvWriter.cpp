#include "CsvWriter.h"

QByteArray CsvWriter::field(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    const bool quoted = utf8.contains(',') || utf8.contains('"') || utf8.contains('\r') || utf8.contains('\n');
    if (!quoted)
        return utf8;
    QByteArray out = utf8;
    out.replace("\"", "\"\"");
    return '"' + out + '"';
}

QByteArray CsvWriter::record(const QStringList &fields)
{
    QByteArray out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        out += field(fields.at(i));
    }
    return out + "\r\n";
}

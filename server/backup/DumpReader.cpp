#include "DumpReader.h"

#include <QtCore/QRegularExpression>

DumpReader::Tuples DumpReader::tuples(const QByteArray &values)
{
    Tuples found;
    qint64 &count = found.count;
    int depth = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const char c = values.at(i);
        if (quoted) {
            if (c == '\\')
                ++i; // the escaped character, whatever it is
            else if (c == '\'')
                quoted = false; // a doubled '' reopens at once on the next character
            continue;
        }
        if (c == '\'') {
            quoted = true;
        } else if (c == '(') {
            if (depth == 0)
                ++count;
            ++depth;
        } else if (c == ')') {
            --depth;
        } else if (c == ';' && depth == 0) {
            found.statementEnds = true;
        }
    }
    return found;
}

void DumpReader::addLine(const QByteArray &line)
{
    static const QByteArray insert = "INSERT INTO `";
    static const QByteArray create = "CREATE TABLE `";
    if (!m_inserting.isEmpty()) {
        const Tuples more = tuples(line);
        m_rows[m_inserting] += more.count;
        if (more.statementEnds)
            m_inserting.clear();
    } else if (line.startsWith(insert)) {
        const qsizetype end = line.indexOf('`', insert.size());
        const qsizetype values = line.indexOf(" VALUES", end);
        if (end < 0 || values < 0)
            return;
        const QString table = QString::fromUtf8(line.mid(insert.size(), end - insert.size()));
        const Tuples first = tuples(line.mid(values + 7));
        m_rows[table] += first.count;
        if (!first.statementEnds)
            m_inserting = table;
    } else if (line.startsWith(create)) {
        const qsizetype end = line.indexOf('`', create.size());
        if (end > 0)
            addTable(QString::fromUtf8(line.mid(create.size(), end - create.size())));
    } else if (line.startsWith("-- CHANGE MASTER TO ")) {
        static const QRegularExpression position(QStringLiteral("MASTER_LOG_FILE='([^']+)',\\s*MASTER_LOG_POS=(\\d+)"));
        const QRegularExpressionMatch match = position.match(QString::fromUtf8(line));
        if (match.hasMatch()) {
            m_binlogFile = match.captured(1);
            m_binlogPosition = match.captured(2).toLongLong();
        }
    }
}

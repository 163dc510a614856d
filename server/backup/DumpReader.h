#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QMap>
#include <QtCore/QString>

// What a mariadb-dump file holds, read line by line: the rows of each table (the
// tuples of its `INSERT INTO `t` VALUES` statements, which MariaDB 10.11 writes one
// tuple a line and others all on one; strings and their escapes skipped over) and the binary-log position of its snapshot (the
// `-- CHANGE MASTER TO MASTER_LOG_FILE='…', MASTER_LOG_POS=…;` comment --master-data=2
// writes). The counts are the snapshot's own, for the manifest. Pure: no I/O.
class DumpReader
{
public:
    void addLine(const QByteArray &line);

    const QMap<QString, qint64> &rows() const { return m_rows; }
    QString binaryLogFile() const { return m_binlogFile; }
    qint64 binaryLogPosition() const { return m_binlogPosition; }
    // Tables the dump creates (a table with no rows has a count of 0).
    void addTable(const QString &table) { m_rows.insert(table, m_rows.value(table)); }

    struct Tuples {
        qint64 count = 0;
        bool statementEnds = false; // a `;` outside any tuple and string
    };
    // The top-level tuples in one line of an INSERT's VALUES part.
    static Tuples tuples(const QByteArray &values);

private:
    QString m_inserting; // the table whose INSERT statement goes on past this line
    QMap<QString, qint64> m_rows;
    QString m_binlogFile;
    qint64 m_binlogPosition = 0;
};

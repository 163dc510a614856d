#pragma once

#include "Result.h"

#include <QtCore/QList>
#include <QtCore/QString>

class Database;

// What must hold in the database whatever happened to the server — races, crashes,
// dependencies dying (`storefront-server check`; the fault and race tests run it at
// their end). Each rule is one read-only query returning the offending rows; a clean
// shop returns none.
class InvariantChecker
{
public:
    struct Violation {
        QString rule;
        QString detail; // the first offending rows, readable
        qint64 count = 0;
    };

    explicit InvariantChecker(Database &database) : m_database(database) { }

    // The violations found (empty: all hold). A failure: the database could not be read.
    Result<QList<Violation>> run();

    static QString report(const QList<Violation> &violations);

private:
    Database &m_database;
};

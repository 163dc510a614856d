#pragma once

#include "Result.h"

#include <QtCore/QStringList>

class Database;

// Applies the numbered SQL files under resources/migrations (compiled in at
// :/storefront/migrations) in order, each exactly once, recorded in schema_migrations.
// Several servers starting at once on one database take turns through a named lock.
class Migrator
{
public:
    explicit Migrator(Database &database);

    // The versions applied by this call (empty when the schema was current). `upTo`
    // (a version such as "0001_initial_schema") stops after it: how tests make a shop
    // as an older release left it.
    Result<QStringList> migrate(const QString &upTo = QString());
    static QStringList available();

private:
    Database &m_database;
};

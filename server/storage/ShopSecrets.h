#pragma once

#include "Result.h"

class Database;

// Secrets every instance of one shop shares, kept in its database (shop_secrets): the
// first instance to start creates each, every later one reads the same.
class ShopSecrets
{
public:
    explicit ShopSecrets(Database &database) : m_database(database) { }

    // The secret named `name`; `candidate` becomes it when there is none yet (two
    // instances starting at once both end up with the first one written).
    Result<QByteArray> getOrCreate(const QString &name, const QByteArray &candidate);

private:
    Database &m_database;
};

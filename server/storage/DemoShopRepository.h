#pragma once

#include "Result.h"

class Database;

// The statements that keep loading the demo shop safe on several instances: a MySQL
// named lock (held by the loading connection for the whole load, released when it
// ends or the connection drops) and the product count checked under it.
class DemoShopRepository
{
public:
    explicit DemoShopRepository(Database &database) : m_database(database) { }

    Result<qint64> productCount();
    // True when this connection now holds the lock; false when another holds it.
    Result<bool> takeLock();
    Status releaseLock();
    // True while some connection (any instance) holds the lock.
    Result<bool> lockHeld();

private:
    Database &m_database;
};

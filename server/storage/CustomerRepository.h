#pragma once

#include "Result.h"
#include "ShopTypes.h"

class Database;

// The admin's view of the shop's accounts (API.md, Running the shop: customers).
class CustomerRepository
{
public:
    explicit CustomerRepository(Database &database) : m_database(database) { }

    struct Customer {
        qint64 id = 0;
        QString username;
        QString role;
        qint64 balance = 0;
        qint64 orderCount = 0;
        bool disabled = false;
        QDateTime createdAt;
        QJsonObject toJson() const;
    };
    // By id; `usernamePrefix` empty: everyone. The total for the same filter.
    Result<QPair<QList<Customer>, qint64>> list(const QString &usernamePrefix, int limit, int offset);
    // NOT_FOUND for an unknown id.
    Result<Customer> get(qint64 userId);
    // Disabling bumps the token version, so every token issued before fails on every
    // instance (TokenVersions); enabling does not bring those tokens back.
    Status setDisabled(qint64 userId, bool disabled);

private:
    Database &m_database;
};

#pragma once

#include "Result.h"

#include <QtCore/QString>

class Database;
class TokenSigner;

// Fills a database quickly for demos and load tests with multi-row INSERTs. Seeded
// users share one password hash of low cost (1,000 iterations): they are test
// accounts, and hashing 10,000 passwords at full cost would take minutes.
class Seeder
{
public:
    struct Plan {
        int users = 0;
        int products = 0;
        int coupons = 0;
        QString password;
        qint64 balance = 0; // every seeded user starts with this (a CHARGE ledger row)
        QString tokensFile; // when set: "userId token" per seeded user, for load scenarios
    };
    struct Report {
        qint64 firstUserId = 0;
        qint64 lastUserId = 0;
        qint64 firstProductId = 0;
        qint64 lastProductId = 0;
        qint64 firstCouponId = 0;
        qint64 lastCouponId = 0;
    };

    Seeder(Database &database, const TokenSigner &tokens) : m_database(database), m_tokens(tokens) { }
    Result<Report> run(const Plan &plan);

private:
    Status insertBatches(const QString &head, const QString &row, int count,
                         const std::function<QVariantList(int)> &values);
    Result<QPair<qint64, qint64>> idRange(const QString &table, const QString &where, const QVariantList &bindings);

    Database &m_database;
    const TokenSigner &m_tokens;
};

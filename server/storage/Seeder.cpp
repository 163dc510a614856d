#include "Seeder.h"

#include "Database.h"
#include "ProductSearchIndex.h"
#include "PasswordHasher.h"
#include "SqlTime.h"
#include "TokenSigner.h"

#include <QtCore/QDateTime>
#include <QtCore/QFile>
#include <QtCore/QRandomGenerator>

namespace {
constexpr int kBatch = 1000;
constexpr int kSeedIterations = 1000;
}

Status Seeder::insertBatches(const QString &head, const QString &row, int count,
                             const std::function<QVariantList(int)> &values)
{
    for (int start = 0; start < count; start += kBatch) {
        const int n = qMin(kBatch, count - start);
        QStringList rows;
        QVariantList bindings;
        for (int i = start; i < start + n; ++i) {
            rows << row;
            bindings << values(i);
        }
        const auto inserted = m_database.run(head + rows.join(QLatin1Char(',')), bindings);
        if (!inserted)
            return inserted.failure();
    }
    return Done {};
}

Result<QPair<qint64, qint64>> Seeder::idRange(const QString &table, const QString &where, const QVariantList &bindings)
{
    const auto range = m_database.run(QStringLiteral("SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), 0) FROM %1 WHERE %2").arg(table, where),
                                      bindings);
    if (!range)
        return range.failure();
    range.value()->next();
    return qMakePair(range.value()->value(0).toLongLong(), range.value()->value(1).toLongLong());
}

Result<Seeder::Report> Seeder::run(const Plan &plan)
{
    Report report;
    QRandomGenerator *random = QRandomGenerator::global();
    // A run tag keeps seeded names unique when the seeder runs again on one database.
    const QString tag = QString::number(QDateTime::currentSecsSinceEpoch() % 1000000);

    if (plan.users > 0) {
        QByteArray salt(16, Qt::Uninitialized);
        random->fillRange(reinterpret_cast<quint32 *>(salt.data()), 4);
        const QString hash = PasswordHasher::hash(plan.password, salt, kSeedIterations);
        const QString prefix = QStringLiteral("seed%1_").arg(tag);
        if (Status s = insertBatches(QStringLiteral("INSERT INTO users (username, password_hash, role) VALUES "),
                                     QStringLiteral("(?, ?, 'SHOPPER')"), plan.users,
                                     [&](int i) { return QVariantList { prefix + QString::number(i + 1), hash }; });
            !s)
            return s.failure();
        const QString where = QStringLiteral("username LIKE ?");
        const QVariantList like { prefix + QLatin1Char('%') };
        const auto ids = idRange(QStringLiteral("users"), where, like);
        if (!ids)
            return ids.failure();
        report.firstUserId = ids->first;
        report.lastUserId = ids->second;
        const auto balances = m_database.run(
                QStringLiteral("INSERT INTO balances (user_id, balance) SELECT id, ? FROM users WHERE username LIKE ?"),
                { plan.balance, like.first() });
        if (!balances)
            return balances.failure();
        if (plan.balance > 0) {
            const auto ledger = m_database.run(
                    QStringLiteral("INSERT INTO balance_ledger (user_id, type, amount, balance_after) "
                                   "SELECT id, 'CHARGE', ?, ? FROM users WHERE username LIKE ?"),
                    { plan.balance, plan.balance, like.first() });
            if (!ledger)
                return ledger.failure();
        }
        if (!plan.tokensFile.isEmpty()) {
            QFile out(plan.tokensFile);
            if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return Failure { ErrorCode::Unavailable, QStringLiteral("cannot write %1").arg(plan.tokensFile), {} };
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (qint64 id = report.firstUserId; id <= report.lastUserId; ++id) {
                const Principal p { id, prefix + QString::number(id - report.firstUserId + 1), QStringLiteral("SHOPPER") };
                out.write(QByteArray::number(id) + ' ' + m_tokens.issue(p, now).token.toLatin1() + '\n');
            }
        }
    }

    if (plan.products > 0) {
        const auto before = idRange(QStringLiteral("products"), QStringLiteral("1"), {});
        if (!before)
            return before.failure();
        if (Status s = insertBatches(QStringLiteral("INSERT INTO products (name, price, stock) VALUES "),
                                     QStringLiteral("(?, ?, ?)"), plan.products,
                                     [&](int i) {
                                         return QVariantList { QStringLiteral("Product %1-%2").arg(tag).arg(i + 1),
                                                               100 * random->bounded(10, 1000), random->bounded(1000, 100000) };
                                     });
            !s)
            return s.failure();
        const auto after = idRange(QStringLiteral("products"), QStringLiteral("id > ?"), { before->second });
        if (!after)
            return after.failure();
        report.firstProductId = after->first;
        report.lastProductId = after->second;
        // Searchable like every product the shop creates (ProductRepository::create).
        if (report.lastProductId >= report.firstProductId && report.firstProductId > 0) {
            if (Status indexed = ProductSearchIndex(m_database).refreshRange(report.firstProductId, report.lastProductId); !indexed)
                return indexed.failure();
        }
        // Each seeded product's stock ledger starts with its stock (InvariantChecker).
        const auto initial = m_database.run(QStringLiteral("INSERT INTO stock_ledger (product_id, delta, stock_after, reason) "
                                                           "SELECT id, stock, stock, 'INITIAL' FROM products WHERE id > ?"),
                                            { before->second });
        if (!initial)
            return initial.failure();
    }

    if (plan.coupons > 0) {
        const auto before = idRange(QStringLiteral("coupons"), QStringLiteral("1"), {});
        if (!before)
            return before.failure();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (Status s = insertBatches(
                    QStringLiteral("INSERT INTO coupons (name, discount_type, discount_value, quantity, issued, valid_from, "
                                   "valid_until) VALUES "),
                    QStringLiteral("(?, ?, ?, ?, 0, ?, ?)"), plan.coupons,
                    [&](int i) {
                        const bool rate = i % 2;
                        return QVariantList { QStringLiteral("Coupon %1-%2").arg(tag).arg(i + 1),
                                              rate ? QStringLiteral("RATE") : QStringLiteral("FIXED"),
                                              rate ? 5 * random->bounded(1, 7) : 500 * random->bounded(1, 11), 1000,
                                              SqlTime::param(now), SqlTime::param(now.addDays(30)) };
                    });
            !s)
            return s.failure();
        const auto after = idRange(QStringLiteral("coupons"), QStringLiteral("id > ?"), { before->second });
        if (!after)
            return after.failure();
        report.firstCouponId = after->first;
        report.lastCouponId = after->second;
    }
    return report;
}

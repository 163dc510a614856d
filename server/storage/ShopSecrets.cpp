#include "ShopSecrets.h"

#include "Database.h"

Result<QByteArray> ShopSecrets::getOrCreate(const QString &name, const QByteArray &candidate)
{
    const auto inserted = m_database.run(QStringLiteral("INSERT IGNORE INTO shop_secrets (name, value) VALUES (?, ?)"),
                                         { name, QString::fromLatin1(candidate) });
    if (!inserted)
        return inserted.failure();
    const auto row = m_database.run(QStringLiteral("SELECT value FROM shop_secrets WHERE name = ?"), { name });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return Failure { ErrorCode::Unavailable, QStringLiteral("the shop's secret %1 is missing").arg(name), {} };
    return row.value()->value(0).toString().toLatin1();
}

#include "DemoShopRepository.h"

#include "Database.h"

namespace {
Result<qint64> single(const Result<Statement> &ran)
{
    if (!ran)
        return ran.failure();
    QSqlQuery *q = ran.value();
    if (!q->next())
        return Failure { ErrorCode::Internal, QStringLiteral("no row from a one-row query"), {} };
    return q->value(0).isNull() ? qint64(-1) : q->value(0).toLongLong();
}
}

Result<qint64> DemoShopRepository::productCount()
{
    return single(m_database.run(QStringLiteral("SELECT COUNT(*) FROM products")));
}

Result<bool> DemoShopRepository::takeLock()
{
    const Result<qint64> got = single(m_database.run(QStringLiteral("SELECT GET_LOCK('storefront.demo-shop', 0)")));
    if (!got)
        return got.failure();
    return got.value() == 1;
}

Status DemoShopRepository::releaseLock()
{
    const Result<qint64> released = single(m_database.run(QStringLiteral("SELECT RELEASE_LOCK('storefront.demo-shop')")));
    if (!released)
        return released.failure();
    return Done {};
}

Result<bool> DemoShopRepository::lockHeld()
{
    const Result<qint64> held = single(m_database.run(QStringLiteral("SELECT IS_USED_LOCK('storefront.demo-shop') IS NOT NULL")));
    if (!held)
        return held.failure();
    return held.value() == 1;
}

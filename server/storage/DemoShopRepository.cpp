#include "DemoShopRepository.h"

#include "Database.h"
#include "SqlTime.h"

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

// Statements with their bindings, run in order (in the caller's transaction).
using Steps = QList<QPair<const char *, QVariantList>>;
Status inOne(Database &database, const Steps &steps)
{
    for (const auto &[sql, bindings] : steps) {
        const auto r = database.run(QString::fromLatin1(sql), bindings);
        if (!r)
            return r.failure();
    }
    return Done {};
}

// NULL for a step not taken.
QVariant time(const QDateTime &at)
{
    return at.isValid() ? SqlTime::param(at) : QVariant(QMetaType(QMetaType::QDateTime));
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

Status DemoShopRepository::dateCatalogue(qint64 firstProduct, qint64 lastProduct, const QDateTime &at)
{
    const QVariant t = time(at);
    return inOne(m_database,
                 { { "UPDATE products SET created_at = ?, updated_at = ? WHERE id BETWEEN ? AND ?", { t, t, firstProduct, lastProduct } },
                   { "UPDATE stock_ledger SET created_at = ? WHERE order_id IS NULL AND product_id BETWEEN ? AND ?",
                     { t, firstProduct, lastProduct } } });
}

Status DemoShopRepository::dateShopper(qint64 userId, const QDateTime &since, const QDateTime &at)
{
    const QVariant t = time(at);
    return inOne(m_database,
                 { { "UPDATE balance_ledger SET created_at = ? WHERE user_id = ? AND type = 'CHARGE' AND created_at >= ?",
                     { t, userId, time(since) } },
                   { "UPDATE addresses SET created_at = ? WHERE user_id = ?", { t, userId } } });
}

Status DemoShopRepository::dateCharges(qint64 userId, const QDateTime &since, const QDateTime &at)
{
    return inOne(m_database, { { "UPDATE balance_ledger SET created_at = ? WHERE user_id = ? AND type = 'CHARGE' AND created_at >= ?",
                                 { time(at), userId, time(since) } } });
}

Status DemoShopRepository::dateRestock(qint64 productId, const QDateTime &since, const QDateTime &at)
{
    return inOne(m_database, { { "UPDATE stock_ledger SET created_at = ? WHERE product_id = ? AND order_id IS NULL "
                                 "AND reason = 'ADJUSTMENT' AND created_at >= ?",
                                 { time(at), productId, time(since) } } });
}

Status DemoShopRepository::datePlaced(qint64 orderId, const QDateTime &at)
{
    const QVariant t = time(at);
    return inOne(m_database, { { "UPDATE orders SET paid_at = ? WHERE id = ?", { t, orderId } },
                               { "UPDATE balance_ledger SET created_at = ? WHERE order_id = ?", { t, orderId } },
                               { "UPDATE stock_ledger SET created_at = ? WHERE order_id = ?", { t, orderId } },
                               { "UPDATE outbox SET created_at = ? WHERE order_id = ?", { t, orderId } } });
}

Status DemoShopRepository::dateFulfilment(qint64 orderId, const QDateTime &packed, const QDateTime &shipped,
                                          const QDateTime &delivered)
{
    return inOne(m_database,
                 { { "UPDATE orders SET packed_at = ?, shipped_at = ?, delivered_at = ? WHERE id = ?",
                     { time(packed), time(shipped), time(delivered), orderId } },
                   { "UPDATE outbox SET created_at = ? WHERE order_id = ? AND event_type = 'ORDER_SHIPPED'", { time(shipped), orderId } },
                   { "UPDATE outbox SET created_at = ? WHERE order_id = ? AND event_type = 'ORDER_DELIVERED'",
                     { time(delivered), orderId } } });
}

Status DemoShopRepository::dateReturn(qint64 returnId, qint64 orderId, const QDateTime &asked, const QDateTime &decided)
{
    if (!decided.isValid())
        return inOne(m_database, { { "UPDATE returns SET created_at = ? WHERE id = ?", { time(asked), returnId } } });
    const QVariant d = time(decided);
    // An accepted return's refund is the order's only one in the demo: all of its rows.
    return inOne(m_database,
                 { { "UPDATE returns SET created_at = ?, decided_at = ? WHERE id = ?", { time(asked), d, returnId } },
                   { "UPDATE refunds SET created_at = ? WHERE order_id = ?", { d, orderId } },
                   { "UPDATE balance_ledger SET created_at = ? WHERE order_id = ? AND type = 'REFUND'", { d, orderId } },
                   { "UPDATE stock_ledger SET created_at = ? WHERE order_id = ? AND reason = 'REFUND'", { d, orderId } },
                   { "UPDATE outbox SET created_at = ? WHERE order_id = ? AND event_type = 'ORDER_REFUNDED'", { d, orderId } } });
}

Status DemoShopRepository::rebuildSales()
{
    // One statement pair in one transaction: the invariant checker's rule, written forward.
    return inOne(m_database,
                 { { "DELETE FROM product_sales_hourly", {} },
                   { "INSERT INTO product_sales_hourly (bucket_start, product_id, units, revenue) "
                     "SELECT DATE_FORMAT(o.paid_at, '%Y-%m-%d %H:00:00'), l.product_id, SUM(l.quantity - l.refunded_quantity), "
                     "SUM((l.quantity - l.refunded_quantity) * l.unit_price) "
                     "FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.status <> 'CANCELLED' "
                     "GROUP BY DATE_FORMAT(o.paid_at, '%Y-%m-%d %H:00:00'), l.product_id",
                     {} } });
}

#include "ProductRepository.h"

#include "Database.h"
#include "SqlBatch.h"

namespace {
Product fromRow(QSqlQuery *q)
{
    return Product { q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong(), q->value(3).toLongLong() };
}
Failure notFound(qint64 id)
{
    return Failure { ErrorCode::NotFound, QStringLiteral("no product %1").arg(id),
                     QJsonObject { { QStringLiteral("productId"), id } } };
}
}

Result<QPair<QList<Product>, qint64>> ProductRepository::page(int limit, int offset)
{
    const auto count = m_database.run(QStringLiteral("SELECT COUNT(*) FROM products"));
    if (!count)
        return count.failure();
    count.value()->next();
    const qint64 total = count.value()->value(0).toLongLong();
    const auto rows = m_database.run(QStringLiteral("SELECT id, name, price, stock FROM products ORDER BY id LIMIT ? OFFSET ?"),
                                     { limit, offset });
    if (!rows)
        return rows.failure();
    QList<Product> products;
    while (rows.value()->next())
        products.append(fromRow(rows.value()));
    return qMakePair(products, total);
}

Result<Product> ProductRepository::get(qint64 id)
{
    const auto row = m_database.run(QStringLiteral("SELECT id, name, price, stock FROM products WHERE id = ?"), { id });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return notFound(id);
    return fromRow(row.value());
}

Result<QHash<qint64, Product>> ProductRepository::getMany(const QList<qint64> &ids)
{
    QHash<qint64, Product> products;
    for (const QList<qint64> &chunk : SqlBatch::chunks(ids)) {
        QVariantList bindings;
        const auto rows = m_database.run(
                QStringLiteral("SELECT id, name, price, stock FROM products WHERE id IN (%1)")
                        .arg(SqlBatch::inList(chunk, bindings)),
                bindings);
        if (!rows)
            return rows.failure();
        while (rows.value()->next()) {
            const Product p = fromRow(rows.value());
            products.insert(p.id, p);
        }
    }
    return products;
}

Result<QHash<qint64, qint64>> ProductRepository::stocks(const QList<qint64> &ids)
{
    QHash<qint64, qint64> stock;
    for (const QList<qint64> &chunk : SqlBatch::chunks(ids)) {
        QVariantList bindings;
        const auto rows = m_database.run(
                QStringLiteral("SELECT id, stock FROM products WHERE id IN (%1)").arg(SqlBatch::inList(chunk, bindings)),
                bindings);
        if (!rows)
            return rows.failure();
        while (rows.value()->next())
            stock.insert(rows.value()->value(0).toLongLong(), rows.value()->value(1).toLongLong());
    }
    return stock;
}

Result<Product> ProductRepository::create(const Fields &draft)
{
    const auto inserted = m_database.run(QStringLiteral("INSERT INTO products (name, price, stock) VALUES (?, ?, ?)"),
                                         { *draft.name, *draft.price, *draft.stock });
    if (!inserted)
        return inserted.failure();
    return Product { inserted.value()->lastInsertId().toLongLong(), *draft.name, *draft.price, *draft.stock };
}

Result<Product> ProductRepository::update(qint64 id, const Fields &draft)
{
    // COALESCE keeps what the PATCH did not name; one statement, so no lost update.
    const auto updated = m_database.run(
            QStringLiteral("UPDATE products SET name = COALESCE(?, name), price = COALESCE(?, price), "
                           "stock = COALESCE(?, stock), updated_at = NOW(3) WHERE id = ?"),
            { draft.name ? QVariant(*draft.name) : QVariant(QMetaType(QMetaType::QString)),
              draft.price ? QVariant(*draft.price) : QVariant(QMetaType(QMetaType::LongLong)),
              draft.stock ? QVariant(*draft.stock) : QVariant(QMetaType(QMetaType::LongLong)), id });
    if (!updated)
        return updated.failure();
    if (updated.value()->numRowsAffected() != 1)
        return notFound(id);
    return get(id);
}

Result<ProductRepository::Take> ProductRepository::take(qint64 id, qint64 quantity, qint64 price)
{
    const auto updated = m_database.run(
            QStringLiteral("UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ? AND price = ?"),
            { quantity, id, quantity, price });
    if (!updated)
        return updated.failure();
    if (updated.value()->numRowsAffected() == 1)
        return Take::Taken;
    const Result<Product> now = get(id);
    if (!now)
        return now.failure();
    return now->price != price ? Take::PriceChanged : Take::OutOfStock;
}

Status ProductRepository::giveBack(qint64 id, qint64 quantity)
{
    const auto updated = m_database.run(QStringLiteral("UPDATE products SET stock = stock + ? WHERE id = ?"), { quantity, id });
    if (!updated)
        return updated.failure();
    return Done {};
}

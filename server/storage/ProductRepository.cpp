#include "ProductRepository.h"

#include "Database.h"
#include "ProductSearchIndex.h"
#include "SqlBatch.h"
#include "SqlTime.h"

namespace {
const QString kProductColumns = QStringLiteral("id, name, price, stock, sku, description, category_id, created_at");

Failure notFound(qint64 id)
{
    return Failure { ErrorCode::NotFound, QStringLiteral("no product %1").arg(id),
                     QJsonObject { { QStringLiteral("productId"), id } } };
}

QVariant nullable(const std::optional<QString> &text, bool emptyIsNull)
{
    if (!text || (emptyIsNull && text->isEmpty()))
        return QVariant(QMetaType(QMetaType::QString));
    return *text;
}

QVariant nullable(const std::optional<qint64> &n, bool zeroIsNull)
{
    if (!n || (zeroIsNull && *n == 0))
        return QVariant(QMetaType(QMetaType::LongLong));
    return *n;
}
}

Product ProductRepository::fromRow(QSqlQuery *q, int first)
{
    Product p { q->value(first).toLongLong(), q->value(first + 1).toString(), q->value(first + 2).toLongLong(),
                q->value(first + 3).toLongLong() };
    p.sku = q->value(first + 4).toString();
    p.description = q->value(first + 5).toString();
    p.categoryId = q->value(first + 6).toLongLong();
    p.createdAt = SqlTime::utc(q->value(first + 7));
    return p;
}

Failure ProductRepository::refusal(const Fields &draft, const Failure &failure) const
{
    const QSqlError error = m_database.lastError();
    if (Database::isDuplicateKey(error))
        return Failure { ErrorCode::SkuTaken, QStringLiteral("another product has the SKU %1").arg(draft.sku.value_or(QString())),
                         QJsonObject { { QStringLiteral("field"), QStringLiteral("sku") } } };
    if (Database::isForeignKeyViolation(error))
        return Failure::validation(QStringLiteral("categoryId"),
                                   QStringLiteral("there is no category %1").arg(draft.categoryId.value_or(0)));
    return failure;
}

Result<Product> ProductRepository::get(qint64 id)
{
    const auto row = m_database.run(QStringLiteral("SELECT %1 FROM products WHERE id = ?").arg(kProductColumns), { id });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return notFound(id);
    return fromRow(row.value());
}

Result<QHash<qint64, Product>> ProductRepository::getMany(const QList<qint64> &ids)
{
    QHash<qint64, Product> products;
    for (const QList<qint64> &chunk : SqlBatch::pieces(ids)) {
        QVariantList bindings;
        const auto rows = m_database.run(QStringLiteral("SELECT %1 FROM products WHERE id IN (%2)")
                                                 .arg(kProductColumns)
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
    for (const QList<qint64> &chunk : SqlBatch::pieces(ids)) {
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
    const auto inserted = m_database.run(
            QStringLiteral("INSERT INTO products (name, price, stock, sku, description, category_id) VALUES (?, ?, ?, ?, COALESCE(?, ''), ?)"),
            { *draft.name, *draft.price, *draft.stock, nullable(draft.sku, true), draft.description.value_or(QString()),
              nullable(draft.categoryId, true) });
    if (!inserted)
        return refusal(draft, inserted.failure());
    const qint64 id = inserted.value()->lastInsertId().toLongLong();
    // The stock ledger starts with the stock the product is created with.
    const auto initial = m_database.run(QStringLiteral("INSERT INTO stock_ledger (product_id, delta, stock_after, reason) "
                                                       "VALUES (?, ?, ?, 'INITIAL')"),
                                        { id, *draft.stock, *draft.stock });
    if (!initial)
        return initial.failure();
    if (Status indexed = ProductSearchIndex(m_database).refreshProduct(id); !indexed)
        return indexed.failure();
    return get(id);
}

Result<Product> ProductRepository::update(qint64 id, const Fields &draft)
{
    // COALESCE keeps what the PATCH did not name; one statement, so no lost update.
    // SKU and category can be set to none, and an empty description may bind as NULL,
    // so for those "given" travels as its own flag.
    const auto updated = m_database.run(
            QStringLiteral("UPDATE products SET name = COALESCE(?, name), price = COALESCE(?, price), "
                           "stock = COALESCE(?, stock), description = IF(?, COALESCE(?, ''), description), "
                           "sku = IF(?, ?, sku), category_id = IF(?, ?, category_id), updated_at = NOW(3) WHERE id = ?"),
            { nullable(draft.name, false), nullable(draft.price, false), nullable(draft.stock, false),
              draft.description.has_value(), nullable(draft.description, false), draft.sku.has_value(), nullable(draft.sku, true),
              draft.categoryId.has_value(), nullable(draft.categoryId, true), id });
    if (!updated)
        return refusal(draft, updated.failure());
    // What search finds it by, when that may have changed (a price or stock does not).
    if (draft.name || draft.description || draft.sku || draft.categoryId) {
        if (Status indexed = ProductSearchIndex(m_database).refreshProduct(id); !indexed)
            return indexed.failure();
    }
    // Affected rows counts changed rows only; a PATCH that changes nothing still names a product.
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

Result<qint64> ProductRepository::lockStock(qint64 id)
{
    const auto row = m_database.run(QStringLiteral("SELECT stock FROM products WHERE id = ? FOR UPDATE"), { id });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return notFound(id);
    return row.value()->value(0).toLongLong();
}

Result<bool> ProductRepository::adjust(qint64 id, qint64 delta, qint64 ceiling)
{
    // A delta that lowers the stock is never held back by the ceiling: returned units
    // may have taken the stock past it (giveBack), and taking some away must still work.
    const auto updated = m_database.run(
            QStringLiteral("UPDATE products SET stock = stock + ?, updated_at = NOW(3) "
                           "WHERE id = ? AND stock + ? >= 0 AND (? <= 0 OR stock + ? <= ?)"),
            { delta, id, delta, delta, delta, ceiling });
    if (!updated)
        return updated.failure();
    return updated.value()->numRowsAffected() == 1;
}

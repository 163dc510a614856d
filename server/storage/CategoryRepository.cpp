#include "CategoryRepository.h"

#include "Database.h"
#include "ProductSearchIndex.h"

namespace {
const QString kColumns = QStringLiteral("id, COALESCE(parent_id, 0), name, path");

CategoryRepository::Row fromRow(QSqlQuery *q)
{
    return CategoryRepository::Row { q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toString(),
                                     q->value(3).toString() };
}

Failure notFound(qint64 id)
{
    return Failure { ErrorCode::NotFound, QStringLiteral("no category %1").arg(id),
                     QJsonObject { { QStringLiteral("categoryId"), id } } };
}

Failure notEmpty(qint64 id)
{
    return Failure { ErrorCode::CategoryNotEmpty, QStringLiteral("category %1 still holds products or categories").arg(id),
                     QJsonObject { { QStringLiteral("categoryId"), id } } };
}

QVariant parent(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}
}

Failure CategoryRepository::nameTaken(const QString &name) const
{
    return Failure { ErrorCode::NameTaken, QStringLiteral("a sibling category is already called %1").arg(name),
                     QJsonObject { { QStringLiteral("field"), QStringLiteral("name") } } };
}

Result<QList<CategoryRepository::Row>> CategoryRepository::all()
{
    const auto rows = m_database.run(QStringLiteral("SELECT %1 FROM categories").arg(kColumns));
    if (!rows)
        return rows.failure();
    QList<Row> out;
    while (rows.value()->next())
        out.append(fromRow(rows.value()));
    return out;
}

Result<CategoryRepository::Row> CategoryRepository::get(qint64 id)
{
    const auto row = m_database.run(QStringLiteral("SELECT %1 FROM categories WHERE id = ?").arg(kColumns), { id });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return notFound(id);
    return fromRow(row.value());
}

Result<CategoryRepository::Row> CategoryRepository::lock(qint64 id)
{
    const auto row = m_database.run(QStringLiteral("SELECT %1 FROM categories WHERE id = ? FOR UPDATE").arg(kColumns), { id });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return notFound(id);
    return fromRow(row.value());
}

Status CategoryRepository::lockTree()
{
    const auto rows = m_database.run(QStringLiteral("SELECT id FROM categories ORDER BY id FOR UPDATE"));
    if (!rows)
        return rows.failure();
    return Done {};
}

Result<QHash<qint64, qint64>> CategoryRepository::productCounts()
{
    const auto rows = m_database.run(QStringLiteral(
            "SELECT category_id, COUNT(*) FROM products WHERE category_id IS NOT NULL GROUP BY category_id"));
    if (!rows)
        return rows.failure();
    QHash<qint64, qint64> counts;
    while (rows.value()->next())
        counts.insert(rows.value()->value(0).toLongLong(), rows.value()->value(1).toLongLong());
    return counts;
}

Result<int> CategoryRepository::deepestUnder(const QString &path)
{
    // A path has one '/' more than ids ("/3/17/" is depth 2); one range of ix_categories_path.
    const QString subtree = path + QLatin1Char('%');
    const auto deepest = m_database.run(
            QStringLiteral("SELECT COALESCE(MAX(LENGTH(path) - LENGTH(REPLACE(path, '/', ''))), 1) - 1 FROM categories "
                           "WHERE path LIKE ?"),
            { subtree });
    if (!deepest)
        return deepest.failure();
    deepest.value()->next();
    return deepest.value()->value(0).toInt();
}

Result<qint64> CategoryRepository::insert(const QString &name, qint64 parentId, const QString &parentPath)
{
    const auto inserted =
            m_database.run(QStringLiteral("INSERT INTO categories (parent_id, name) VALUES (?, ?)"), { parent(parentId), name });
    if (!inserted) {
        if (Database::isDuplicateKey(m_database.lastError()))
            return nameTaken(name);
        return inserted.failure();
    }
    const qint64 id = inserted.value()->lastInsertId().toLongLong();
    const auto pathed = m_database.run(QStringLiteral("UPDATE categories SET path = CONCAT(?, id, '/') WHERE id = ?"),
                                       { parentPath.isEmpty() ? QStringLiteral("/") : parentPath, id });
    if (!pathed)
        return pathed.failure();
    return id;
}

Status CategoryRepository::rename(qint64 id, const QString &name)
{
    const auto renamed = m_database.run(QStringLiteral("UPDATE categories SET name = ? WHERE id = ?"), { name, id });
    if (!renamed) {
        if (Database::isDuplicateKey(m_database.lastError()))
            return nameTaken(name);
        return renamed.failure();
    }
    // Its name finds every product in it or under it.
    const Result<Row> row = get(id);
    if (!row)
        return row.failure();
    return ProductSearchIndex(m_database).refreshCategory(row->path);
}

Status CategoryRepository::move(const Row &row, qint64 newParentId, const QString &newPath)
{
    const auto moved =
            m_database.run(QStringLiteral("UPDATE categories SET parent_id = ? WHERE id = ?"), { parent(newParentId), row.id });
    if (!moved) {
        if (Database::isDuplicateKey(m_database.lastError()))
            return nameTaken(row.name);
        return moved.failure();
    }
    // Paths hold only digits and '/', so the old path is a plain LIKE prefix.
    const QString subtree = row.path + QLatin1Char('%');
    const int rest = int(row.path.size()) + 1;
    const auto rewritten = m_database.run(
            QStringLiteral("UPDATE categories SET path = CONCAT(?, SUBSTRING(path, ?)) WHERE path LIKE ?"), { newPath, rest, subtree });
    if (!rewritten)
        return rewritten.failure();
    // The products under it now have other categories above them.
    return ProductSearchIndex(m_database).refreshCategory(newPath);
}

Status CategoryRepository::remove(qint64 id)
{
    const auto used = m_database.run(
            QStringLiteral("SELECT EXISTS (SELECT 1 FROM categories WHERE parent_id = ?), "
                           "EXISTS (SELECT 1 FROM products WHERE category_id = ?)"),
            { id, id });
    if (!used)
        return used.failure();
    used.value()->next();
    if (used.value()->value(0).toBool() || used.value()->value(1).toBool())
        return notEmpty(id);
    const auto removed = m_database.run(QStringLiteral("DELETE FROM categories WHERE id = ?"), { id });
    if (!removed) {
        // A product or child added since the check: the foreign key refuses the delete.
        if (Database::isRowReferenced(m_database.lastError()))
            return notEmpty(id);
        return removed.failure();
    }
    if (removed.value()->numRowsAffected() != 1)
        return notFound(id);
    return Done {};
}

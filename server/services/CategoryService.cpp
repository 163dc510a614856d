#include "CategoryService.h"

#include "Database.h"
#include "ShopLimits.h"

#include <QtCore/QCollator>
#include <QtCore/QSet>

#include <algorithm>
#include <functional>

namespace {
Failure unknownParent(qint64 id)
{
    return Failure::validation(QStringLiteral("parentId"), QStringLiteral("there is no category %1").arg(id));
}

// Levels from the root of a path of ids: "/3/17/" is 2, "/" (above the roots) 0.
int depthOf(const QString &path)
{
    return qMax(0, int(path.count(QLatin1Char('/'))) - 1);
}

Failure tooDeep(int depth)
{
    Failure f = Failure::validation(QStringLiteral("parentId"),
                                    QStringLiteral("categories nest at most %1 deep: this would make %2")
                                            .arg(ShopLimits::kMaxCategoryDepth)
                                            .arg(depth));
    f.details.insert(QStringLiteral("maxDepth"), ShopLimits::kMaxCategoryDepth);
    return f;
}
}

QJsonObject CategoryService::Category::toJson() const
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("name"), name },
             { QStringLiteral("parentId"), parentId > 0 ? QJsonValue(parentId) : QJsonValue(QJsonValue::Null) },
             { QStringLiteral("path"), path },
             { QStringLiteral("productCount"), productCount } };
}

void CategoryService::changed()
{
    // Product lists filtered by category and their counts depend on the tree.
    if (m_cache)
        m_cache->invalidateAll();
}

Result<QList<CategoryService::Category>> CategoryService::list()
{
    const auto rows = m_categories.all();
    if (!rows)
        return rows.failure();
    const auto counts = m_categories.productCounts();
    if (!counts)
        return counts.failure();

    QHash<qint64, QList<CategoryRepository::Row>> children;
    for (const CategoryRepository::Row &row : rows.value())
        children[row.parentId].append(row);
    QCollator byName;
    byName.setCaseSensitivity(Qt::CaseInsensitive);
    for (auto &siblings : children)
        std::sort(siblings.begin(), siblings.end(), [&](const auto &a, const auto &b) {
            const int order = byName.compare(a.name, b.name);
            return order != 0 ? order < 0 : a.id < b.id;
        });

    QList<Category> out;
    // Depth first; returns the subtree's product count. The tree has no cycles (writers
    // refuse them), and `seen` guards the walk anyway.
    QSet<qint64> seen;
    std::function<qint64(qint64, const QString &)> walk = [&](qint64 parent, const QString &prefix) -> qint64 {
        qint64 total = 0;
        for (const CategoryRepository::Row &row : children.value(parent)) {
            if (seen.contains(row.id))
                continue;
            seen.insert(row.id);
            const qsizetype at = out.size();
            const QString path = prefix.isEmpty() ? row.name : prefix + QLatin1Char('/') + row.name;
            out.append(Category { row.id, row.name, row.parentId, path, 0 });
            const qint64 below = walk(row.id, path);
            out[at].productCount = counts->value(row.id) + below;
            total += out[at].productCount;
        }
        return total;
    };
    walk(0, QString());
    return out;
}

Result<CategoryService::Category> CategoryService::one(qint64 id)
{
    const auto all = list();
    if (!all)
        return all.failure();
    for (const Category &c : all.value()) {
        if (c.id == id)
            return c;
    }
    return Failure { ErrorCode::NotFound, QStringLiteral("no category %1").arg(id), {} };
}

namespace {
QJsonObject rowJson(qint64 id, const QString &name, qint64 parentId)
{
    return { { QStringLiteral("id"), id }, { QStringLiteral("name"), name },
             { QStringLiteral("parentId"), parentId > 0 ? QJsonValue(parentId) : QJsonValue() } };
}
}

Result<CategoryService::Category> CategoryService::create(const CatalogueRequests::CategoryDraft &draft, qint64 adminId)
{
    const Result<qint64> id = m_database.transaction<qint64>([&]() -> Result<qint64> {
        QString parentPath;
        const qint64 parentId = draft.parentId.value_or(0);
        if (parentId > 0) {
            const auto parent = m_categories.lock(parentId);
            if (!parent && parent.failure().code == ErrorCode::NotFound)
                return unknownParent(parentId);
            if (!parent)
                return parent.failure();
            parentPath = parent->path;
            // The parent's row is locked: no move can change its depth meanwhile.
            if (depthOf(parentPath) + 1 > ShopLimits::kMaxCategoryDepth)
                return tooDeep(depthOf(parentPath) + 1);
        }
        const Result<qint64> inserted = m_categories.insert(*draft.name, parentId, parentPath);
        if (!inserted)
            return inserted;
        if (Status audited = m_audit.record(adminId, QStringLiteral("category.create"), QStringLiteral("category"),
                                            inserted.value(), {}, rowJson(inserted.value(), *draft.name, parentId));
            !audited)
            return audited.failure();
        return inserted;
    });
    if (!id)
        return id.failure();
    changed();
    return one(id.value());
}

Result<CategoryService::Category> CategoryService::update(qint64 id, const CatalogueRequests::CategoryDraft &draft,
                                                         qint64 adminId)
{
    const Status done = m_database.transaction<Done>([&]() -> Result<Done> {
        if (draft.parentId) {
            // A move rewrites a subtree's paths: the whole tree is held meanwhile.
            if (Status locked = m_categories.lockTree(); !locked)
                return locked.failure();
        }
        const auto row = m_categories.lock(id);
        if (!row)
            return row.failure();
        if (draft.name) {
            if (Status renamed = m_categories.rename(id, *draft.name); !renamed)
                return renamed.failure();
        }
        if (draft.parentId && *draft.parentId != row->parentId) {
            QString parentPath = QStringLiteral("/");
            if (*draft.parentId > 0) {
                const auto parent = m_categories.get(*draft.parentId);
                if (!parent && parent.failure().code == ErrorCode::NotFound)
                    return unknownParent(*draft.parentId);
                if (!parent)
                    return parent.failure();
                // Under itself or its own descendant: the tree would have a cycle.
                if (parent->path.startsWith(row->path))
                    return Failure::validation(QStringLiteral("parentId"),
                                               QStringLiteral("a category cannot move under itself or its own descendant"));
                parentPath = parent->path;
            }
            // The whole tree is locked: the moved subtree's deepest level lands this
            // much lower (or higher), and nothing else moves meanwhile.
            const Result<int> deepest = m_categories.deepestUnder(row->path);
            if (!deepest)
                return deepest.failure();
            const int landing = deepest.value() - depthOf(row->path) + depthOf(parentPath) + 1;
            if (landing > ShopLimits::kMaxCategoryDepth)
                return tooDeep(landing);
            CategoryRepository::Row moved = row.value();
            if (draft.name)
                moved.name = *draft.name;
            if (Status m = m_categories.move(moved, *draft.parentId, parentPath + QString::number(id) + QLatin1Char('/')); !m)
                return m.failure();
        }
        if (Status audited = m_audit.record(adminId, QStringLiteral("category.update"), QStringLiteral("category"), id,
                                            rowJson(id, row->name, row->parentId),
                                            rowJson(id, draft.name.value_or(row->name), draft.parentId.value_or(row->parentId)));
            !audited)
            return audited.failure();
        return Done {};
    });
    if (!done)
        return done.failure();
    changed();
    return one(id);
}

Status CategoryService::remove(qint64 id, qint64 adminId)
{
    const Status removed = m_database.transaction<Done>([&]() -> Result<Done> {
        const auto row = m_categories.lock(id);
        if (!row)
            return row.failure();
        if (Status gone = m_categories.remove(id); !gone)
            return gone.failure();
        return m_audit.record(adminId, QStringLiteral("category.delete"), QStringLiteral("category"), id,
                              rowJson(id, row->name, row->parentId), {});
    });
    if (removed)
        changed();
    return removed;
}

#pragma once

#include "Result.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>

class Database;

// The category tree's rows. `path` is the ids from the root ("/3/17/"), so a subtree
// is one range of ix_categories_path. Statements only: the caller's transaction makes
// a create or a move atomic, and lock() serializes the tree's writers.
class CategoryRepository
{
public:
    struct Row {
        qint64 id = 0;
        qint64 parentId = 0; // 0: a root
        QString name;
        QString path;
    };

    explicit CategoryRepository(Database &database) : m_database(database) { }

    Result<QList<Row>> all();
    // NOT_FOUND when there is none.
    Result<Row> get(qint64 id);
    // The row, locked until the transaction ends (FOR UPDATE): a writer that reads a
    // path it then builds on holds it, so a move cannot change it meanwhile.
    Result<Row> lock(qint64 id);
    // Every row locked, for a move (it rewrites a subtree's paths).
    Status lockTree();
    // The depth of the deepest category at or under `path` (a root is 1), for a move.
    Result<int> deepestUnder(const QString &path);
    // Products directly in each category that has any.
    Result<QHash<qint64, qint64>> productCounts();

    // NAME_TAKEN when a sibling has the name.
    Result<qint64> insert(const QString &name, qint64 parentId, const QString &parentPath);
    Status rename(qint64 id, const QString &name);
    // Re-parents `row` and rewrites its subtree's paths from `row.path` to `newPath`.
    Status move(const Row &row, qint64 newParentId, const QString &newPath);
    // CATEGORY_NOT_EMPTY while products or categories are in it.
    Status remove(qint64 id);

private:
    Failure nameTaken(const QString &name) const;

    Database &m_database;
};

#pragma once

#include "ApiValues.h"

#include <QtWidgets/QTreeView>

class QStandardItemModel;

// The category tree of GET /categories: names with their product counts ("Kitchen
// (24)"), under an optional "All products" entry (id 0). The shop filters by the chosen
// one; the admin's categories editor edits it. Reloading keeps the choice and what was
// open where the ids still exist.
class CategoryTree : public QTreeView
{
    Q_OBJECT
public:
    static constexpr int kIdRole = Qt::UserRole + 1;

    explicit CategoryTree(bool withAll, QWidget *parent = nullptr);

    void setCategories(const QList<Category> &categories);
    const QList<Category> &categories() const { return m_categories; }
    // 0: "All products" or nothing chosen.
    qint64 chosenId() const;
    const Category *chosen() const;
    void choose(qint64 id);
    // The index showing this category (tests click it).
    QModelIndex indexOf(qint64 id) const;

Q_SIGNALS:
    void chosenChanged(qint64 id);

private:
    QStandardItemModel *m_model;
    QList<Category> m_categories;
    bool m_withAll;
};

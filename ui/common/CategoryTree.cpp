#include "CategoryTree.h"

#include "Money.h"
#include "Retranslate.h"

#include <QtCore/QHash>
#include <QtCore/QSet>
#include <QtGui/QStandardItemModel>
#include <QtWidgets/QHeaderView>

CategoryTree::CategoryTree(bool withAll, QWidget *parent)
    : QTreeView(parent), m_model(new QStandardItemModel(this)), m_withAll(withAll)
{
    setModel(m_model);
    setHeaderHidden(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformRowHeights(true);
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { Q_EMIT chosenChanged(current.data(kIdRole).toLongLong()); });
    // "All products (240)" and the counts are words and numbers of the language.
    Retranslate::onChange(this, [this] {
        if (!m_categories.isEmpty()) {
            const QList<Category> same = m_categories;
            setCategories(same);
        }
    });
}

void CategoryTree::setCategories(const QList<Category> &categories)
{
    const qint64 was = chosenId();
    QSet<qint64> open;
    for (const Category &c : std::as_const(m_categories)) {
        const QModelIndex index = indexOf(c.id);
        if (index.isValid() && isExpanded(index))
            open.insert(c.id);
    }
    const bool firstFill = m_categories.isEmpty();
    m_categories = categories;

    const QSignalBlocker quiet(selectionModel());
    m_model->clear();
    QStandardItem *root = m_model->invisibleRootItem();
    if (m_withAll) {
        qint64 all = 0;
        for (const Category &c : categories)
            all += c.parentId == 0 ? c.productCount : 0;
        auto *item = new QStandardItem(tr("All products (%1)").arg(Money::count(all)));
        item->setData(qint64(0), kIdRole);
        root->appendRow(item);
    }
    // Depth first from the server: a parent always comes before its children.
    QHash<qint64, QStandardItem *> items;
    for (const Category &c : categories) {
        auto *item = new QStandardItem(tr("%1 (%2)").arg(c.name, Money::count(c.productCount)));
        item->setData(c.id, kIdRole);
        item->setToolTip(c.path);
        QStandardItem *parent = items.value(c.parentId, root);
        parent->appendRow(item);
        items.insert(c.id, item);
    }
    for (const Category &c : categories) {
        if (open.contains(c.id) || (firstFill && c.parentId == 0 && categories.size() <= 12))
            expand(indexOf(c.id));
    }
    const QModelIndex again = indexOf(was);
    if (again.isValid())
        setCurrentIndex(again);
    else if (m_withAll)
        setCurrentIndex(m_model->index(0, 0));
    if (chosenId() != was)
        Q_EMIT chosenChanged(chosenId());
}

qint64 CategoryTree::chosenId() const
{
    return currentIndex().data(kIdRole).toLongLong();
}

const Category *CategoryTree::chosen() const
{
    const qint64 id = chosenId();
    for (const Category &c : m_categories) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

void CategoryTree::choose(qint64 id)
{
    const QModelIndex index = indexOf(id);
    if (index.isValid())
        setCurrentIndex(index);
}

QModelIndex CategoryTree::indexOf(qint64 id) const
{
    const QModelIndexList found = m_model->match(m_model->index(0, 0), kIdRole, id, 1,
                                                 Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.first();
}

#include "RecordTableView.h"

#include "RecordTableModel.h"

#include <QtWidgets/QHeaderView>

RecordTableView::RecordTableView(QWidget *parent) : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setShowGrid(false);
    setTabKeyNavigation(false); // Tab leaves the table for the next control, as in a form
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(28);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setHighlightSections(false);
}

qint64 RecordTableView::selectedId() const
{
    const QModelIndexList rows = selectionModel() ? selectionModel()->selectedRows() : QModelIndexList();
    return rows.isEmpty() ? 0 : rows.first().data(RecordTableModel::kIdRole).toLongLong();
}

void RecordTableView::selectId(qint64 id)
{
    for (int row = 0; model() && row < model()->rowCount(); ++row) {
        const QModelIndex index = model()->index(row, 0);
        if (index.data(RecordTableModel::kIdRole).toLongLong() == id) {
            setCurrentIndex(index);
            selectRow(row);
            return;
        }
    }
}

void RecordTableView::selectIdOrFirst(qint64 id)
{
    if (id > 0)
        selectId(id);
    else if (model() && model()->rowCount() > 0)
        selectRow(0);
}

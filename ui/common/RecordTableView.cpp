#include "RecordTableView.h"

#include "RecordTableModel.h"

#include <QtGui/QPainter>
#include <QtWidgets/QHeaderView>

RecordTableView::RecordTableView(QWidget *parent) : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setShowGrid(false);
    setTabKeyNavigation(false); // Tab leaves the table for the next control, as in a form
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
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

void RecordTableView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    viewport()->update();
}

bool RecordTableView::showsEmptyText() const
{
    return !m_emptyText.isEmpty() && (!model() || model()->rowCount() == 0);
}

void RecordTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (!showsEmptyText())
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect room = viewport()->rect().adjusted(16, 16, -16, -16);
    painter.drawText(room, Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
}

#include "ProductGrid.h"

#include "ProductCardDelegate.h"

#include <QtGui/QPainter>

ProductGrid::ProductGrid(QWidget *parent) : QListView(parent)
{
    setViewMode(QListView::IconMode);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSpacing(0);
    setGridSize(QSize(ProductCardDelegate::kCardWidth, ProductCardDelegate::kCardHeight));
    setMouseTracking(true); // the card under the pointer is outlined
    setItemDelegate(new ProductCardDelegate(this));
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setWordWrap(true);
}

void ProductGrid::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    fitColumns();
}

void ProductGrid::fitColumns()
{
    // As many columns as cards of at least kMinCardWidth fit, sharing the width evenly:
    // a wider window adds a column instead of leaving a band empty on the right.
    const int room = viewport()->width();
    const int columns = qMax(1, room / ProductCardDelegate::kMinCardWidth);
    const QSize cell(qMax(ProductCardDelegate::kMinCardWidth, room / columns), ProductCardDelegate::kCardHeight);
    if (cell != gridSize())
        setGridSize(cell);
}

void ProductGrid::setEmptyText(const QString &text)
{
    m_emptyText = text;
    viewport()->update();
}

bool ProductGrid::showsEmptyText() const
{
    return model() && model()->rowCount() == 0 && !m_emptyText.isEmpty();
}

void ProductGrid::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (!showsEmptyText())
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    painter.setFont(font);
    painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
}

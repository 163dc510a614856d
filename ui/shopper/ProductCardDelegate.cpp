#include "ProductCardDelegate.h"

#include "Money.h"
#include "ProductListModel.h"

#include <QtGui/QPainter>
#include <QtGui/QPainterPath>
#include <QtGui/QTextLayout>
#include <QtWidgets/QApplication>
#include <QtWidgets/QListView>

namespace {
constexpr int kMargin = 6;
constexpr int kPadding = 10;

// The name on at most `lines` lines, the last one ending in "…" when it does not fit.
void drawWrapped(QPainter *painter, const QRect &box, const QString &text, const QFont &font, int lines)
{
    const QFontMetrics metrics(font);
    painter->setFont(font);
    QTextLayout layout(text, font);
    layout.beginLayout();
    int y = box.top();
    for (int i = 0; i < lines; ++i) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(box.width());
        const bool last = i == lines - 1;
        QString piece = text.mid(line.textStart(), last ? -1 : line.textLength());
        if (last)
            piece = metrics.elidedText(piece.simplified(), Qt::ElideRight, box.width());
        painter->drawText(QRect(box.left(), y, box.width(), metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          piece.trimmed());
        y += metrics.lineSpacing();
    }
    layout.endLayout();
}
}

QSize ProductCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    // The grid's cell (ProductGrid shares its width among the columns), else the usual card.
    if (const auto *view = qobject_cast<const QListView *>(option.widget); view && view->gridSize().isValid())
        return view->gridSize();
    return { kCardWidth, kCardHeight };
}

void ProductCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto *product = index.data(ProductListModel::kProductRole).value<const Product *>();
    if (!product)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect card = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    QPainterPath outline;
    outline.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    painter->fillPath(outline, Qt::white);
    painter->setPen(QPen(selected ? option.palette.color(QPalette::Highlight) : hovered ? QColor(0xb0, 0xb8, 0xc6)
                                                                                       : QColor(0xda, 0xdc, 0xe0),
                         selected ? 2 : 1));
    painter->drawPath(outline);

    // The picture, centred in a square; a soft placeholder until it is there.
    const int side = qMin(kPictureSide, card.width() - 2 * kMargin);
    const QRect pictureBox(card.left() + (card.width() - side) / 2, card.top() + kPadding, side, side);
    const QPixmap picture = index.data(Qt::DecorationRole).value<QPixmap>();
    if (!picture.isNull()) {
        const QPixmap scaled = picture.scaled(pictureBox.size(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
        const QPoint at = pictureBox.topLeft()
                + QPoint((pictureBox.width() - scaled.width()) / 2, (pictureBox.height() - scaled.height()) / 2);
        painter->drawPixmap(at, scaled);
    } else {
        painter->fillRect(pictureBox, QColor(0xee, 0xf1, 0xf6));
        painter->setPen(QColor(0x8a, 0x94, 0xa6));
        const bool loading = index.data(ProductListModel::kPictureLoadingRole).toBool();
        painter->drawText(pictureBox, Qt::AlignCenter,
                          loading ? QCoreApplication::translate("ProductCardDelegate", "Loading picture\u2026")
                                  : QCoreApplication::translate("ProductCardDelegate", "No picture"));
    }

    QFont nameFont = option.font;
    QFont priceFont = option.font;
    priceFont.setBold(true);
    priceFont.setPointSizeF(priceFont.pointSizeF() * 1.1);
    const QFontMetrics nameMetrics(nameFont);
    const QFontMetrics priceMetrics(priceFont);
    const int textLeft = card.left() + kPadding;
    const int textWidth = card.width() - 2 * kPadding;
    int y = pictureBox.bottom() + 8;
    painter->setPen(product->stock == 0 ? QColor(0x7a, 0x7a, 0x7a) : QColor(0x20, 0x21, 0x24));
    drawWrapped(painter, QRect(textLeft, y, textWidth, 2 * nameMetrics.lineSpacing()), product->name, nameFont, 2);
    y += 2 * nameMetrics.lineSpacing() + 2;
    painter->setFont(priceFont);
    painter->setPen(QColor(0x20, 0x21, 0x24));
    painter->drawText(QRect(textLeft, y, textWidth, priceMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      Money::format(product->price));
    y += priceMetrics.height() + 1;
    painter->setFont(nameFont);
    QString stock;
    if (product->stock == 0) {
        painter->setPen(QColor(0xb3, 0x26, 0x1e));
        stock = QCoreApplication::translate("ProductCardDelegate", "Sold out");
    } else {
        painter->setPen(QColor(0x5f, 0x63, 0x68));
        stock = QCoreApplication::translate("ProductCardDelegate", "%1 in stock").arg(Money::count(product->stock));
    }
    painter->drawText(QRect(textLeft, y, textWidth, nameMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      nameMetrics.elidedText(stock, Qt::ElideRight, textWidth));
    painter->restore();
}

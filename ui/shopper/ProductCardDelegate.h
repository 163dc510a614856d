#pragma once

#include <QtWidgets/QStyledItemDelegate>

// A product as a card in the shop's grid: its thumbnail (or a placeholder while it
// loads, or when it has none), the name on up to two lines, the price, and the stock in
// words ("Sold out" in red). Reads ProductListModel's roles.
class ProductCardDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int kCardWidth = 190;
    // The grid shares its width among cards at least this wide (the picture and a margin).
    static constexpr int kMinCardWidth = 172;
    static constexpr int kCardHeight = 262;
    static constexpr int kPictureSide = 150;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

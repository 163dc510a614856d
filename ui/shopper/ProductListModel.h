#pragma once

#include "RecordTableModel.h"
#include "ShopTypes.h"

class PictureCache;

// One page of the catalogue for both looks of the shop: the table (name, price, stock
// columns, as RecordTableModel shows them) and the grid of cards, which reads the
// whole product (kProductRole) and its thumbnail (Qt::DecorationRole, null until
// loaded: the card paints a placeholder). A refresh of the same ids changes values in
// place, so the selection and the scroll position stay.
class ProductListModel : public RecordTableModel
{
public:
    static constexpr int kProductRole = Qt::UserRole + 2;
    // True while the product has a picture that is still on its way.
    static constexpr int kPictureLoadingRole = Qt::UserRole + 3;

    ProductListModel(PictureCache *pictures, QObject *parent = nullptr);

    void setProducts(QList<Product> products);
    // The column titles in the language shown now (the page calls it on a language change).
    void retranslate();
    const QList<Product> &products() const { return m_products; }
    const Product *productWithId(qint64 id) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void pictureReady(const QString &path);

    PictureCache *m_pictures;
    QList<Product> m_products;
};

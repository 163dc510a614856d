#include "ProductListModel.h"

#include "PictureCache.h"

#include <QtCore/QCoreApplication>

namespace {
QString thumbPath(const Product &product)
{
    return product.images.isEmpty() ? QString() : product.images.first().thumbUrl();
}
}

ProductListModel::ProductListModel(PictureCache *pictures, QObject *parent)
    : RecordTableModel({ { {}, Kind::Text }, { {}, Kind::Money }, { {}, Kind::Number } }, parent), m_pictures(pictures)
{
    QObject::connect(pictures, &PictureCache::ready, this, [this](const QString &path) { pictureReady(path); });
    retranslate();
}

void ProductListModel::retranslate()
{
    setHeaders({ QCoreApplication::translate("ProductListModel", "Product"),
                 QCoreApplication::translate("ProductListModel", "Price"),
                 QCoreApplication::translate("ProductListModel", "In stock") });
}

void ProductListModel::setProducts(QList<Product> products)
{
    QList<Row> rows;
    rows.reserve(products.size());
    for (const Product &p : products)
        rows.append({ p.id, { p.name, p.price, p.stock }, p.stock == 0 });
    m_products = std::move(products);
    setRows(std::move(rows));
}

const Product *ProductListModel::productWithId(qint64 id) const
{
    for (const Product &p : m_products) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

QVariant ProductListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.row() >= m_products.size())
        return {};
    const Product &product = m_products.at(index.row());
    switch (role) {
    case kProductRole:
        return QVariant::fromValue(&product);
    case Qt::DecorationRole:
        // Asking is what starts the download: only cards being painted load pictures.
        return index.column() == 0 ? QVariant(m_pictures->picture(thumbPath(product))) : QVariant();
    case kPictureLoadingRole: {
        const QString path = thumbPath(product);
        return !path.isEmpty() && !m_pictures->failed(path);
    }
    default:
        return RecordTableModel::data(index, role);
    }
}

void ProductListModel::pictureReady(const QString &path)
{
    for (int row = 0; row < m_products.size(); ++row) {
        if (thumbPath(m_products.at(row)) == path)
            Q_EMIT dataChanged(index(row, 0), index(row, 0), { Qt::DecorationRole });
    }
}

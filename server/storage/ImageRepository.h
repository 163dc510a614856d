#pragma once

#include "Result.h"
#include "ShopTypes.h"

#include <QtCore/QByteArray>
#include <QtCore/QHash>

class Database;

// Product pictures, bytes included, in MySQL: every server instance reads the same
// rows, so any of them serves any picture (README: "Pictures").
class ImageRepository
{
public:
    struct Encoded {
        QByteArray contentType;
        QByteArray bytes;
        QByteArray etag;
    };
    struct NewImage {
        qint64 productId = 0;
        int width = 0;
        int height = 0;
        Encoded full;
        Encoded thumb;
    };
    enum class Variant { Full, Thumb };

    explicit ImageRepository(Database &database) : m_database(database) { }

    // NOT_FOUND when the product does not exist. After the product's other pictures.
    Result<ProductImage> add(const NewImage &image);
    // NOT_FOUND unless the picture belongs to that product.
    Status remove(qint64 productId, qint64 imageId);
    // Each product's pictures, main first.
    Result<QHash<qint64, QList<ProductImage>>> forProducts(const QList<qint64> &productIds);
    // Type and ETag only (a conditional GET need not read the bytes). NOT_FOUND if none.
    Result<Encoded> head(qint64 imageId, Variant variant);
    Result<Encoded> read(qint64 imageId, Variant variant);

private:
    Database &m_database;
};

#include "ImageRepository.h"

#include "Database.h"
#include "SqlBatch.h"

namespace {
const QString kFullHead = QStringLiteral("content_type, etag");
const QString kThumbHead = QStringLiteral("thumb_content_type, thumb_etag");
const QString kFullRead = QStringLiteral("content_type, etag, bytes");
const QString kThumbRead = QStringLiteral("thumb_content_type, thumb_etag, thumb_bytes");

Failure notFound(qint64 id)
{
    return Failure { ErrorCode::NotFound, QStringLiteral("no image %1").arg(id), QJsonObject { { QStringLiteral("imageId"), id } } };
}
}

Result<ProductImage> ImageRepository::add(const NewImage &image)
{
    // The next position in the same statement; two uploads at once may share one, and
    // the id then orders them.
    const auto inserted = m_database.run(
            QStringLiteral("INSERT INTO product_images (product_id, position, content_type, width, height, bytes, "
                           "thumb_content_type, thumb_bytes, etag, thumb_etag) "
                           "SELECT ?, COALESCE(MAX(position), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ? FROM product_images WHERE product_id = ?"),
            { image.productId, QString::fromLatin1(image.full.contentType), image.width, image.height, image.full.bytes,
              QString::fromLatin1(image.thumb.contentType), image.thumb.bytes, QString::fromLatin1(image.full.etag),
              QString::fromLatin1(image.thumb.etag), image.productId });
    if (!inserted) {
        if (Database::isForeignKeyViolation(m_database.lastError()))
            return Failure { ErrorCode::NotFound, QStringLiteral("no product %1").arg(image.productId),
                             QJsonObject { { QStringLiteral("productId"), image.productId } } };
        return inserted.failure();
    }
    return ProductImage { inserted.value()->lastInsertId().toLongLong(), image.width, image.height };
}

Status ImageRepository::remove(qint64 productId, qint64 imageId)
{
    const auto removed =
            m_database.run(QStringLiteral("DELETE FROM product_images WHERE id = ? AND product_id = ?"), { imageId, productId });
    if (!removed)
        return removed.failure();
    if (removed.value()->numRowsAffected() != 1)
        return notFound(imageId);
    return Done {};
}

Result<QHash<qint64, QList<ProductImage>>> ImageRepository::forProducts(const QList<qint64> &productIds)
{
    QHash<qint64, QList<ProductImage>> images;
    for (const QList<qint64> &chunk : SqlBatch::pieces(productIds)) {
        QVariantList bindings;
        const auto rows = m_database.run(
                QStringLiteral("SELECT product_id, id, width, height FROM product_images WHERE product_id IN (%1) "
                               "ORDER BY product_id, position, id")
                        .arg(SqlBatch::inList(chunk, bindings)),
                bindings);
        if (!rows)
            return rows.failure();
        while (rows.value()->next())
            images[rows.value()->value(0).toLongLong()].append(ProductImage {
                    rows.value()->value(1).toLongLong(), rows.value()->value(2).toInt(), rows.value()->value(3).toInt() });
    }
    return images;
}

Result<ImageRepository::Encoded> ImageRepository::head(qint64 imageId, Variant variant)
{
    const auto row = m_database.run(QStringLiteral("SELECT %1 FROM product_images WHERE id = ?")
                                            .arg((variant == Variant::Thumb ? kThumbHead : kFullHead)),
                                    { imageId });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return notFound(imageId);
    return Encoded { row.value()->value(0).toByteArray(), QByteArray(), row.value()->value(1).toByteArray() };
}

Result<ImageRepository::Encoded> ImageRepository::read(qint64 imageId, Variant variant)
{
    const auto row = m_database.run(QStringLiteral("SELECT %1 FROM product_images WHERE id = ?")
                                            .arg((variant == Variant::Thumb ? kThumbRead : kFullRead)),
                                    { imageId });
    if (!row)
        return row.failure();
    if (!row.value()->next())
        return notFound(imageId);
    Encoded encoded { row.value()->value(0).toByteArray(), row.value()->value(2).toByteArray(),
                      row.value()->value(1).toByteArray() };
    // Frees the result's buffers now: the statement stays cached, a picture's bytes
    // need not stay with it until the next read.
    row.value()->finish();
    return encoded;
}

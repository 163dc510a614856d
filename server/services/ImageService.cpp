#include "ImageService.h"

#include "Database.h"
#include "ImageCodec.h"

namespace {
bool matches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    if (ifNoneMatch.trimmed() == "*")
        return true;
    for (QByteArray tag : ifNoneMatch.split(',')) {
        tag = tag.trimmed();
        if (tag.startsWith("W/"))
            tag = tag.mid(2); // If-None-Match compares weakly (RFC 9110 13.1.2)
        if (tag == etag)
            return true;
    }
    return false;
}
}

Result<ProductImage> ImageService::upload(qint64 productId, const QByteArray &contentType, const QByteArray &body,
                                          qint64 adminId)
{
    const Result<ImageCodec::Prepared> prepared = ImageCodec::prepare(contentType, body);
    if (!prepared)
        return prepared.failure();
    const ImageCodec::Prepared &p = prepared.value();
    Result<ProductImage> added = m_database.transaction<ProductImage>([&]() -> Result<ProductImage> {
        Result<ProductImage> image = m_images.add(ImageRepository::NewImage {
                productId, p.width, p.height, { p.full.contentType, p.full.bytes, p.full.etag },
                { p.thumb.contentType, p.thumb.bytes, p.thumb.etag } });
        if (!image)
            return image;
        QJsonObject after = image->toJson();
        after.insert(QStringLiteral("productId"), productId);
        if (Status audited = m_audit.record(adminId, QStringLiteral("product.image.add"), QStringLiteral("product"), productId,
                                            {}, after);
            !audited)
            return audited.failure();
        return image;
    });
    if (added && m_cache)
        m_cache->invalidateAll(); // cached products list their pictures
    return added;
}

Status ImageService::remove(qint64 productId, qint64 imageId, qint64 adminId)
{
    Status removed = m_database.transaction<Done>([&]() -> Result<Done> {
        if (Status gone = m_images.remove(productId, imageId); !gone)
            return gone.failure();
        return m_audit.record(adminId, QStringLiteral("product.image.delete"), QStringLiteral("product"), productId,
                              QJsonObject { { QStringLiteral("imageId"), imageId } }, {});
    });
    if (removed && m_cache)
        m_cache->invalidateAll();
    return removed;
}

Result<ImageService::Served> ImageService::serve(qint64 imageId, ImageRepository::Variant variant, const QByteArray &ifNoneMatch)
{
    if (!ifNoneMatch.isEmpty()) {
        const auto head = m_images.head(imageId, variant);
        if (!head)
            return head.failure();
        if (matches(ifNoneMatch, head->etag))
            return Served { true, head.value() };
    }
    const auto image = m_images.read(imageId, variant);
    if (!image)
        return image.failure();
    return Served { false, image.value() };
}

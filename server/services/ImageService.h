#pragma once

#include "AuditRepository.h"
#include "ImageRepository.h"
#include "ReadThroughCache.h"

// Product pictures: an upload is checked and re-encoded (ImageCodec) before MySQL
// sees it; reads come from MySQL on whichever instance is asked.
class ImageService
{
public:
    ImageService(Database &database, ReadThroughCache *cache = nullptr)
        : m_database(database), m_images(database), m_audit(database), m_cache(cache)
    {
    }

    // INVALID_IMAGE for a body that is not a picture of `contentType`; NOT_FOUND for
    // an unknown product.
    // Both audited (entity product) in the write's own transaction.
    Result<ProductImage> upload(qint64 productId, const QByteArray &contentType, const QByteArray &body, qint64 adminId);
    Status remove(qint64 productId, qint64 imageId, qint64 adminId);

    struct Served {
        bool notModified = false; // the client's If-None-Match names the current bytes
        ImageRepository::Encoded image; // bytes empty when notModified
    };
    // `ifNoneMatch`: the request's header, maybe a list of tags or "*".
    Result<Served> serve(qint64 imageId, ImageRepository::Variant variant, const QByteArray &ifNoneMatch);

private:
    Database &m_database;
    ImageRepository m_images;
    AuditRepository m_audit;
    ReadThroughCache *m_cache;
};

#include "AuthGuard.h"
#include "ImageService.h"
#include "Responses.h"
#include "RouteInput.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

#include <memory>

namespace {
QHttpServerResponse served(const ImageService::Served &s)
{
    QHttpServerResponse response = s.notModified
            ? QHttpServerResponse(QHttpServerResponse::StatusCode::NotModified)
            : QHttpServerResponse(s.image.contentType, s.image.bytes);
    // A picture's bytes never change under its id (a new upload is a new id), so any
    // cache may keep it a day; the ETag lets one revalidate cheaply after that.
    response.setHeader("ETag", s.image.etag);
    response.setHeader("Cache-Control", "public, max-age=86400");
    return response;
}

Router::Handler serving(const std::shared_ptr<ImageService> &images, ImageRepository::Variant variant)
{
    return [images, variant](const RequestContext &context) {
        const Result<qint64> id = RouteInput::pathId(context, QStringLiteral("imageId"));
        if (!id)
            return Responses::failure(ErrorCode::NotFound, QStringLiteral("no such image"));
        const auto found = images->serve(id.value(), variant, context.request.value("if-none-match"));
        if (!found)
            return Responses::failure(found.failure());
        return served(found.value());
    };
}
}

void ShopRoutes::installImages(Router &router, WorkerContext &worker, const Shared &shared)
{
    std::shared_ptr<ReadThroughCache> cache;
    if (shared.redisHotPaths)
        cache = std::make_shared<ReadThroughCache>(worker.redis, *shared.cacheMetrics);
    auto images = withCollaborators(std::make_unique<ImageService>(worker.database, cache.get()), cache);
    const AuthGuard &guard = *shared.guard;
    using Method = Router::Method;

    // No token: an <img> or a disk cache fetches these (API.md).
    router.add(Method::Get, QStringLiteral("/images/{imageId}"), serving(images, ImageRepository::Variant::Full));
    router.add(Method::Get, QStringLiteral("/images/{imageId}/thumb"), serving(images, ImageRepository::Variant::Thumb));

    // The one route whose body may be 8 MiB (RequestHeadGate lets it through).
    router.add(Method::Post, QStringLiteral("/api/v1/admin/products/{productId}/images"),
               guard.adminOnly([images](const RequestContext &context, const Principal &principal) {
                   const Result<qint64> id = RouteInput::pathId(context, QStringLiteral("productId"));
                   if (!id)
                       return Responses::failure(id.failure());
                   const auto added = images->upload(id.value(), context.request.value("content-type"), context.request.body(),
                                                     principal.userId);
                   if (!added)
                       return Responses::failure(added.failure());
                   return Responses::json(added->toJson(), Responses::Status::Created);
               }));

    router.add(Method::Delete, QStringLiteral("/api/v1/admin/products/{productId}/images/{imageId}"),
               guard.adminOnly([images](const RequestContext &context, const Principal &principal) {
                   const Result<qint64> product = RouteInput::pathId(context, QStringLiteral("productId"));
                   if (!product)
                       return Responses::failure(product.failure());
                   const Result<qint64> image = RouteInput::pathId(context, QStringLiteral("imageId"));
                   if (!image)
                       return Responses::failure(image.failure());
                   const Status removed = images->remove(product.value(), image.value(), principal.userId);
                   if (!removed)
                       return Responses::failure(removed.failure());
                   return QHttpServerResponse(Responses::Status::NoContent);
               }));
}

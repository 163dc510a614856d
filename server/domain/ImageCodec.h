#pragma once

#include "Result.h"

#include <QtCore/QByteArray>

// What the upload route makes of a picture (API.md): the body must decode as the type
// it declares (PNG, JPEG, WebP where Qt has the plugin), at most 4,096 × 4,096 pixels.
// The stored copy is re-encoded from pixels alone, so nothing the uploader put around
// them (EXIF with a camera's GPS position, text chunks, ICC profiles) is kept or
// served; EXIF orientation is applied first. The thumbnail is at most 256 pixels on
// its longer side. Pure: bytes in, bytes out (QImage needs no QGuiApplication).
class ImageCodec
{
public:
    struct Encoded {
        QByteArray contentType;
        QByteArray bytes;
        QByteArray etag; // a digest of `bytes`, quoted as an HTTP entity tag
    };
    struct Prepared {
        int width = 0;
        int height = 0;
        Encoded full;
        Encoded thumb;
    };

    // INVALID_IMAGE (naming why) for anything else.
    static Result<Prepared> prepare(const QByteArray &contentType, const QByteArray &body);
    // "image/png" from "Image/PNG; charset=x"; empty when it is not a type we take.
    static QByteArray acceptedType(const QByteArray &contentType);
    static QByteArray etagOf(const QByteArray &bytes);
};

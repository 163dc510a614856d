// libFuzzer target: the picture upload path after the gate (ImageCodec::prepare, what
// POST /api/v1/admin/products/{id}/images runs before MySQL sees anything). The first
// byte picks the declared Content-Type, the rest is the body. Properties: never a
// crash; a refusal is INVALID_IMAGE; an accepted picture is within 4,096 × 4,096, is
// stored as a type we serve, decodes back to its stated size, and its thumbnail is at
// most 256 pixels on its longer side; each ETag is the digest of its own bytes.
#include "FuzzCheck.h"
#include "ImageCodec.h"
#include "ShopLimits.h"

#include <QtCore/QCoreApplication>
#include <QtGui/QImage>

#include <cstddef>
#include <cstdint>

namespace {
bool servedType(const QByteArray &type)
{
    return type == "image/png" || type == "image/jpeg" || type == "image/webp";
}
}

// A valid 4,096 × 4,096 picture decodes into 64 MiB; ASan's default quarantine (256
// MiB of freed memory kept poisoned) would then hold gigabytes after a few such
// inputs and trip libFuzzer's RSS limit on memory that is already freed.
extern "C" const char *__asan_default_options()
{
    return "quarantine_size_mb=32";
}

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // Image format plugins (JPEG) are found through the application's library paths.
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const QByteArray kTypes[] = { "image/png", "image/jpeg", "image/webp", "image/gif" };
    const QByteArray type = data[0] == 'p' ? kTypes[0] : data[0] == 'j' ? kTypes[1] : kTypes[data[0] % 4];
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const auto prepared = ImageCodec::prepare(type, body);
    if (!prepared) {
        FUZZ_CHECK(prepared.failure().code == ErrorCode::InvalidImage);
        return 0;
    }
    const ImageCodec::Prepared &p = prepared.value();
    FUZZ_CHECK(p.width >= 1 && p.width <= ShopLimits::kMaxImageSide);
    FUZZ_CHECK(p.height >= 1 && p.height <= ShopLimits::kMaxImageSide);
    FUZZ_CHECK(servedType(p.full.contentType) && servedType(p.thumb.contentType));
    FUZZ_CHECK(p.full.etag == ImageCodec::etagOf(p.full.bytes));
    FUZZ_CHECK(p.thumb.etag == ImageCodec::etagOf(p.thumb.bytes));
    const QImage full = QImage::fromData(p.full.bytes);
    FUZZ_CHECK(full.width() == p.width && full.height() == p.height);
    const QImage thumb = QImage::fromData(p.thumb.bytes);
    FUZZ_CHECK(!thumb.isNull());
    FUZZ_CHECK(qMax(thumb.width(), thumb.height()) <= ShopLimits::kThumbnailSide);
    return 0;
}

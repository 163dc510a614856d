#include "ImageCodec.h"

#include "ShopLimits.h"

#include <QtCore/QBuffer>
#include <QtCore/QCryptographicHash>
#include <QtGui/QImage>
#include <QtGui/QImageReader>
#include <QtGui/QImageWriter>

namespace {
// A re-encoded picture must fit a MEDIUMBLOB and MariaDB's default 16 MiB packet.
constexpr qsizetype kMaxStoredBytes = 12 * 1024 * 1024;

Failure invalid(const QString &message)
{
    return Failure { ErrorCode::InvalidImage, message, {} };
}

// The declared type's signature: a body of another type is refused before any decoder
// sees it (a decoder may accept more than its own format).
bool hasSignature(const QByteArray &type, const QByteArray &body)
{
    if (type == "image/png")
        return body.startsWith("\x89PNG\r\n\x1a\n");
    if (type == "image/jpeg")
        return body.startsWith("\xFF\xD8\xFF");
    return body.size() >= 12 && body.startsWith("RIFF") && body.mid(8, 4) == "WEBP";
}

// Every PNG chunk fits inside the body, up to IEND. libpng allocates a chunk's declared
// length before reading it: a 324-byte upload that declared a 2 GB ancillary chunk made
// it take 2 GB (fuzz_image, regressions/oom-*). Checked here, no allocation can exceed
// the body's size.
bool pngChunksFit(const QByteArray &body)
{
    qsizetype at = 8;
    while (at + 12 <= body.size()) {
        const auto byte = [&](qsizetype i) { return quint32(quint8(body.at(i))); };
        const quint32 length = byte(at) << 24 | byte(at + 1) << 16 | byte(at + 2) << 8 | byte(at + 3);
        if (length > quint32(body.size() - at - 12))
            return false;
        if (body.mid(at + 4, 4) == "IEND")
            return true;
        at += 12 + qsizetype(length);
    }
    return false;
}

QByteArray formatOf(const QByteArray &type)
{
    return type == "image/png" ? "png" : type == "image/jpeg" ? "jpeg" : "webp";
}

std::optional<QByteArray> encode(const QImage &image, const QByteArray &format, int quality)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!writer.write(image))
        return std::nullopt;
    return out;
}

// Pixels only: a new QImage over the same bits carries no text, no colour space (the
// pixels as decoded; an embedded profile is not applied).
QImage pixelsOnly(QImage image)
{
    image = image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    return QImage(image.constBits(), image.width(), image.height(), image.bytesPerLine(), image.format()).copy();
}
}

QByteArray ImageCodec::acceptedType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    if (type == "image/png" || type == "image/jpeg" || type == "image/webp")
        return type;
    return {};
}

QByteArray ImageCodec::etagOf(const QByteArray &bytes)
{
    return '"' + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(32) + '"';
}

Result<ImageCodec::Prepared> ImageCodec::prepare(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray type = acceptedType(contentType);
    if (type.isEmpty())
        return invalid(QStringLiteral("send the picture as image/png, image/jpeg or image/webp"));
    const QByteArray format = formatOf(type);
    if (!QImageReader::supportedImageFormats().contains(format))
        return invalid(QStringLiteral("this server cannot decode %1").arg(QString::fromLatin1(type)));
    if (body.isEmpty() || body.size() > ShopLimits::kMaxImageBytes)
        return invalid(QStringLiteral("a picture is 1 byte to 8 MiB"));
    if (!hasSignature(type, body))
        return invalid(QStringLiteral("the body is not %1").arg(QString::fromLatin1(type)));
    if (type == "image/png" && !pngChunksFit(body))
        return invalid(QStringLiteral("the PNG is truncated or declares a chunk larger than itself"));

    QBuffer buffer;
    buffer.setData(body);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    reader.setDecideFormatFromContent(false);
    reader.setAutoTransform(true);
    // The header's size first: a 60,000 × 60,000 bomb is refused before it is decoded.
    const QSize declared = reader.size();
    if (declared.isValid()
        && (declared.width() > ShopLimits::kMaxImageSide || declared.height() > ShopLimits::kMaxImageSide))
        return invalid(QStringLiteral("a picture is at most 4,096 × 4,096 pixels"));
    const QImage decoded = reader.read();
    if (decoded.isNull())
        return invalid(QStringLiteral("the body does not decode as %1: %2").arg(QString::fromLatin1(type), reader.errorString()));
    if (decoded.width() > ShopLimits::kMaxImageSide || decoded.height() > ShopLimits::kMaxImageSide)
        return invalid(QStringLiteral("a picture is at most 4,096 × 4,096 pixels"));

    const QImage clean = pixelsOnly(decoded);
    // PNG stays PNG (lossless in, lossless out); JPEG and WebP at a quality that keeps
    // a product photo sharp.
    const bool webpOut = type == "image/webp" && QImageWriter::supportedImageFormats().contains("webp");
    const QByteArray fullFormat = type == "image/png" ? "png" : webpOut ? "webp" : "jpeg";
    const std::optional<QByteArray> full = encode(clean, fullFormat, 90);
    if (!full || full->size() > kMaxStoredBytes)
        return invalid(QStringLiteral("the picture could not be stored at a size under 12 MiB"));

    const QImage small = clean.width() > ShopLimits::kThumbnailSide || clean.height() > ShopLimits::kThumbnailSide
            ? clean.scaled(ShopLimits::kThumbnailSide, ShopLimits::kThumbnailSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)
            : clean;
    // A thumbnail keeps transparency as PNG; opaque ones are smaller as JPEG.
    const QByteArray thumbFormat = small.hasAlphaChannel() ? "png" : "jpeg";
    const std::optional<QByteArray> thumb = encode(small, thumbFormat, 85);
    if (!thumb)
        return invalid(QStringLiteral("the thumbnail could not be made"));

    Prepared out;
    out.width = clean.width();
    out.height = clean.height();
    out.full = Encoded { "image/" + fullFormat, *full, etagOf(*full) };
    out.thumb = Encoded { "image/" + thumbFormat, *thumb, etagOf(*thumb) };
    return out;
}

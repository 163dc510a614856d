// libFuzzer target: query strings as the routes read them (QUrlQuery of the request URL,
// then RequestValidation::page / boundedInt), plus the other text a route takes from a
// request line or head: a path id and an Idempotency-Key.
#include "FuzzCheck.h"
#include "RequestValidation.h"
#include "ShopLimits.h"

#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>

#include <cstddef>
#include <cstdint>

namespace {
void checkBounded(const QUrlQuery &query, const QString &name, int min, int max, int fallback)
{
    const Result<int> n = RequestValidation::boundedInt(query, name, min, max, fallback);
    if (n)
        FUZZ_CHECK(n.value() >= min && n.value() <= max);
    else
        FUZZ_CHECK(n.failure().code == ErrorCode::ValidationFailed);
}

void checkQuery(const QUrlQuery &query)
{
    const auto page = RequestValidation::page(query);
    if (page) {
        FUZZ_CHECK(page->page >= 1 && page->page <= 1'000'000);
        FUZZ_CHECK(page->size >= 1 && page->size <= ShopLimits::kMaxPageSize);
        FUZZ_CHECK(page->offset() >= 0);
    }
    // Every boundedInt a route uses (catalogue top products, admin sales).
    checkBounded(query, QStringLiteral("days"), 1, 30, 3);
    checkBounded(query, QStringLiteral("limit"), 1, 20, 5);
    checkBounded(query, QStringLiteral("days"), 1, 366, 7);
}
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);

    // The way a route gets it: QHttpServerRequest::query() is QUrlQuery(url).
    checkQuery(QUrlQuery(QUrl(QStringLiteral("http://127.0.0.1/api/v1/products?") + text)));
    checkQuery(QUrlQuery(text));

    if (const Result<qint64> id = RequestValidation::id(text, QStringLiteral("id")))
        FUZZ_CHECK(id.value() >= 1);
    if (const Result<QString> key = RequestValidation::idempotencyKey(bytes)) {
        FUZZ_CHECK(key.value().size() <= ShopLimits::kMaxIdempotencyKey);
        for (const QChar c : key.value())
            FUZZ_CHECK(c.unicode() >= '!' && c.unicode() <= '~');
    }
    return 0;
}

#include "RequestValidation.h"

#include "IsoTime.h"
#include "ShopLimits.h"

#include <QtCore/QJsonArray>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>

#include <algorithm>

namespace {
Failure invalid(const QString &field, const QString &message)
{
    return Failure::validation(field, message);
}

// A JSON number that is a whole number within [min, max].
std::optional<qint64> wholeNumber(const QJsonValue &value, qint64 min, qint64 max)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (d != std::floor(d) || d < double(min) || d > double(max))
        return std::nullopt;
    return qint64(d);
}
}

Result<RequestValidation::Credentials> RequestValidation::credentials(const QJsonObject &body, bool checkStrength)
{
    const QJsonValue username = body.value(QStringLiteral("username"));
    const QJsonValue password = body.value(QStringLiteral("password"));
    static const QRegularExpression pattern(QStringLiteral("\\A[A-Za-z0-9_.-]{3,32}\\z"));
    if (!username.isString() || (checkStrength && !pattern.match(username.toString()).hasMatch()))
        return invalid(QStringLiteral("username"), QStringLiteral("username must be 3 to 32 of A-Z a-z 0-9 _ . -"));
    if (!password.isString() || password.toString().isEmpty())
        return invalid(QStringLiteral("password"), QStringLiteral("password is required"));
    const qsizetype length = password.toString().size();
    if (checkStrength && (length < 8 || length > 128))
        return invalid(QStringLiteral("password"), QStringLiteral("password must be 8 to 128 characters"));
    if (length > 1024)
        return invalid(QStringLiteral("password"), QStringLiteral("password is too long"));
    return Credentials { username.toString(), password.toString() };
}

bool RequestValidation::reservedUsername(const QString &username)
{
    return username.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
}

Result<RequestValidation::PasswordChange> RequestValidation::passwordChange(const QJsonObject &body)
{
    const QJsonValue current = body.value(QStringLiteral("currentPassword"));
    const QJsonValue next = body.value(QStringLiteral("newPassword"));
    if (!current.isString() || current.toString().isEmpty() || current.toString().size() > 1024)
        return invalid(QStringLiteral("currentPassword"), QStringLiteral("currentPassword is required"));
    if (!next.isString() || next.toString().size() < 8 || next.toString().size() > 128)
        return invalid(QStringLiteral("newPassword"), QStringLiteral("newPassword must be 8 to 128 characters"));
    return PasswordChange { current.toString(), next.toString() };
}

Result<int> RequestValidation::boundedInt(const QUrlQuery &query, const QString &name, int min, int max, int fallback)
{
    if (!query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const int n = query.queryItemValue(name).toInt(&ok);
    if (!ok || n < min || n > max)
        return invalid(name, QStringLiteral("%1 must be a whole number from %2 to %3").arg(name).arg(min).arg(max));
    return n;
}

Result<RequestValidation::PageRequest> RequestValidation::page(const QUrlQuery &query)
{
    const Result<int> page = boundedInt(query, QStringLiteral("page"), 1, 1'000'000, 1);
    if (!page)
        return page.failure();
    const Result<int> size =
            boundedInt(query, QStringLiteral("size"), 1, ShopLimits::kMaxPageSize, ShopLimits::kDefaultPageSize);
    if (!size)
        return size.failure();
    return PageRequest { page.value(), size.value() };
}

Result<qint64> RequestValidation::id(const QString &text, const QString &field)
{
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!ok || n < 1 || text.startsWith(QLatin1Char('+')))
        return invalid(field, QStringLiteral("%1 must be a positive whole number").arg(field));
    return n;
}

Result<qint64> RequestValidation::idField(const QJsonObject &body, const QString &field)
{
    const auto n = wholeNumber(body.value(field), 1, std::numeric_limits<qint64>::max() / 2);
    if (!n)
        return invalid(field, QStringLiteral("%1 must be a positive whole number").arg(field));
    return *n;
}

Result<qint64> RequestValidation::chargeAmount(const QJsonObject &body)
{
    const QJsonValue amount = body.value(QStringLiteral("amount"));
    const std::optional<qint64> n = wholeNumber(amount, 1, ShopLimits::kMaxChargeAmount);
    if (!n)
        return Failure { ErrorCode::InvalidAmount,
                         QStringLiteral("amount must be a whole number of won from 1 to %1").arg(ShopLimits::kMaxChargeAmount),
                         QJsonObject { { QStringLiteral("field"), QStringLiteral("amount") } } };
    return *n;
}

Result<RequestValidation::ProductDraft> RequestValidation::product(const QJsonObject &body, bool create)
{
    ProductDraft draft;
    if (body.contains(QStringLiteral("name")) || create) {
        const QJsonValue name = body.value(QStringLiteral("name"));
        const QString trimmed = name.toString().trimmed();
        if (!name.isString() || trimmed.isEmpty() || trimmed.size() > ShopLimits::kMaxNameLength)
            return invalid(QStringLiteral("name"), QStringLiteral("name must be 1 to 200 characters"));
        draft.name = trimmed;
    }
    if (body.contains(QStringLiteral("price")) || create) {
        const auto price = wholeNumber(body.value(QStringLiteral("price")), 0, ShopLimits::kMaxPrice);
        if (!price)
            return invalid(QStringLiteral("price"), QStringLiteral("price must be a whole number of won from 0 to 1,000,000,000"));
        draft.price = *price;
    }
    if (body.contains(QStringLiteral("stock")) || create) {
        const auto stock = wholeNumber(body.value(QStringLiteral("stock")), 0, ShopLimits::kMaxStock);
        if (!stock)
            return invalid(QStringLiteral("stock"), QStringLiteral("stock must be a whole number from 0 to 1,000,000,000"));
        draft.stock = *stock;
    }
    if (body.contains(QStringLiteral("sku"))) {
        const QJsonValue sku = body.value(QStringLiteral("sku"));
        static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
        if (!sku.isNull() && (!sku.isString() || !pattern.match(sku.toString()).hasMatch()))
            return invalid(QStringLiteral("sku"), QStringLiteral("sku must be 1 to 64 of A-Z a-z 0-9 . _ - (or null)"));
        draft.sku = sku.toString();
    }
    if (body.contains(QStringLiteral("description"))) {
        const QJsonValue description = body.value(QStringLiteral("description"));
        if (!description.isString() || description.toString().size() > ShopLimits::kMaxDescriptionLength)
            return invalid(QStringLiteral("description"), QStringLiteral("description must be text of at most 5,000 characters"));
        draft.description = description.toString();
    }
    if (body.contains(QStringLiteral("categoryId"))) {
        const QJsonValue category = body.value(QStringLiteral("categoryId"));
        const auto id = wholeNumber(category, 1, std::numeric_limits<qint64>::max() / 2);
        if (!category.isNull() && !id)
            return invalid(QStringLiteral("categoryId"), QStringLiteral("categoryId must be a positive whole number (or null)"));
        draft.categoryId = id.value_or(0);
    }
    if (!draft.name && !draft.price && !draft.stock && !draft.sku && !draft.description && !draft.categoryId)
        return invalid(QStringLiteral("name"), QStringLiteral("give at least one of name, price, stock, sku, description, categoryId"));
    return draft;
}

Result<Coupon> RequestValidation::coupon(const QJsonObject &body, const QDateTime &now)
{
    Coupon c;
    const QJsonValue name = body.value(QStringLiteral("name"));
    c.name = name.toString().trimmed();
    if (!name.isString() || c.name.isEmpty() || c.name.size() > ShopLimits::kMaxNameLength)
        return invalid(QStringLiteral("name"), QStringLiteral("name must be 1 to 200 characters"));
    const QString type = body.value(QStringLiteral("discountType")).toString();
    if (type != QLatin1String("FIXED") && type != QLatin1String("RATE"))
        return invalid(QStringLiteral("discountType"), QStringLiteral("discountType must be FIXED or RATE"));
    c.discountType = type == QLatin1String("RATE") ? DiscountType::Rate : DiscountType::Fixed;
    const qint64 maxValue = c.discountType == DiscountType::Rate ? 100 : ShopLimits::kMaxPrice;
    const auto value = wholeNumber(body.value(QStringLiteral("discountValue")), 1, maxValue);
    if (!value)
        return invalid(QStringLiteral("discountValue"),
                       c.discountType == DiscountType::Rate ? QStringLiteral("a RATE discount is 1 to 100 percent")
                                                            : QStringLiteral("a FIXED discount is 1 to 1,000,000,000 won"));
    c.discountValue = *value;
    const auto quantity = wholeNumber(body.value(QStringLiteral("quantity")), 1, ShopLimits::kMaxCouponQuantity);
    if (!quantity)
        return invalid(QStringLiteral("quantity"), QStringLiteral("quantity must be a whole number from 1 to 10,000,000"));
    c.quantity = *quantity;
    c.validFrom = now;
    if (body.contains(QStringLiteral("validFrom"))) {
        c.validFrom = IsoTime::parse(body.value(QStringLiteral("validFrom")).toString());
        if (!c.validFrom.isValid())
            return invalid(QStringLiteral("validFrom"), QStringLiteral("validFrom must be an ISO-8601 time with a zone"));
    }
    c.validUntil = IsoTime::parse(body.value(QStringLiteral("validUntil")).toString());
    if (!c.validUntil.isValid())
        return invalid(QStringLiteral("validUntil"), QStringLiteral("validUntil must be an ISO-8601 time with a zone"));
    if (c.validUntil <= c.validFrom)
        return invalid(QStringLiteral("validUntil"), QStringLiteral("validUntil must be after validFrom"));
    return c;
}

Result<RequestValidation::OrderRequest> RequestValidation::order(const QJsonObject &body)
{
    OrderRequest request;
    const Result<qint64> userId = idField(body, QStringLiteral("userId"));
    if (!userId)
        return userId.failure();
    request.userId = userId.value();
    const Result<QList<QPair<qint64, qint64>>> items = productLines(body, QStringLiteral("items"));
    if (!items)
        return items.failure();
    request.items = items.value();
    const QJsonValue coupon = body.value(QStringLiteral("userCouponId"));
    if (!coupon.isUndefined() && !coupon.isNull()) {
        const auto couponId = wholeNumber(coupon, 1, std::numeric_limits<qint64>::max() / 2);
        if (!couponId)
            return invalid(QStringLiteral("userCouponId"), QStringLiteral("userCouponId must be a positive whole number"));
        request.userCouponId = *couponId;
    }
    const QJsonValue address = body.value(QStringLiteral("addressId"));
    if (!address.isUndefined() && !address.isNull()) {
        const auto addressId = wholeNumber(address, 1, std::numeric_limits<qint64>::max() / 2);
        if (!addressId)
            return invalid(QStringLiteral("addressId"), QStringLiteral("addressId must be a positive whole number"));
        request.addressId = *addressId;
    }
    return request;
}

Result<QList<QPair<qint64, qint64>>> RequestValidation::productLines(const QJsonObject &body, const QString &field)
{
    const QJsonValue value = body.value(field);
    if (!value.isArray() || value.toArray().isEmpty() || value.toArray().size() > ShopLimits::kMaxOrderLines)
        return invalid(field, QStringLiteral("%1 must hold 1 to 50 lines").arg(field));
    QList<QPair<qint64, qint64>> out;
    QSet<qint64> seen;
    const QJsonArray lines = value.toArray();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QJsonObject line = lines[i].toObject();
        const QString prefix = QStringLiteral("%1[%2].").arg(field).arg(i);
        const auto productId = wholeNumber(line.value(QStringLiteral("productId")), 1, std::numeric_limits<qint64>::max() / 2);
        if (!lines[i].isObject() || !productId)
            return invalid(prefix + QStringLiteral("productId"), QStringLiteral("productId must be a positive whole number"));
        const auto quantity = wholeNumber(line.value(QStringLiteral("quantity")), 1, ShopLimits::kMaxLineQuantity);
        if (!quantity)
            return invalid(prefix + QStringLiteral("quantity"), QStringLiteral("quantity must be 1 to 1,000"));
        if (seen.contains(*productId))
            return invalid(prefix + QStringLiteral("productId"), QStringLiteral("a product may appear only once"));
        seen.insert(*productId);
        out.append({ *productId, *quantity });
    }
    // Ascending product id: every transaction locks products in one order (no deadlock).
    std::sort(out.begin(), out.end());
    return out;
}

Result<QString> RequestValidation::idempotencyKey(const QByteArray &header)
{
    if (header.isEmpty())
        return QString();
    if (header.size() > ShopLimits::kMaxIdempotencyKey
        || std::any_of(header.cbegin(), header.cend(), [](char c) { return c < '!' || c > '~'; }))
        return invalid(QStringLiteral("Idempotency-Key"), QStringLiteral("Idempotency-Key must be 1 to 64 visible ASCII characters"));
    return QString::fromLatin1(header);
}

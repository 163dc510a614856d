// libFuzzer target: a request body through JsonBody and then every RequestValidation
// function a route applies to a body (register/login, charge, product create/update,
// coupon create, coupon claim, order).
#include "FuzzCheck.h"
#include "JsonBody.h"
#include "RequestValidation.h"
#include "ShopLimits.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QTimeZone>

#include <cstddef>
#include <cstdint>

namespace {
void checkCredentials(const QJsonObject &body)
{
    for (const bool strict : { true, false }) {
        const auto credentials = RequestValidation::credentials(body, strict);
        if (!credentials)
            continue;
        const qsizetype length = credentials->password.size();
        FUZZ_CHECK(length >= 1 && length <= 1024);
        if (strict) {
            FUZZ_CHECK(length >= 8 && length <= 128);
            FUZZ_CHECK(credentials->username.size() >= 3 && credentials->username.size() <= 32);
        }
    }
}

void checkProduct(const QJsonObject &body)
{
    for (const bool create : { true, false }) {
        const auto draft = RequestValidation::product(body, create);
        if (!draft)
            continue;
        FUZZ_CHECK(draft->name || draft->price || draft->stock);
        if (create)
            FUZZ_CHECK(draft->name && draft->price && draft->stock);
        if (draft->name)
            FUZZ_CHECK(!draft->name->isEmpty() && draft->name->size() <= ShopLimits::kMaxNameLength);
        if (draft->price)
            FUZZ_CHECK(*draft->price >= 0 && *draft->price <= ShopLimits::kMaxPrice);
        if (draft->stock)
            FUZZ_CHECK(*draft->stock >= 0 && *draft->stock <= ShopLimits::kMaxStock);
    }
}

void checkCoupon(const QJsonObject &body)
{
    const QDateTime now(QDate(2024, 6, 1), QTime(12, 0), QTimeZone::utc());
    const Result<Coupon> coupon = RequestValidation::coupon(body, now);
    if (!coupon)
        return;
    FUZZ_CHECK(!coupon->name.isEmpty() && coupon->name.size() <= ShopLimits::kMaxNameLength);
    const qint64 maxValue = coupon->discountType == DiscountType::Rate ? 100 : ShopLimits::kMaxPrice;
    FUZZ_CHECK(coupon->discountValue >= 1 && coupon->discountValue <= maxValue);
    FUZZ_CHECK(coupon->quantity >= 1 && coupon->quantity <= ShopLimits::kMaxCouponQuantity);
    FUZZ_CHECK(coupon->validFrom.isValid() && coupon->validUntil.isValid());
    FUZZ_CHECK(coupon->validFrom < coupon->validUntil);
    // What the route answers with: the wire codec must take any coupon that validated.
    const QJsonObject wire = coupon->toJson();
    FUZZ_CHECK(Coupon::fromJson(wire).discountValue == coupon->discountValue);
}

void checkOrder(const QJsonObject &body)
{
    const auto order = RequestValidation::order(body);
    if (!order)
        return;
    FUZZ_CHECK(order->userId >= 1);
    FUZZ_CHECK(order->userCouponId >= 0);
    FUZZ_CHECK(!order->items.isEmpty() && order->items.size() <= ShopLimits::kMaxOrderLines);
    for (qsizetype i = 0; i < order->items.size(); ++i) {
        const auto &[productId, quantity] = order->items[i];
        FUZZ_CHECK(productId >= 1);
        FUZZ_CHECK(quantity >= 1 && quantity <= ShopLimits::kMaxLineQuantity);
        // Strictly ascending: one lock order for every transaction, no product twice.
        if (i > 0)
            FUZZ_CHECK(order->items[i - 1].first < productId);
    }
}
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<QJsonObject> parsed = JsonBody::parse("application/json; charset=utf-8", body);
    // No Content-Type decides as application/json does; another type never gets through.
    FUZZ_CHECK(JsonBody::parse(QByteArray(), body).ok() == parsed.ok());
    FUZZ_CHECK(!JsonBody::parse("text/plain", body).ok());
    if (!parsed) {
        FUZZ_CHECK(parsed.failure().code == ErrorCode::InvalidJson);
        return 0;
    }
    const QJsonObject &object = parsed.value();

    checkCredentials(object);
    checkProduct(object);
    checkCoupon(object);
    checkOrder(object);
    if (const Result<qint64> amount = RequestValidation::chargeAmount(object))
        FUZZ_CHECK(amount.value() >= 1 && amount.value() <= ShopLimits::kMaxChargeAmount);
    if (const Result<qint64> userId = RequestValidation::idField(object, QStringLiteral("userId")))
        FUZZ_CHECK(userId.value() >= 1);
    return 0;
}

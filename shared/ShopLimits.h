#pragma once

#include <QtCore/QtGlobal>

// The numbers API.md fixes, in one place: the server enforces them, the app's forms
// show and check them before sending.
namespace ShopLimits {
constexpr qint64 kMaxChargeAmount = 10'000'000;
// The most a charge may take a balance to. A refund or a cancel gives the money back
// even past it; charges are then refused (INVALID_AMOUNT) until payments bring it under.
constexpr qint64 kMaxBalance = 1'000'000'000;
constexpr qint64 kMaxPrice = 1'000'000'000;
// What an admin may set or add (a create, a PATCH, a stock delta). Units a cancel or a
// refund puts back are always taken, even past it; the column is 64 bits.
constexpr qint64 kMaxStock = 1'000'000'000;
constexpr qint64 kMaxCouponQuantity = 10'000'000;
constexpr qint64 kMaxRatePercent = 100; // a RATE coupon: 1..100 percent off
constexpr int kMaxOrderLines = 50;
constexpr qint64 kMaxLineQuantity = 1000;
constexpr int kMaxPageSize = 100;
constexpr int kDefaultPageSize = 20;
constexpr int kMaxIdempotencyKey = 64;
constexpr int kMaxNameLength = 200;
constexpr int kMaxDescriptionLength = 5000;
constexpr int kMaxCategoryNameLength = 100;
// Levels of the category tree, a root being 1: deeper is refused (a create or a move),
// long before the path of ids (VARCHAR(768)) could overflow.
constexpr int kMaxCategoryDepth = 8;
constexpr int kMaxQueryLength = 100;
constexpr qint64 kMaxImageBytes = 8 * 1024 * 1024;
constexpr int kMaxImageSide = 4096;
constexpr int kThumbnailSide = 256;
}

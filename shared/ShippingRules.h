#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

// The rules of API.md's "Shipping: from paid to delivered" that both sides need: the
// server enforces them, the app's forms check them as they are typed (like ShopLimits
// and Pricing). Pure.
namespace ShippingRules {
constexpr int kMaxAddresses = 20; // per user
constexpr int kMaxRecipientLength = 50;
constexpr int kMaxAddressLineLength = 200; // address1 (1..200) and address2 (0..200)
constexpr int kMaxLabelLength = 30;
constexpr int kMinTrackingLength = 8;
constexpr int kMaxTrackingLength = 20;
constexpr int kReturnWindowDays = 14; // after deliveredAt
constexpr int kMaxNoteLength = 200; // an admin's note on a return decision

// A Korean telephone number as digits with hyphens where the number's kind puts them
// ("01012345678" → "010-1234-5678", "021234567" → "02-123-4567", "0311234567" →
// "031-123-4567", "15881234" → "1588-1234"); empty when `typed` is not one. Typed
// hyphens and spaces are ignored: the grouping comes from the number itself.
QString normalizedPhone(const QString &typed);
// Exactly five ASCII digits (the 2015 postal code).
bool isPostalCode(const QString &text);
// CJ, EPOST, HANJIN, LOTTE, LOGEN, OTHER.
const QStringList &carriers();
// 8..20 ASCII letters or digits.
bool isTrackingNumber(const QString &text);

// The one state an order's fulfilment may move to from `from` (API.md: forward, one step
// at a time): UNFULFILLED → PACKED → SHIPPED → DELIVERED, a pickup order (no address)
// PACKED → DELIVERED. Empty when nothing follows (DELIVERED, CANCELLED).
QString nextStatus(const QString &from, bool pickup);
}

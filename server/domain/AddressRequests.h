#pragma once

#include "Result.h"

#include <QtCore/QJsonObject>

#include <optional>

// The address book's bodies (API.md, Shipping: addresses) turned into checked values, or
// the VALIDATION_FAILED naming the field. Text is trimmed; the phone comes back as digits
// with hyphens (ShippingRules::normalizedPhone). Pure.
namespace AddressRequests {
struct AddressDraft {
    std::optional<QString> label;
    std::optional<QString> recipient;
    std::optional<QString> phone;
    std::optional<QString> postalCode;
    std::optional<QString> address1;
    std::optional<QString> address2;
    std::optional<bool> isDefault;
};
// create: recipient, phone, postalCode and address1 required; label, address2 and
// isDefault optional. Otherwise (PATCH) any subset, at least one.
Result<AddressDraft> address(const QJsonObject &body, bool create);
}

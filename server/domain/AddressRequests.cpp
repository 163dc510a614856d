#include "AddressRequests.h"

#include "ShippingRules.h"

namespace {
Failure invalid(const QString &field, const QString &message)
{
    return Failure::validation(field, message);
}

// A string field of min..max characters after trimming, when present (or required).
Result<std::optional<QString>> textField(const QJsonObject &body, const char *name, int min, int max, bool required)
{
    const QString field = QString::fromLatin1(name);
    if (!body.contains(field)) {
        if (required)
            return invalid(field, QStringLiteral("%1 is required").arg(field));
        return std::optional<QString>();
    }
    const QJsonValue value = body.value(field);
    const QString text = value.toString().trimmed();
    if (!value.isString() || text.size() < min || text.size() > max)
        return invalid(field, min == 0 ? QStringLiteral("%1 must be text of at most %2 characters").arg(field).arg(max)
                                       : QStringLiteral("%1 must be %2 to %3 characters").arg(field).arg(min).arg(max));
    return std::optional<QString>(text);
}
}

Result<AddressRequests::AddressDraft> AddressRequests::address(const QJsonObject &body, bool create)
{
    AddressDraft draft;
    const struct {
        const char *name;
        int min;
        int max;
        std::optional<QString> *into;
    } texts[] = {
        { "label", 0, ShippingRules::kMaxLabelLength, &draft.label },
        { "recipient", 1, ShippingRules::kMaxRecipientLength, &draft.recipient },
        { "address1", 1, ShippingRules::kMaxAddressLineLength, &draft.address1 },
        { "address2", 0, ShippingRules::kMaxAddressLineLength, &draft.address2 },
    };
    for (const auto &t : texts) {
        const bool required = create && (t.min > 0);
        const auto read = textField(body, t.name, t.min, t.max, required);
        if (!read)
            return read.failure();
        *t.into = read.value();
    }
    if (body.contains(QStringLiteral("phone")) || create) {
        const QString normalized = ShippingRules::normalizedPhone(body.value(QStringLiteral("phone")).toString());
        if (!body.value(QStringLiteral("phone")).isString() || normalized.isEmpty())
            return invalid(QStringLiteral("phone"),
                           QStringLiteral("phone must be a Korean telephone number, such as 010-1234-5678 or 02-123-4567"));
        draft.phone = normalized;
    }
    if (body.contains(QStringLiteral("postalCode")) || create) {
        const QJsonValue code = body.value(QStringLiteral("postalCode"));
        if (!code.isString() || !ShippingRules::isPostalCode(code.toString().trimmed()))
            return invalid(QStringLiteral("postalCode"), QStringLiteral("postalCode must be 5 digits"));
        draft.postalCode = code.toString().trimmed();
    }
    if (body.contains(QStringLiteral("isDefault"))) {
        const QJsonValue isDefault = body.value(QStringLiteral("isDefault"));
        if (!isDefault.isBool())
            return invalid(QStringLiteral("isDefault"), QStringLiteral("isDefault must be true or false"));
        draft.isDefault = isDefault.toBool();
    }
    if (!draft.label && !draft.recipient && !draft.phone && !draft.postalCode && !draft.address1 && !draft.address2
        && !draft.isDefault)
        return invalid(QStringLiteral("recipient"),
                       QStringLiteral("give at least one of label, recipient, phone, postalCode, address1, address2, isDefault"));
    return draft;
}

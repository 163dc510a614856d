#include "AuditText.h"

#include "FulfilmentText.h"
#include "Money.h"
#include "OrderStatusText.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonArray>
#include <QtCore/QSet>

namespace {
// A nested field is named by its path ("fulfilment.status"); its rules are its last part's.
QString leaf(const QString &path)
{
    return path.section(QLatin1Char('.'), -1);
}

bool isMoney(const QString &field)
{
    static const QSet<QString> money { QStringLiteral("price"), QStringLiteral("balance"), QStringLiteral("amount"),
                                       QStringLiteral("paidAmount"), QStringLiteral("totalAmount"),
                                       QStringLiteral("refundedAmount"), QStringLiteral("discountAmount"),
                                       QStringLiteral("unitPrice") };
    return money.contains(leaf(field));
}

bool isId(const QString &field)
{
    const QString name = leaf(field);
    return name == QLatin1String("id") || name.endsWith(QLatin1String("Id"));
}

bool isTime(const QString &field)
{
    const QString name = leaf(field);
    return name.endsWith(QLatin1String("At")) || name == QLatin1String("validFrom")
            || name == QLatin1String("validUntil");
}

QJsonObject objectOf(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toObject();
}

qint64 numberOf(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toInteger();
}

QString textOf(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}

// Nested objects become dotted paths ("fulfilment.status"), so a change deep inside an
// order is shown as that one field, not as two whole documents; lists stay whole.
void flatten(const QJsonObject &json, const QString &prefix, QHash<QString, QJsonValue> &out)
{
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject() && !it.value().toObject().isEmpty())
            flatten(it.value().toObject(), path, out);
        else
            out.insert(path, it.value());
    }
}

using ProductNames = QHash<qint64, QString>;

QString valueWith(const QString &field, const QJsonValue &value, const ProductNames &names);

// One element of a list (an order's line, a refund's line, a picture) in a few words;
// a refund's lines carry only product ids, named from the order's lines.
QString elementText(const QJsonValue &value, const ProductNames &names)
{
    if (!value.isObject())
        return valueWith(QString(), value, names);
    const QJsonObject o = value.toObject();
    const qint64 productId = numberOf(o, "productId");
    const QString name = o.contains(QLatin1String("name")) ? textOf(o, "name")
            : names.contains(productId)                    ? names.value(productId)
            : o.contains(QLatin1String("productId"))       ? AuditText::tr("product #%1").arg(productId)
                                                           : QString();
    if (!name.isEmpty() && o.contains(QLatin1String("quantity"))) {
        QString text = AuditText::tr("%1 \u00D7 %2", "units × product").arg(Money::count(numberOf(o, "quantity")), name);
        if (o.contains(QLatin1String("unitPrice")))
            text = AuditText::tr("%1 at %2").arg(text, Money::format(numberOf(o, "unitPrice")));
        if (numberOf(o, "refundedQuantity") > 0)
            text = AuditText::tr("%1 (%2 refunded)").arg(text, Money::count(numberOf(o, "refundedQuantity")));
        return text;
    }
    if (o.contains(QLatin1String("width")) && o.contains(QLatin1String("height")))
        return AuditText::tr("picture #%1 (%2 \u00D7 %3)").arg(numberOf(o, "id")).arg(numberOf(o, "width")).arg(numberOf(o, "height"));
    QStringList parts;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        parts << AuditText::tr("%1 %2", "field name, its value").arg(AuditText::fieldName(it.key()), valueWith(it.key(), it.value(), names));
    return parts.join(QStringLiteral(", "));
}

QString returnStatus(const QString &status)
{
    if (status == QLatin1String("REQUESTED"))
        return AuditText::tr("Asked for");
    if (status == QLatin1String("ACCEPTED"))
        return AuditText::tr("Accepted");
    if (status == QLatin1String("REJECTED"))
        return AuditText::tr("Rejected");
    return status;
}

QString statusText(const QString &path, const QString &status)
{
    if (path.startsWith(QLatin1String("fulfilment.")))
        return FulfilmentText::status(status, false);
    static const QSet<QString> order { QStringLiteral("PAID"), QStringLiteral("PARTIALLY_REFUNDED"),
                                       QStringLiteral("REFUNDED"), QStringLiteral("CANCELLED") };
    return order.contains(status) ? OrderStatusText::text(status) : returnStatus(status);
}

QString valueWith(const QString &field, const QJsonValue &value, const ProductNames &names)
{
    if (value.isNull() || value.isUndefined())
        return AuditText::tr("(none)");
    if (value.isBool())
        return value.toBool() ? AuditText::tr("yes") : AuditText::tr("no");
    if (value.isDouble()) {
        const qint64 number = value.toInteger();
        if (isMoney(field))
            return Money::format(number);
        if (isId(field))
            return QStringLiteral("#%1").arg(number);
        if (leaf(field) == QLatin1String("delta") && number > 0)
            return QStringLiteral("+%1").arg(Money::count(number));
        return Money::count(number);
    }
    if (value.isString()) {
        const QString text = value.toString();
        if (text.isEmpty())
            return AuditText::tr("(empty)");
        if (leaf(field) == QLatin1String("status"))
            return statusText(field, text);
        if (leaf(field) == QLatin1String("carrier"))
            return FulfilmentText::carrier(text);
        if (leaf(field) == QLatin1String("discountType"))
            return text == QLatin1String("RATE") ? AuditText::tr("Rate (percent off)") : AuditText::tr("Fixed amount (won off)");
        if (leaf(field) == QLatin1String("role"))
            return text == QLatin1String("ADMIN") ? AuditText::tr("Administrator") : AuditText::tr("Shopper");
        if (isTime(field)) {
            const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (when.isValid())
                return Money::dateTime(when, true);
        }
        return text;
    }
    if (value.isArray()) {
        const QJsonArray list = value.toArray();
        if (list.isEmpty())
            return AuditText::tr("(none)");
        QStringList parts;
        for (const QJsonValue &element : list)
            parts << elementText(element, names);
        return parts.join(QStringLiteral("; "));
    }
    return elementText(value, names);
}

// "“Teapot”" when the record carries a name, else "#12".
QString named(const AuditEntry &e, const QString &name)
{
    return name.isEmpty() ? QStringLiteral("#%1").arg(e.entityId) : QStringLiteral("\u201C%1\u201D").arg(name);
}
}

QString AuditText::entityName(const QString &entity)
{
    if (entity == QLatin1String("product"))
        return tr("Product");
    if (entity == QLatin1String("category"))
        return tr("Category");
    if (entity == QLatin1String("coupon"))
        return tr("Coupon");
    if (entity == QLatin1String("order"))
        return tr("Order");
    if (entity == QLatin1String("user"))
        return tr("Account");
    if (entity == QLatin1String("shop"))
        return tr("Shop");
    return entity;
}

QString AuditText::fieldName(const QString &field)
{
    if (field.contains(QLatin1Char('.'))) {
        QStringList parts;
        for (const QString &part : field.split(QLatin1Char('.')))
            parts << fieldName(part);
        return parts.join(QStringLiteral(" \u203A "));
    }
    static const QHash<QString, const char *> names {
        { QStringLiteral("name"), QT_TR_NOOP("Name") },
        { QStringLiteral("price"), QT_TR_NOOP("Price") },
        { QStringLiteral("stock"), QT_TR_NOOP("Stock") },
        { QStringLiteral("sku"), QT_TR_NOOP("SKU") },
        { QStringLiteral("description"), QT_TR_NOOP("Description") },
        { QStringLiteral("categoryId"), QT_TR_NOOP("Category") },
        { QStringLiteral("parentId"), QT_TR_NOOP("Parent category") },
        { QStringLiteral("images"), QT_TR_NOOP("Pictures") },
        { QStringLiteral("imageId"), QT_TR_NOOP("Picture") },
        { QStringLiteral("id"), QT_TR_NOOP("Number") },
        { QStringLiteral("createdAt"), QT_TR_NOOP("Created") },
        { QStringLiteral("status"), QT_TR_NOOP("Status") },
        { QStringLiteral("userId"), QT_TR_NOOP("Customer") },
        { QStringLiteral("orderId"), QT_TR_NOOP("Order") },
        { QStringLiteral("items"), QT_TR_NOOP("Lines") },
        { QStringLiteral("lines"), QT_TR_NOOP("Lines") },
        { QStringLiteral("totalAmount"), QT_TR_NOOP("Total") },
        { QStringLiteral("discountAmount"), QT_TR_NOOP("Coupon discount") },
        { QStringLiteral("paidAmount"), QT_TR_NOOP("Paid") },
        { QStringLiteral("refundedAmount"), QT_TR_NOOP("Refunded") },
        { QStringLiteral("userCouponId"), QT_TR_NOOP("Coupon used") },
        { QStringLiteral("paidAt"), QT_TR_NOOP("Paid at") },
        { QStringLiteral("cancelledAt"), QT_TR_NOOP("Cancelled at") },
        { QStringLiteral("refunds"), QT_TR_NOOP("Refunds") },
        { QStringLiteral("refund"), QT_TR_NOOP("Refund") },
        { QStringLiteral("amount"), QT_TR_NOOP("Amount") },
        { QStringLiteral("restocked"), QT_TR_NOOP("Back in stock") },
        { QStringLiteral("reason"), QT_TR_NOOP("Reason") },
        { QStringLiteral("delta"), QT_TR_NOOP("Change") },
        { QStringLiteral("shipping"), QT_TR_NOOP("Ship to") },
        { QStringLiteral("recipient"), QT_TR_NOOP("Recipient") },
        { QStringLiteral("phone"), QT_TR_NOOP("Phone") },
        { QStringLiteral("postalCode"), QT_TR_NOOP("Postal code") },
        { QStringLiteral("address1"), QT_TR_NOOP("Address") },
        { QStringLiteral("address2"), QT_TR_NOOP("Address detail") },
        { QStringLiteral("fulfilment"), QT_TR_NOOP("Delivery") },
        { QStringLiteral("carrier"), QT_TR_NOOP("Carrier") },
        { QStringLiteral("trackingNumber"), QT_TR_NOOP("Tracking number") },
        { QStringLiteral("packedAt"), QT_TR_NOOP("Packed at") },
        { QStringLiteral("shippedAt"), QT_TR_NOOP("Shipped at") },
        { QStringLiteral("deliveredAt"), QT_TR_NOOP("Delivered at") },
        { QStringLiteral("decidedAt"), QT_TR_NOOP("Decided at") },
        { QStringLiteral("note"), QT_TR_NOOP("Note") },
        { QStringLiteral("discountType"), QT_TR_NOOP("Type") },
        { QStringLiteral("discountValue"), QT_TR_NOOP("Discount") },
        { QStringLiteral("quantity"), QT_TR_NOOP("Quantity") },
        { QStringLiteral("issued"), QT_TR_NOOP("Issued") },
        { QStringLiteral("remaining"), QT_TR_NOOP("Left to claim") },
        { QStringLiteral("validFrom"), QT_TR_NOOP("Valid from") },
        { QStringLiteral("validUntil"), QT_TR_NOOP("Valid until") },
        { QStringLiteral("username"), QT_TR_NOOP("Username") },
        { QStringLiteral("role"), QT_TR_NOOP("Role") },
        { QStringLiteral("balance"), QT_TR_NOOP("Balance") },
        { QStringLiteral("orderCount"), QT_TR_NOOP("Orders") },
        { QStringLiteral("disabled"), QT_TR_NOOP("Disabled") },
        { QStringLiteral("products"), QT_TR_NOOP("Products") },
        { QStringLiteral("orders"), QT_TR_NOOP("Orders") },
        { QStringLiteral("customers"), QT_TR_NOOP("Customers") },
        { QStringLiteral("categories"), QT_TR_NOOP("Categories") },
        { QStringLiteral("coupons"), QT_TR_NOOP("Coupons") },
        { QStringLiteral("pictures"), QT_TR_NOOP("Pictures") },
        { QStringLiteral("returns"), QT_TR_NOOP("Returns") },
    };
    const char *name = names.value(field, nullptr);
    return name ? tr(name) : field;
}

QString AuditText::valueText(const QString &field, const QJsonValue &value)
{
    return valueWith(field, value, {});
}

QString AuditText::summary(const AuditEntry &e)
{
    const QString &a = e.action;
    const QJsonObject &before = e.before;
    const QJsonObject &after = e.after;
    const QString order = QStringLiteral("#%1").arg(e.entityId);
    if (a == QLatin1String("product.create"))
        return tr("Added product %1 at %2").arg(named(e, textOf(after, "name")), Money::format(numberOf(after, "price")));
    if (a == QLatin1String("product.update")) {
        QStringList changed;
        for (const QString &key : after.keys()) {
            if (before.value(key) != after.value(key))
                changed << fieldName(key).toLower();
        }
        const QString name = named(e, textOf(after, "name").isEmpty() ? textOf(before, "name") : textOf(after, "name"));
        return changed.isEmpty() ? tr("Saved product %1 unchanged").arg(name)
                                 : tr("Changed product %1: %2").arg(name, changed.join(QStringLiteral(", ")));
    }
    if (a == QLatin1String("product.stock")) {
        const qint64 delta = numberOf(after, "delta");
        const QString reason = textOf(after, "reason");
        return delta >= 0 ? tr("Added %1 to the stock of product #%2 (now %3): %4")
                                    .arg(Money::count(delta))
                                    .arg(e.entityId)
                                    .arg(Money::count(numberOf(after, "stock")), reason)
                          : tr("Took %1 from the stock of product #%2 (now %3): %4")
                                    .arg(Money::count(-delta))
                                    .arg(e.entityId)
                                    .arg(Money::count(numberOf(after, "stock")), reason);
    }
    if (a == QLatin1String("product.image.add"))
        return tr("Added a picture to product #%1").arg(e.entityId);
    if (a == QLatin1String("product.image.delete"))
        return tr("Removed picture #%1 from product #%2").arg(numberOf(before, "imageId")).arg(e.entityId);
    if (a == QLatin1String("category.create"))
        return tr("Added category %1").arg(named(e, textOf(after, "name")));
    if (a == QLatin1String("category.update")) {
        const QString was = textOf(before, "name");
        const QString is = textOf(after, "name");
        if (was != is)
            return tr("Renamed category \u201C%1\u201D to \u201C%2\u201D").arg(was, is);
        return tr("Moved category %1").arg(named(e, is));
    }
    if (a == QLatin1String("category.delete"))
        return tr("Deleted category %1").arg(named(e, textOf(before, "name")));
    if (a == QLatin1String("coupon.create")) {
        const qint64 value = numberOf(after, "discountValue");
        const QString off = textOf(after, "discountType") == QLatin1String("RATE") ? tr("%1% off").arg(value)
                                                                                   : tr("%1 off").arg(Money::format(value));
        return tr("Created coupon %1: %2, %3 to claim")
                .arg(named(e, textOf(after, "name")), off, Money::count(numberOf(after, "quantity")));
    }
    if (a == QLatin1String("order.refund")) {
        const QJsonObject refund = objectOf(after, "refund");
        return tr("Refunded %1 of order %2: %3").arg(Money::format(numberOf(refund, "amount")), order, textOf(refund, "reason"));
    }
    if (a == QLatin1String("order.cancel"))
        return tr("Cancelled order %1: %2 back to the wallet")
                .arg(order, Money::format(numberOf(after, "refundedAmount") - numberOf(before, "refundedAmount")));
    if (a == QLatin1String("order.fulfilment")) {
        const QJsonObject f = objectOf(after, "fulfilment");
        const QString status = textOf(f, "status");
        if (status == QLatin1String("PACKED"))
            return tr("Packed order %1").arg(order);
        if (status == QLatin1String("SHIPPED"))
            return tr("Shipped order %1 with %2, tracking number %3")
                    .arg(order, FulfilmentText::carrier(textOf(f, "carrier")), textOf(f, "trackingNumber"));
        if (status == QLatin1String("DELIVERED"))
            return after.value(QLatin1String("shipping")).isObject() ? tr("Marked order %1 delivered").arg(order)
                                                                     : tr("Handed order %1 over").arg(order);
        return tr("Moved order %1 to \u201C%2\u201D").arg(order, FulfilmentText::status(status, false));
    }
    if (a == QLatin1String("return.accept")) {
        const qint64 amount = numberOf(objectOf(after, "refund"), "amount");
        return tr("Accepted return #%1 of order %2: refunded %3")
                .arg(numberOf(after, "id"))
                .arg(order, Money::format(amount));
    }
    if (a == QLatin1String("return.reject")) {
        const QString note = textOf(after, "note");
        return note.isEmpty() ? tr("Rejected return #%1 of order %2").arg(numberOf(after, "id")).arg(order)
                              : tr("Rejected return #%1 of order %2: %3").arg(numberOf(after, "id")).arg(order, note);
    }
    if (a == QLatin1String("user.disable"))
        return tr("Disabled account %1").arg(named(e, textOf(after, "username")));
    if (a == QLatin1String("user.enable"))
        return tr("Enabled account %1").arg(named(e, textOf(after, "username")));
    if (a == QLatin1String("shop.demo-load") || a.startsWith(QLatin1String("demo."))) {
        // Loading the demo shop: one entry for the whole load, with what it added.
        const qint64 products = numberOf(after, "products");
        const qint64 orders = numberOf(after, "orders");
        return products > 0 ? tr("Loaded the demo shop: %1 products, %2 orders").arg(Money::count(products), Money::count(orders))
                            : tr("Loaded the demo shop");
    }
    // An action this app does not know yet (a newer server): its name, and the record.
    return tr("%1 on %2 #%3").arg(a, entityName(e.entity).toLower()).arg(e.entityId);
}

QString AuditText::describeChange(const AuditEntry &entry)
{
    QHash<QString, QJsonValue> before;
    QHash<QString, QJsonValue> after;
    flatten(entry.before, QString(), before);
    flatten(entry.after, QString(), after);
    ProductNames names;
    for (const QJsonObject &order : { entry.before, entry.after }) {
        for (const QJsonValue &line : order.value(QLatin1String("items")).toArray())
            names.insert(numberOf(line.toObject(), "productId"), textOf(line.toObject(), "name"));
    }
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    keys.sort();
    QStringList lines;
    int unchanged = 0;
    for (const QString &key : keys) {
        const bool had = before.contains(key);
        const bool has = after.contains(key);
        const QString name = QStringLiteral("<b>%1</b>").arg(fieldName(key).toHtmlEscaped());
        const QString was = valueWith(key, before.value(key), names).toHtmlEscaped();
        const QString is = valueWith(key, after.value(key), names).toHtmlEscaped();
        if (had && has && before.value(key) == after.value(key)) {
            ++unchanged;
            continue;
        }
        if (had && has)
            lines << tr("%1: %2 \u2192 %3").arg(name, was, is);
        else if (has)
            lines << tr("%1: %2").arg(name, is);
        else
            lines << tr("%1: %2 (removed)").arg(name, was);
    }
    QString head = QStringLiteral("<b>%1</b><br>").arg(summary(entry).toHtmlEscaped())
            + tr("By %1 at %2.").arg(entry.actor.toHtmlEscaped(), Money::dateTime(entry.at, true));
    if (entry.before.isEmpty() && !entry.after.isEmpty())
        head += tr(" Created with:");
    else if (!entry.before.isEmpty() && entry.after.isEmpty())
        head += tr(" Deleted; it was:");
    else if (!lines.isEmpty())
        head += tr(" Changed:");
    if (lines.isEmpty())
        lines << tr("No field changed.");
    if (unchanged > 0)
        lines << tr("<span style='color:#777'>%n other field(s) unchanged.</span>", nullptr, unchanged);
    return head + QStringLiteral("<br>") + lines.join(QStringLiteral("<br>"));
}

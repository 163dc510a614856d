#include "ShopTypes.h"

#include "IsoTime.h"

#include <QtCore/QJsonArray>

namespace {
qint64 integer(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toInteger();
}
QString text(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}
DiscountType discountTypeFrom(const QString &name)
{
    return name == QLatin1String("RATE") ? DiscountType::Rate : DiscountType::Fixed;
}
}

QString discountTypeName(DiscountType type)
{
    return type == DiscountType::Rate ? QStringLiteral("RATE") : QStringLiteral("FIXED");
}

QString ProductImage::url() const
{
    return QStringLiteral("/images/%1").arg(id);
}

QString ProductImage::thumbUrl() const
{
    return QStringLiteral("/images/%1/thumb").arg(id);
}

QJsonObject ProductImage::toJson() const
{
    return { { QStringLiteral("id"), id }, { QStringLiteral("url"), url() }, { QStringLiteral("thumbUrl"), thumbUrl() },
             { QStringLiteral("width"), width }, { QStringLiteral("height"), height } };
}

ProductImage ProductImage::fromJson(const QJsonObject &json)
{
    return ProductImage { integer(json, "id"), int(integer(json, "width")), int(integer(json, "height")) };
}

QJsonObject Product::toJson() const
{
    QJsonArray pictures;
    for (const ProductImage &image : images)
        pictures.append(image.toJson());
    return { { QStringLiteral("id"), id },
             { QStringLiteral("name"), name },
             { QStringLiteral("price"), price },
             { QStringLiteral("stock"), stock },
             { QStringLiteral("sku"), sku.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(sku) },
             { QStringLiteral("description"), description },
             { QStringLiteral("categoryId"), categoryId > 0 ? QJsonValue(categoryId) : QJsonValue(QJsonValue::Null) },
             { QStringLiteral("images"), pictures },
             { QStringLiteral("createdAt"), createdAt.isValid() ? QJsonValue(IsoTime::format(createdAt)) : QJsonValue(QJsonValue::Null) } };
}

Product Product::fromJson(const QJsonObject &json)
{
    Product p { integer(json, "id"), text(json, "name"), integer(json, "price"), integer(json, "stock") };
    p.sku = text(json, "sku");
    p.description = text(json, "description");
    p.categoryId = integer(json, "categoryId");
    for (const QJsonValue &image : json.value(QStringLiteral("images")).toArray())
        p.images.append(ProductImage::fromJson(image.toObject()));
    p.createdAt = IsoTime::parse(text(json, "createdAt"));
    return p;
}

QJsonObject Coupon::toJson() const
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("name"), name },
             { QStringLiteral("discountType"), discountTypeName(discountType) },
             { QStringLiteral("discountValue"), discountValue },
             { QStringLiteral("quantity"), quantity },
             { QStringLiteral("issued"), issued },
             { QStringLiteral("remaining"), qMax<qint64>(0, quantity - issued) },
             { QStringLiteral("validFrom"), IsoTime::format(validFrom) },
             { QStringLiteral("validUntil"), IsoTime::format(validUntil) } };
}

Coupon Coupon::fromJson(const QJsonObject &json)
{
    return Coupon { integer(json, "id"),
                    text(json, "name"),
                    discountTypeFrom(text(json, "discountType")),
                    integer(json, "discountValue"),
                    integer(json, "quantity"),
                    integer(json, "issued"),
                    IsoTime::parse(text(json, "validFrom")),
                    IsoTime::parse(text(json, "validUntil")) };
}

QJsonObject UserCoupon::toJson() const
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("couponId"), couponId },
             { QStringLiteral("userId"), userId },
             { QStringLiteral("name"), name },
             { QStringLiteral("discountType"), discountTypeName(discountType) },
             { QStringLiteral("discountValue"), discountValue },
             { QStringLiteral("status"), status },
             { QStringLiteral("issuedAt"), IsoTime::format(issuedAt) },
             { QStringLiteral("validUntil"), IsoTime::format(validUntil) } };
}

UserCoupon UserCoupon::fromJson(const QJsonObject &json)
{
    return UserCoupon { integer(json, "id"),
                        integer(json, "couponId"),
                        integer(json, "userId"),
                        text(json, "name"),
                        discountTypeFrom(text(json, "discountType")),
                        integer(json, "discountValue"),
                        text(json, "status"),
                        IsoTime::parse(text(json, "issuedAt")),
                        IsoTime::parse(text(json, "validUntil")) };
}

QJsonObject OrderLine::toJson() const
{
    return { { QStringLiteral("productId"), productId },
             { QStringLiteral("name"), name },
             { QStringLiteral("unitPrice"), unitPrice },
             { QStringLiteral("quantity"), quantity },
             { QStringLiteral("refundedQuantity"), refundedQuantity } };
}

QJsonObject OrderRefund::toJson() const
{
    QJsonArray refunded;
    for (const RefundLine &line : lines)
        refunded.append(QJsonObject { { QStringLiteral("productId"), line.productId },
                                      { QStringLiteral("quantity"), line.quantity } });
    return { { QStringLiteral("id"), id },
             { QStringLiteral("lines"), refunded },
             { QStringLiteral("amount"), amount },
             { QStringLiteral("restocked"), restocked },
             { QStringLiteral("reason"), reason },
             { QStringLiteral("createdAt"), IsoTime::format(createdAt) } };
}

OrderRefund OrderRefund::fromJson(const QJsonObject &json)
{
    OrderRefund refund;
    refund.id = integer(json, "id");
    const QJsonArray lines = json.value(QStringLiteral("lines")).toArray();
    for (const QJsonValue &v : lines)
        refund.lines.append(RefundLine { integer(v.toObject(), "productId"), integer(v.toObject(), "quantity") });
    refund.amount = integer(json, "amount");
    refund.restocked = json.value(QStringLiteral("restocked")).toBool();
    refund.reason = text(json, "reason");
    refund.createdAt = IsoTime::parse(text(json, "createdAt"));
    return refund;
}

QJsonObject Order::toJson() const
{
    QJsonArray lines;
    for (const OrderLine &line : items)
        lines.append(line.toJson());
    QJsonObject json { { QStringLiteral("id"), id },
                       { QStringLiteral("userId"), userId },
                       { QStringLiteral("status"), status },
                       { QStringLiteral("items"), lines },
                       { QStringLiteral("totalAmount"), totalAmount },
                       { QStringLiteral("discountAmount"), discountAmount },
                       { QStringLiteral("paidAmount"), paidAmount },
                       { QStringLiteral("refundedAmount"), refundedAmount },
                       { QStringLiteral("paidAt"), IsoTime::format(paidAt) },
                       { QStringLiteral("shipping"), shipping ? QJsonValue(shipping->toJson()) : QJsonValue(QJsonValue::Null) },
                       { QStringLiteral("fulfilment"), fulfilment.toJson() } };
    if (userCouponId > 0)
        json.insert(QStringLiteral("userCouponId"), userCouponId);
    if (cancelledAt.isValid())
        json.insert(QStringLiteral("cancelledAt"), IsoTime::format(cancelledAt));
    if (withRefunds) {
        QJsonArray given;
        for (const OrderRefund &refund : refunds)
            given.append(refund.toJson());
        json.insert(QStringLiteral("refunds"), given);
    }
    return json;
}

Order Order::fromJson(const QJsonObject &json)
{
    Order order;
    order.id = integer(json, "id");
    order.userId = integer(json, "userId");
    order.status = text(json, "status");
    const QJsonArray lines = json.value(QStringLiteral("items")).toArray();
    for (const QJsonValue &v : lines) {
        const QJsonObject l = v.toObject();
        order.items.append(OrderLine { integer(l, "productId"), text(l, "name"), integer(l, "unitPrice"),
                                       integer(l, "quantity"), integer(l, "refundedQuantity") });
    }
    order.totalAmount = integer(json, "totalAmount");
    order.discountAmount = integer(json, "discountAmount");
    order.paidAmount = integer(json, "paidAmount");
    order.userCouponId = integer(json, "userCouponId");
    order.refundedAmount = integer(json, "refundedAmount");
    order.withRefunds = json.contains(QStringLiteral("refunds"));
    const QJsonArray refunds = json.value(QStringLiteral("refunds")).toArray();
    for (const QJsonValue &v : refunds)
        order.refunds.append(OrderRefund::fromJson(v.toObject()));
    order.paidAt = IsoTime::parse(text(json, "paidAt"));
    order.cancelledAt = IsoTime::parse(text(json, "cancelledAt"));
    if (json.value(QStringLiteral("shipping")).isObject())
        order.shipping = OrderShipping::fromJson(json.value(QStringLiteral("shipping")).toObject());
    order.fulfilment = Fulfilment::fromJson(json.value(QStringLiteral("fulfilment")).toObject());
    return order;
}

QJsonObject LedgerEntry::toJson() const
{
    QJsonObject json { { QStringLiteral("id"), id },
                       { QStringLiteral("type"), type },
                       { QStringLiteral("amount"), amount },
                       { QStringLiteral("balanceAfter"), balanceAfter },
                       { QStringLiteral("createdAt"), IsoTime::format(createdAt) } };
    if (orderId > 0)
        json.insert(QStringLiteral("orderId"), orderId);
    return json;
}

LedgerEntry LedgerEntry::fromJson(const QJsonObject &json)
{
    return LedgerEntry { integer(json, "id"),           text(json, "type"),    integer(json, "amount"),
                         integer(json, "balanceAfter"), integer(json, "orderId"), IsoTime::parse(text(json, "createdAt")) };
}

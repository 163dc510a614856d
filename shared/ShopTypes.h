#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>

#include "ShippingTypes.h"

#include <optional>
#include <utility>

// The shop's values as API.md puts them on the wire. Money is whole won (qint64).
// Server and desktop client share these codecs, so both read and write one format.

// A product's picture; its bytes are served at url() and thumbUrl() (API.md).
struct ProductImage {
    qint64 id = 0;
    int width = 0;
    int height = 0;
    QString url() const;
    QString thumbUrl() const;
    QJsonObject toJson() const;
    static ProductImage fromJson(const QJsonObject &json);
};

struct Product {
    // The four fields every product has, in the order callers have always given them;
    // the rest default (no SKU, no description, no category, no pictures).
    Product(qint64 id = 0, QString name = {}, qint64 price = 0, qint64 stock = 0)
        : id(id), name(std::move(name)), price(price), stock(stock)
    {
    }

    qint64 id = 0;
    QString name;
    qint64 price = 0;
    qint64 stock = 0;
    QString sku; // empty: none (null on the wire)
    QString description;
    qint64 categoryId = 0; // 0: none (null on the wire)
    QList<ProductImage> images; // the first is the main one
    QDateTime createdAt;
    QJsonObject toJson() const;
    static Product fromJson(const QJsonObject &json);
};

enum class DiscountType { Fixed, Rate };
QString discountTypeName(DiscountType type);

struct Coupon {
    qint64 id = 0;
    QString name;
    DiscountType discountType = DiscountType::Fixed;
    qint64 discountValue = 0;
    qint64 quantity = 0;
    qint64 issued = 0;
    QDateTime validFrom;
    QDateTime validUntil;
    QJsonObject toJson() const;
    static Coupon fromJson(const QJsonObject &json);
};

struct UserCoupon {
    qint64 id = 0;
    qint64 couponId = 0;
    qint64 userId = 0;
    QString name;
    DiscountType discountType = DiscountType::Fixed;
    qint64 discountValue = 0;
    QString status; // AVAILABLE, USED, EXPIRED
    QDateTime issuedAt;
    QDateTime validUntil;
    QJsonObject toJson() const;
    static UserCoupon fromJson(const QJsonObject &json);
};

struct OrderLine {
    qint64 productId = 0;
    QString name;
    qint64 unitPrice = 0;
    qint64 quantity = 0;
    qint64 refundedQuantity = 0; // units of this line refunded so far
    QJsonObject toJson() const;
};

// Units of one order line given back by a refund.
struct RefundLine {
    qint64 productId = 0;
    qint64 quantity = 0;
};

// One refund of an order (API.md, Running the shop): which units, how much money.
struct OrderRefund {
    qint64 id = 0;
    QList<RefundLine> lines;
    qint64 amount = 0;
    bool restocked = false;
    QString reason;
    QDateTime createdAt;
    QJsonObject toJson() const;
    static OrderRefund fromJson(const QJsonObject &json);
};

struct Order {
    qint64 id = 0;
    qint64 userId = 0;
    QString status; // PAID, PARTIALLY_REFUNDED, REFUNDED, CANCELLED
    QList<OrderLine> items;
    qint64 totalAmount = 0;
    qint64 discountAmount = 0;
    qint64 paidAmount = 0;
    qint64 userCouponId = 0; // 0: none
    qint64 refundedAmount = 0; // every refund so far, a cancel's included
    QDateTime paidAt;
    QDateTime cancelledAt;
    // Where it goes (nullopt: picked up in person) and how far it got.
    std::optional<OrderShipping> shipping;
    Fulfilment fulfilment;
    // The single-order answer lists its refunds; lists of orders leave them out.
    bool withRefunds = false;
    QList<OrderRefund> refunds;
    QJsonObject toJson() const;
    static Order fromJson(const QJsonObject &json);
};

struct LedgerEntry {
    qint64 id = 0;
    QString type; // CHARGE, PAYMENT, REFUND
    qint64 amount = 0;
    qint64 balanceAfter = 0;
    qint64 orderId = 0; // 0: none
    QDateTime createdAt;
    QJsonObject toJson() const;
    static LedgerEntry fromJson(const QJsonObject &json);
};

// Units of one product sold in one hour (net of cancellations): the grain of the
// top-products aggregate, in MySQL and in Redis.
struct HourlySales {
    QDateTime hour;
    qint64 productId = 0;
    qint64 units = 0;
};

#pragma once

#include "Result.h"
#include "ShopTypes.h"

#include <QtCore/QJsonObject>
#include <QtCore/QUrlQuery>

// Turns request bodies and query strings into checked values, or the
// VALIDATION_FAILED / INVALID_AMOUNT failure naming the field (API.md). Pure.
namespace RequestValidation {

struct Credentials {
    QString username;
    QString password;
};
Result<Credentials> credentials(const QJsonObject &body, bool checkStrength);
// `admin` in any case: never a shopper's name (API.md), so nobody can stand in for the
// account the start-up configures or look like the shop's owner.
bool reservedUsername(const QString &username);

struct PasswordChange {
    QString current;
    QString next;
};
// {"currentPassword", "newPassword"}: the new one 8..128 characters as at registration.
Result<PasswordChange> passwordChange(const QJsonObject &body);

struct PageRequest {
    int page = 1;
    int size = 20;
    int offset() const { return (page - 1) * size; }
};
Result<PageRequest> page(const QUrlQuery &query);
// An optional integer query parameter in [min, max], `fallback` when absent.
Result<int> boundedInt(const QUrlQuery &query, const QString &name, int min, int max, int fallback);

// A positive id from a path segment ("42"); VALIDATION_FAILED otherwise.
Result<qint64> id(const QString &text, const QString &field);
// A positive whole-number id in a JSON body.
Result<qint64> idField(const QJsonObject &body, const QString &field);

Result<qint64> chargeAmount(const QJsonObject &body);

struct ProductDraft {
    std::optional<QString> name;
    std::optional<qint64> price;
    std::optional<qint64> stock;
    std::optional<QString> sku; // given; empty: none (JSON null)
    std::optional<QString> description;
    std::optional<qint64> categoryId; // given; 0: none (JSON null)
};
// name, price and stock required when creating (sku, description, categoryId
// optional); any subset, at least one, when updating.
Result<ProductDraft> product(const QJsonObject &body, bool create);

Result<Coupon> coupon(const QJsonObject &body, const QDateTime &now);

struct OrderRequest {
    qint64 userId = 0;
    QList<QPair<qint64, qint64>> items; // (productId, quantity), ascending product id
    qint64 userCouponId = 0; // 0: none
    qint64 addressId = 0; // 0: none, picked up in person
};
Result<OrderRequest> order(const QJsonObject &body);
// `field` as 1..50 lines of {productId, quantity 1..1,000}, no product twice, in
// ascending product id (an order's items, a refund's lines).
Result<QList<QPair<qint64, qint64>>> productLines(const QJsonObject &body, const QString &field);

Result<QString> idempotencyKey(const QByteArray &header);
}

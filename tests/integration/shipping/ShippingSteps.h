#pragma once

#include "ShopFixture.h"

#include <QtCore/QJsonArray>

// The steps the shipping and returns tests share, over real HTTP: an address, an order
// sent to it (or picked up), the admin's moves, refunds.
class ShippingSteps
{
public:
    explicit ShippingSteps(ShopFixture &shop) : m_shop(shop) { }

    // A valid Korean address body; `recipient` and the road address vary per test.
    static QJsonObject addressBody(const QString &recipient = QStringLiteral("김민지"),
                                   const QString &address1 = QStringLiteral("서울특별시 강남구 테헤란로 123"));
    // POSTs an address for `user`; its id, 0 on failure.
    qint64 addAddress(const ShopFixture::User &user, const QJsonObject &body = addressBody());
    // An order of (productId, quantity) lines, sent to `addressId` (0: picked up); its
    // JSON, empty on failure.
    QJsonObject order(const ShopFixture::User &buyer, const QList<QPair<qint64, int>> &items, qint64 addressId = 0);
    HttpClient::Reply move(qint64 orderId, const QString &status, const QString &carrier = {}, const QString &tracking = {});
    // PACKED, then SHIPPED (CJ, a tracking number) unless a pickup, then DELIVERED;
    // false when a step was refused.
    bool deliver(qint64 orderId, bool pickup);
    HttpClient::Reply refund(qint64 orderId, const QList<QPair<qint64, int>> &lines, bool restock = true);
    HttpClient::Reply cancel(qint64 orderId, const ShopFixture::User &by);
    static QJsonArray lines(const QList<QPair<qint64, int>> &items);

private:
    ShopFixture &m_shop;
};

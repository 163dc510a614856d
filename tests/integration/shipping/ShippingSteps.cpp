#include "ShippingSteps.h"

QJsonObject ShippingSteps::addressBody(const QString &recipient, const QString &address1)
{
    return { { "label", "집" },
             { "recipient", recipient },
             { "phone", "01012345678" },
             { "postalCode", "06234" },
             { "address1", address1 },
             { "address2", "5층 501호" } };
}

qint64 ShippingSteps::addAddress(const ShopFixture::User &user, const QJsonObject &body)
{
    const HttpClient::Reply r = m_shop.client().post(QStringLiteral("/api/v1/users/%1/addresses").arg(user.id), body, user.auth());
    return r.status == 201 ? r.json().value("id").toInteger() : 0;
}

QJsonArray ShippingSteps::lines(const QList<QPair<qint64, int>> &items)
{
    QJsonArray out;
    for (const auto &[productId, quantity] : items)
        out.append(QJsonObject { { "productId", productId }, { "quantity", quantity } });
    return out;
}

QJsonObject ShippingSteps::order(const ShopFixture::User &buyer, const QList<QPair<qint64, int>> &items, qint64 addressId)
{
    QJsonObject body { { "userId", buyer.id }, { "items", lines(items) } };
    if (addressId > 0)
        body.insert("addressId", addressId);
    const HttpClient::Reply r = m_shop.client().post(QStringLiteral("/api/v1/orders"), body, buyer.auth());
    return r.status == 201 ? r.json() : QJsonObject();
}

HttpClient::Reply ShippingSteps::move(qint64 orderId, const QString &status, const QString &carrier, const QString &tracking)
{
    QJsonObject body { { "status", status } };
    if (!carrier.isEmpty())
        body.insert("carrier", carrier);
    if (!tracking.isEmpty())
        body.insert("trackingNumber", tracking);
    return m_shop.client().post(QStringLiteral("/api/v1/admin/orders/%1/fulfilment").arg(orderId), body, m_shop.admin().auth());
}

bool ShippingSteps::deliver(qint64 orderId, bool pickup)
{
    if (move(orderId, QStringLiteral("PACKED")).status != 200)
        return false;
    if (!pickup && move(orderId, QStringLiteral("SHIPPED"), QStringLiteral("CJ"), QStringLiteral("CJ1234567890")).status != 200)
        return false;
    return move(orderId, QStringLiteral("DELIVERED")).status == 200;
}

HttpClient::Reply ShippingSteps::refund(qint64 orderId, const QList<QPair<qint64, int>> &items, bool restock)
{
    return m_shop.client().post(QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(orderId),
                                { { "lines", lines(items) }, { "restock", restock }, { "reason", "test refund" } },
                                m_shop.admin().auth());
}

HttpClient::Reply ShippingSteps::cancel(qint64 orderId, const ShopFixture::User &by)
{
    return m_shop.client().post(QStringLiteral("/api/v1/orders/%1/cancel").arg(orderId), {}, by.auth());
}

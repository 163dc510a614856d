#include "ShippingClient.h"

#include "IsoTime.h"

#include <QtCore/QJsonDocument>

namespace {
QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QJsonObject addressBody(const Address &a, bool makeDefault)
{
    QJsonObject body { { "label", a.label },       { "recipient", a.recipient }, { "phone", a.phone },
                       { "postalCode", a.postalCode }, { "address1", a.address1 }, { "address2", a.address2 } };
    if (makeDefault)
        body.insert(QStringLiteral("isDefault"), true);
    return body;
}

QJsonArray lineArray(const QList<RefundLine> &lines)
{
    QJsonArray out;
    for (const RefundLine &l : lines)
        out.append(QJsonObject { { "productId", l.productId }, { "quantity", l.quantity } });
    return out;
}
}

ShippingClient::ShippingClient(ShopClient *client, QObject *parent) : QObject(parent), m_client(client) { }

void ShippingClient::addresses(QObject *context, Done<QList<Address>> done)
{
    m_client->sendJson<QList<Address>>({ "GET", m_client->userPath(QStringLiteral("addresses")), {}, tr("Loading addresses") },
                                       context, std::move(done),
                                       [](const QJsonObject &json) { return ApiValues::items(json, &Address::fromJson); });
}

void ShippingClient::addAddress(const Address &address, bool makeDefault, QObject *context, Done<Address> done)
{
    m_client->sendJson<Address>({ "POST", m_client->userPath(QStringLiteral("addresses")), compact(addressBody(address, makeDefault)),
                                  tr("Saving the address") },
                                context, std::move(done), &Address::fromJson);
}

void ShippingClient::updateAddress(const Address &address, bool makeDefault, QObject *context, Done<Address> done)
{
    m_client->sendJson<Address>({ "PATCH", m_client->userPath(QStringLiteral("addresses/%1").arg(address.id)),
                                  compact(addressBody(address, makeDefault)), tr("Saving the address") },
                                context, std::move(done), &Address::fromJson);
}

void ShippingClient::deleteAddress(qint64 addressId, QObject *context, Done<bool> done)
{
    m_client->send({ "DELETE", m_client->userPath(QStringLiteral("addresses/%1").arg(addressId)), {}, tr("Deleting the address") },
                   context, [done = std::move(done)](const Result<QByteArray> &raw) {
                       if (!raw)
                           done(raw.failure());
                       else
                           done(true);
                   });
}

void ShippingClient::placeOrder(const QList<OrderLine> &lines, qint64 userCouponId, qint64 addressId, QObject *context,
                                Done<Order> done)
{
    QJsonArray items;
    for (const OrderLine &line : lines)
        items.append(QJsonObject { { "productId", line.productId }, { "quantity", line.quantity } });
    QJsonObject body { { "userId", m_client->session().userId }, { "items", items } };
    if (userCouponId > 0)
        body.insert(QStringLiteral("userCouponId"), userCouponId);
    if (addressId > 0)
        body.insert(QStringLiteral("addressId"), addressId);
    // An Idempotency-Key, as ShopClient::placeOrder: a retried payment never pays twice.
    m_client->sendJson<Order>({ "POST", QStringLiteral("/api/v1/orders"), compact(body), tr("Paying"), true }, context,
                              std::move(done), &Order::fromJson);
}

void ShippingClient::askReturn(qint64 orderId, const QList<RefundLine> &lines, const QString &reason, QObject *context,
                               Done<ProductReturn> done)
{
    m_client->sendJson<ProductReturn>({ "POST", QStringLiteral("/api/v1/orders/%1/returns").arg(orderId),
                                        compact({ { "lines", lineArray(lines) }, { "reason", reason } }), tr("Asking for a return") },
                                      context, std::move(done), &ProductReturn::fromJson);
}

void ShippingClient::myReturns(QObject *context, Done<Page<ProductReturn>> done)
{
    m_client->sendJson<Page<ProductReturn>>({ "GET", m_client->userPath(QStringLiteral("returns?size=100")), {}, tr("Loading returns") },
                                            context, std::move(done), [](const QJsonObject &json) {
                                                return ApiValues::page(json, &ProductReturn::fromJson);
                                            });
}

void ShippingClient::queue(const QString &status, int page, int size, QObject *context, Done<Queue> done)
{
    QString path = QStringLiteral("/api/v1/admin/fulfilment?page=%1&size=%2").arg(page).arg(size);
    if (!status.isEmpty())
        path += QStringLiteral("&status=") + status;
    m_client->sendJson<Queue>({ "GET", path, {}, tr("Loading the packing queue") }, context, std::move(done),
                              [](const QJsonObject &json) {
                                  Queue q;
                                  q.orders = ApiValues::page(json, &Order::fromJson);
                                  const QJsonObject counts = json.value(QStringLiteral("counts")).toObject();
                                  for (auto it = counts.begin(); it != counts.end(); ++it)
                                      q.counts.insert(it.key(), it.value().toInteger());
                                  q.oldestWaitingPaidAt = IsoTime::parse(json.value(QStringLiteral("oldestWaitingPaidAt")).toString());
                                  return q;
                              });
}

void ShippingClient::move(qint64 orderId, const QString &status, const QString &carrier, const QString &trackingNumber,
                          QObject *context, Done<Order> done)
{
    QJsonObject body { { "status", status } };
    if (!carrier.isEmpty())
        body.insert(QStringLiteral("carrier"), carrier);
    if (!trackingNumber.isEmpty())
        body.insert(QStringLiteral("trackingNumber"), trackingNumber);
    m_client->sendJson<Order>({ "POST", QStringLiteral("/api/v1/admin/orders/%1/fulfilment").arg(orderId), compact(body),
                                tr("Moving the order on") },
                              context, std::move(done), &Order::fromJson);
}

void ShippingClient::returns(const QString &status, int page, int size, QObject *context, Done<Page<ProductReturn>> done)
{
    QString path = QStringLiteral("/api/v1/admin/returns?page=%1&size=%2").arg(page).arg(size);
    if (!status.isEmpty())
        path += QStringLiteral("&status=") + status;
    m_client->sendJson<Page<ProductReturn>>({ "GET", path, {}, tr("Loading returns") }, context, std::move(done),
                                            [](const QJsonObject &json) { return ApiValues::page(json, &ProductReturn::fromJson); });
}

void ShippingClient::decide(qint64 returnId, bool accept, bool restock, const QString &note, QObject *context,
                            Done<ProductReturn> done)
{
    QJsonObject body { { "decision", accept ? "ACCEPT" : "REJECT" } };
    if (accept)
        body.insert(QStringLiteral("restock"), restock);
    if (!note.isEmpty())
        body.insert(QStringLiteral("note"), note);
    m_client->sendJson<ProductReturn>({ "POST", QStringLiteral("/api/v1/admin/returns/%1").arg(returnId), compact(body),
                                        accept ? tr("Accepting the return") : tr("Rejecting the return") },
                                      context, std::move(done), &ProductReturn::fromJson);
}

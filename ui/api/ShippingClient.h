#pragma once

#include "ApiValues.h"
#include "ProductReturn.h"
#include "ShippingTypes.h"
#include "ShopClient.h"

// From paid to delivered (API.md, Shipping) over the ShopClient's connection and
// session: my addresses, paying with one, returns; the admin's packing queue, moves and
// decisions. Same rules as ShopClient: a context and a callback on the GUI thread,
// nothing runs when the context is gone.
class ShippingClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Done = ShopClient::Done<T>;

    explicit ShippingClient(ShopClient *client, QObject *parent = nullptr);

    void addresses(QObject *context, Done<QList<Address>> done);
    // The fields of `address` (its id and default flag aside); `makeDefault` sends isDefault.
    void addAddress(const Address &address, bool makeDefault, QObject *context, Done<Address> done);
    void updateAddress(const Address &address, bool makeDefault, QObject *context, Done<Address> done);
    void deleteAddress(qint64 addressId, QObject *context, Done<bool> done);
    // POST /orders with the address to send it to (0: picked up in person).
    void placeOrder(const QList<OrderLine> &lines, qint64 userCouponId, qint64 addressId, QObject *context, Done<Order> done);

    void askReturn(qint64 orderId, const QList<RefundLine> &lines, const QString &reason, QObject *context,
                   Done<ProductReturn> done);
    void myReturns(QObject *context, Done<Page<ProductReturn>> done);

    struct Queue {
        Page<Order> orders;
        QMap<QString, qint64> counts; // UNFULFILLED, PACKED, SHIPPED
        QDateTime oldestWaitingPaidAt;
    };
    // status: UNFULFILLED, PACKED, SHIPPED, DELIVERED; empty for all.
    void queue(const QString &status, int page, int size, QObject *context, Done<Queue> done);
    void move(qint64 orderId, const QString &status, const QString &carrier, const QString &trackingNumber,
              QObject *context, Done<Order> done);
    // status: REQUESTED, ACCEPTED, REJECTED; empty for all.
    void returns(const QString &status, int page, int size, QObject *context, Done<Page<ProductReturn>> done);
    void decide(qint64 returnId, bool accept, bool restock, const QString &note, QObject *context,
                Done<ProductReturn> done);

private:
    ShopClient *m_client;
};

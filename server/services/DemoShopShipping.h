#pragma once

#include "Result.h"
#include "ShopTypes.h"

#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QRandomGenerator>

class Database;

// The demo shop's shipping (API.md, Shipping), through the services the API uses: the
// shoppers' address books (AddressService: the first is the default), every order
// moved forward as far as its age allows by FulfilmentService (one step at a time, its
// events through the outbox), then dated back with its order (DemoShopRepository); and
// a few returns of recent deliveries asked and decided by ReturnService (an accepted
// one refunded as a refund is). So the packing queue has today's orders, the oldest
// are delivered, and the invariant checker finds nothing.
class DemoShopShipping
{
public:
    explicit DemoShopShipping(Database &database);

    // Each shopper's address ids, the default first (DemoCatalogue::addresses), dated
    // with the shopper's charges at `opened`.
    Result<QHash<qint64, QList<qint64>>> addressBooks(const QList<qint64> &shoppers, const QDateTime &loadStarted,
                                                      const QDateTime &opened);

    struct Placed {
        qint64 orderId = 0;
        qint64 userId = 0;
        QDateTime paidAt;
        bool pickup = false;
    };
    struct Delivered {
        Order order;
        QDateTime deliveredAt;
    };
    // Packs, ships (a carrier of API.md's list and its kind of tracking number) and
    // delivers each order where its own schedule says it got by `now`; a pickup is
    // packed and handed over. The delivered ones, newest last.
    Result<QList<Delivered>> fulfil(const QList<Placed> &orders, const QDateTime &now);
    // Returns of the newest deliveries: some accepted (refunded, restocked), one
    // rejected, the rest still waiting for the admin. How many were asked.
    Result<int> returns(const QList<Delivered> &delivered, const QDateTime &now);

private:
    Status move(Order &order, const QString &status, const QString &carrier = {}, const QString &tracking = {});
    QString trackingNumber(const QString &carrier);

    Database &m_database;
    QRandomGenerator m_random { 26 };
};

#include "OrderRows.h"

#include "Database.h"
#include "IsoTime.h"

#include <QtCore/QJsonObject>
#include <QtCore/QMap>

OrderRows::OrderRows(Database &database)
    : m_products(database), m_orders(database), m_wallet(database), m_sales(database), m_stockLedger(database)
{
}

Status OrderRows::writePlain(QList<Order> &orders)
{
    if (orders.isEmpty())
        return Done {};
    if (Status inserted = m_orders.insertMany(orders); !inserted)
        return inserted.failure();
    // Each payment's ledger row says the balance it left: the balances now (this
    // transaction holds their rows) with the later payments of the same buyer in this
    // batch added back, walking from the last.
    QList<qint64> buyers;
    for (const Order &order : std::as_const(orders))
        if (!buyers.contains(order.userId))
            buyers << order.userId;
    Result<QHash<qint64, qint64>> balances = m_wallet.balances(buyers);
    if (!balances)
        return balances.failure();
    QList<WalletRepository::Payment> payments(orders.size());
    for (qsizetype i = orders.size() - 1; i >= 0; --i) {
        qint64 &balance = balances.value()[orders[i].userId];
        payments[i] = { orders[i].userId, orders[i].paidAmount, balance, orders[i].id };
        balance += orders[i].paidAmount;
    }
    return m_wallet.recordPayments(payments);
}

Status OrderRows::takeHotRows(const QList<Order> &orders)
{
    // Each product's units over all the orders, at the one price they were paid at.
    QMap<qint64, OrderLine> totals;
    for (const Order &order : orders) {
        for (const OrderLine &line : order.items) {
            auto total = totals.find(line.productId);
            if (total == totals.end()) {
                totals.insert(line.productId, line);
            } else if (total->unitPrice != line.unitPrice) {
                return Failure { ErrorCode::Unavailable, QStringLiteral("a price changed during payment"), {}, true };
            } else {
                total->quantity += line.quantity;
            }
        }
    }
    // The shared hot rows, last and in ascending product id: one UPDATE per product
    // however many orders share it (a batch that does not fit runs again one by one).
    for (const OrderLine &total : std::as_const(totals)) {
        const Result<ProductRepository::Take> taken = m_products.take(total.productId, total.quantity, total.unitPrice);
        if (!taken)
            return taken.failure();
        if (taken.value() == ProductRepository::Take::OutOfStock)
            return Failure { ErrorCode::OutOfStock, QStringLiteral("not enough %1 in stock").arg(total.name),
                             QJsonObject { { QStringLiteral("productId"), total.productId } } };
        if (taken.value() == ProductRepository::Take::PriceChanged)
            return Failure { ErrorCode::Unavailable, QStringLiteral("a price changed during payment"), {}, true };
    }
    // The stock ledger's ORDER rows: one multi-row INSERT right after the stock
    // UPDATEs, each row the stock its order left (the units of the orders after it in
    // the batch added back).
    QList<StockLedgerRepository::Change> taken;
    QHash<qint64, qint64> later;
    for (const OrderLine &total : std::as_const(totals))
        later.insert(total.productId, total.quantity);
    for (const Order &order : orders) {
        for (const OrderLine &line : order.items) {
            qint64 &left = later[line.productId];
            left -= line.quantity;
            taken.append({ line.productId, -line.quantity, QStringLiteral("ORDER"), order.id, {}, 0, left });
        }
    }
    if (Status ledger = m_stockLedger.record(taken); !ledger)
        return ledger.failure();
    // One upsert per product and hour.
    QMap<QDateTime, QMap<qint64, OrderLine>> byHour;
    for (const Order &order : orders) {
        QMap<qint64, OrderLine> &hour = byHour[IsoTime::startOfHour(order.paidAt)];
        for (const OrderLine &line : order.items) {
            auto sold = hour.find(line.productId);
            if (sold == hour.end())
                hour.insert(line.productId, line);
            else
                sold->quantity += line.quantity;
        }
    }
    for (auto hour = byHour.cbegin(); hour != byHour.cend(); ++hour) {
        if (Status recorded = m_sales.record(hour.value().values(), hour.key(), +1); !recorded)
            return recorded.failure();
    }
    return Done {};
}

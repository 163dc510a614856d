#include "OrderService.h"

#include "Database.h"
#include "IsoTime.h"
#include "Pricing.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QMap>

namespace {
const QString kScope = QStringLiteral("order");

// A refusal of one order in a batch: its savepoint undoes it and the others go on.
// Anything else (the database failing, a deadlock, a lock wait timed out) ends the
// batch, whose orders then run one by one.
bool refusesOnlyThisOrder(const Failure &failure)
{
    switch (failure.code) {
    case ErrorCode::OutOfStock:
    case ErrorCode::InsufficientBalance:
    case ErrorCode::CouponNotUsable:
    case ErrorCode::NotFound:
    case ErrorCode::ValidationFailed:
    case ErrorCode::IdempotencyKeyReused:
        return true;
    default:
        return false;
    }
}
}

OrderService::OrderService(Database &database, std::function<void()> eventCommitted, SalesRecorded salesRecorded,
                           OperationLocks *locks, OrderBatcher *batcher)
    : m_database(database), m_products(database), m_coupons(database), m_wallet(database), m_orders(database),
      m_sales(database), m_keys(database), m_outbox(database), m_stockLedger(database), m_refunds(database),
      m_audit(database), m_addresses(database), m_eventCommitted(std::move(eventCommitted)),
      m_salesRecorded(std::move(salesRecorded)), m_locks(locks),
      m_batcher(locks && locks->strategy() == ConcurrencyStrategy::RedisLock ? nullptr : batcher)
{
}

Result<IdempotentAnswer> OrderService::place(const RequestValidation::OrderRequest &request, const QString &key,
                                             const QByteArray &requestHash)
{
    OrderBatcher::Order order { request, key, requestHash, std::nullopt };
    if (m_batcher && m_batcher->cap() > 1)
        return m_batcher->place(order, [this](const QList<OrderBatcher::Order *> &batch) { placeBatch(batch); });
    const std::function<Result<IdempotentAnswer>()> work = [&] { return placeOnce(order); };
    if (!m_locks)
        return work();
    QByteArrayList resources { "user:" + QByteArray::number(request.userId) };
    for (const auto &item : request.items)
        resources << "product:" + QByteArray::number(item.first);
    return m_locks->run<IdempotentAnswer>(resources, work);
}

Result<IdempotentAnswer> OrderService::placeOnce(const OrderBatcher::Order &order)
{
    Order paid; // the last (committed) attempt's order
    Result<IdempotentAnswer> placed = m_database.transaction<IdempotentAnswer>([&]() -> Result<IdempotentAnswer> {
        // The answer is stored before the hot rows are taken (it does not depend on
        // them, and a refusal there rolls it back): one round trip less while other
        // orders wait on those rows.
        Result<IdempotentAnswer> answer = payWithKey(order, paid);
        if (!answer || answer->replayed)
            return answer;
        if (Status hot = takeHotRows({ paid }); !hot)
            return hot.failure();
        return answer;
    });
    if (placed.ok() && !placed->replayed) {
        if (m_eventCommitted)
            m_eventCommitted();
        if (m_salesRecorded)
            m_salesRecorded(paid.items, paid.paidAt, +1);
    }
    return placed;
}

void OrderService::placeBatch(const QList<OrderBatcher::Order *> &batch)
{
    if (batch.size() == 1) {
        batch.first()->answer = placeOnce(*batch.first());
        return;
    }
    QList<Result<IdempotentAnswer>> answers;
    QList<Order> paid; // the new orders, in the batch's order
    const Result<bool> done = m_database.transaction<bool>(
            [&]() -> Result<bool> {
                answers.clear();
                paid.clear();
                // Every product of the batch read in one statement.
                QList<qint64> ids;
                for (const OrderBatcher::Order *order : batch)
                    for (const auto &[productId, quantity] : order->request.items)
                        if (!ids.contains(productId))
                            ids << productId;
                const Result<QHash<qint64, Product>> prices = m_products.getMany(ids);
                if (!prices)
                    return prices.failure();
                for (int i = 0; i < batch.size(); ++i) {
                    if (Status saved = m_database.savepoint(); !saved)
                        return saved.failure();
                    Order order;
                    Result<IdempotentAnswer> answer = payWithKey(*batch[i], order, &prices.value());
                    if (!answer) {
                        if (!refusesOnlyThisOrder(answer.failure()))
                            return answer.failure();
                        if (Status back = m_database.rollbackToSavepoint(); !back)
                            return back.failure();
                    } else if (!answer->replayed) {
                        paid.append(order);
                    }
                    answers.append(answer);
                }
                if (Status lines = m_orders.insertLines(paid); !lines)
                    return lines.failure();
                if (Status events = m_outbox.addPaid(paid); !events)
                    return events.failure();
                if (Status hot = takeHotRows(paid); !hot)
                    return hot.failure();
                return true;
            },
            1);
    if (!done) {
        // Not enough stock for all of them, a deadlock, a price changing, the database
        // failing: every order again on its own, each told its own outcome.
        if (m_batcher)
            m_batcher->countFallback();
        for (OrderBatcher::Order *order : batch)
            order->answer = placeOnce(*order);
        return;
    }
    for (int i = 0; i < batch.size(); ++i)
        batch[i]->answer = answers[i];
    if (paid.isEmpty())
        return;
    if (m_eventCommitted)
        m_eventCommitted();
    if (m_salesRecorded) {
        for (const Order &order : std::as_const(paid))
            m_salesRecorded(order.items, order.paidAt, +1);
    }
}

Result<IdempotentAnswer> OrderService::payWithKey(const OrderBatcher::Order &order, Order &paid,
                                                  const QHash<qint64, Product> *prices)
{
    if (!order.key.isEmpty()) {
        const auto claimed = m_keys.claim(order.request.userId, kScope, order.key, order.requestHash);
        if (!claimed)
            return claimed.failure();
        if (claimed.value())
            return IdempotentAnswer { QJsonDocument::fromJson(claimed.value()->body).object(), true };
    }
    const Result<Order> placed = pay(order.request, prices);
    if (!placed)
        return placed.failure();
    paid = placed.value();
    const QJsonObject body = paid.toJson();
    if (!order.key.isEmpty()) {
        const Status stored = m_keys.complete(order.request.userId, kScope, order.key,
                                              { 201, QJsonDocument(body).toJson(QJsonDocument::Compact) });
        if (!stored)
            return stored.failure();
    }
    return IdempotentAnswer { body, false };
}

Result<Order> OrderService::pay(const RequestValidation::OrderRequest &request, const QHash<qint64, Product> *prices)
{
    QList<qint64> ids;
    for (const auto &[productId, quantity] : request.items)
        ids << productId;
    // Prices as they are now; take() below only succeeds if they still are at commit.
    const Result<QHash<qint64, Product>> products = prices ? Result<QHash<qint64, Product>>(*prices) : m_products.getMany(ids);
    if (!products)
        return products.failure();

    Order order;
    order.userId = request.userId;
    order.status = QStringLiteral("PAID");
    order.userCouponId = request.userCouponId;
    for (const auto &[productId, quantity] : request.items) {
        const auto found = products->constFind(productId);
        if (found == products->cend())
            return Failure { ErrorCode::NotFound, QStringLiteral("no product %1").arg(productId),
                             QJsonObject { { QStringLiteral("productId"), productId } } };
        order.items.append(OrderLine { productId, found->name, found->price, quantity });
        order.totalAmount += found->price * quantity;
    }

    bool hasCoupon = false;
    UserCoupon coupon;
    if (request.userCouponId > 0) {
        const Result<UserCoupon> found = m_coupons.userCoupon(request.userCouponId);
        if (!found)
            return found.failure();
        if (found->userId != request.userId || found->status != QLatin1String("AVAILABLE"))
            return Failure { ErrorCode::CouponNotUsable, QStringLiteral("this coupon is used, expired or not yours"), {} };
        coupon = found.value();
        hasCoupon = true;
    }
    if (request.addressId > 0) {
        // Copied into the order's row: what the address says now is where it goes.
        const Result<Address> address = m_addresses.get(request.userId, request.addressId);
        if (!address && address.failure().code == ErrorCode::NotFound)
            return Failure::validation(QStringLiteral("addressId"), QStringLiteral("addressId is not one of this user's addresses"));
        if (!address)
            return address.failure();
        order.shipping = OrderShipping { address->recipient, address->phone, address->postalCode, address->address1,
                                         address->address2 };
    }
    const Pricing::Amounts amounts = Pricing::amounts(order.totalAmount, hasCoupon, coupon.discountType, coupon.discountValue);
    order.discountAmount = amounts.discount;
    order.paidAmount = amounts.paid;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    order.paidAt = now;

    // In a batch (prices given) the lines and the event are written for all its paid
    // orders at once, after the last of them (placeBatch).
    const bool batched = prices != nullptr;
    const Result<qint64> id = m_orders.insert(order, !batched);
    if (!id)
        return id.failure();
    order.id = id.value();

    if (hasCoupon) {
        const Result<bool> used = m_coupons.use(request.userCouponId, request.userId, order.id);
        if (!used)
            return used.failure();
        if (!used.value())
            return Failure { ErrorCode::CouponNotUsable, QStringLiteral("this coupon was just used by another order"), {} };
    }
    const Result<qint64> paid = m_wallet.debit(request.userId, order.paidAmount, order.id);
    if (!paid)
        return paid.failure();
    if (!batched) {
        if (Status event = m_outbox.add(QStringLiteral("ORDER_PAID"), order, order.paidAt); !event)
            return event.failure();
    }
    return order;
}

Status OrderService::takeHotRows(const QList<Order> &orders)
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

Result<Order> OrderService::get(qint64 orderId)
{
    Result<Order> order = m_orders.get(orderId);
    if (!order)
        return order;
    const Result<QList<OrderRefund>> refunds = m_refunds.forOrder(orderId);
    if (!refunds)
        return refunds.failure();
    order.value().withRefunds = true;
    order.value().refunds = refunds.value();
    return order;
}

Result<Order> OrderService::cancel(qint64 orderId, qint64 adminId)
{
    QList<OrderLine> unrefunded; // the units this cancel takes out of the sales
    Result<Order> cancelled = m_database.transaction<Order>([&]() -> Result<Order> {
        unrefunded.clear();
        // The order row first: a refund of the same order waits, then finds it cancelled.
        if (Status locked = m_orders.lockForChange(orderId); !locked)
            return locked.failure();
        Result<Order> order = m_orders.get(orderId);
        if (!order)
            return order.failure();
        const Order before = order.value();
        const Result<bool> cancelled = m_orders.markCancelled(orderId);
        if (!cancelled)
            return cancelled.failure();
        if (!cancelled.value() && order->fulfilment.status != QLatin1String("UNFULFILLED")
            && order->fulfilment.status != QLatin1String("PACKED") && order->fulfilment.status != QLatin1String("CANCELLED"))
            return Failure { ErrorCode::OrderNotCancellable,
                             QStringLiteral("order %1 is %2: after delivery the way back is a return")
                                     .arg(orderId)
                                     .arg(order->fulfilment.status.toLower()),
                             {} };
        if (!cancelled.value())
            return Failure { ErrorCode::OrderNotCancellable,
                             QStringLiteral("order %1 is %2").arg(orderId).arg(order->status.toLower()), {} };
        // What earlier refunds gave back stays given; the rest goes back now.
        // Past the balance ceiling too: the money was the shopper's (WalletRepository::refund).
        const Result<qint64> refunded = m_wallet.refund(order->userId, order->paidAmount - order->refundedAmount, orderId);
        if (!refunded)
            return refunded.failure();
        if (order->userCouponId > 0) {
            if (Status released = m_coupons.release(order->userCouponId); !released)
                return released.failure();
        }
        order.value().status = QStringLiteral("CANCELLED");
        order.value().fulfilment.status = QStringLiteral("CANCELLED");
        order.value().cancelledAt = QDateTime::currentDateTimeUtc();
        order.value().refundedAmount = order->paidAmount;
        if (Status event = m_outbox.add(QStringLiteral("ORDER_CANCELLED"), order.value(), order->cancelledAt); !event)
            return event.failure();
        if (adminId > 0) {
            if (Status audited = m_audit.record(adminId, QStringLiteral("order.cancel"), QStringLiteral("order"), orderId,
                                                before.toJson(), order->toJson());
                !audited)
                return audited.failure();
        }
        // The hot rows last: stock (ascending product id) and its ledger, then sales.
        QList<StockLedgerRepository::Change> back;
        for (const OrderLine &line : order->items) {
            const qint64 left = line.quantity - line.refundedQuantity;
            if (left <= 0)
                continue;
            if (Status given = m_products.giveBack(line.productId, left); !given)
                return given.failure();
            back.append({ line.productId, left, QStringLiteral("CANCEL"), orderId, {}, 0 });
            OrderLine rest = line;
            rest.quantity = left;
            unrefunded.append(rest);
        }
        if (Status ledger = m_stockLedger.record(back); !ledger)
            return ledger.failure();
        if (Status recorded = m_sales.record(unrefunded, order->paidAt, -1); !recorded)
            return recorded.failure();
        return order;
    });
    if (cancelled.ok()) {
        if (m_eventCommitted)
            m_eventCommitted();
        if (m_salesRecorded && !unrefunded.isEmpty())
            m_salesRecorded(unrefunded, cancelled->paidAt, -1);
    }
    return cancelled;
}

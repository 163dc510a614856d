#include "OrderService.h"

#include "Database.h"
#include "Pricing.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QSet>

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
      m_audit(database), m_addresses(database), m_rows(database), m_eventCommitted(std::move(eventCommitted)),
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
        if (Status hot = m_rows.takeHotRows({ paid }); !hot)
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
    // A plain order (no key, no coupon, its buyer in no other kind of order of this
    // batch) has one statement that can refuse it — its balance's conditional UPDATE —
    // so it needs no savepoint, and its order row and ledger row can wait for the
    // batch's multi-row INSERTs. The others go the savepoint way, one by one.
    QSet<qint64> notPlainBuyers;
    for (const OrderBatcher::Order *order : batch)
        if (!order->key.isEmpty() || order->request.userCouponId > 0)
            notPlainBuyers.insert(order->request.userId);
    const auto plain = [&](const OrderBatcher::Order *order) { return !notPlainBuyers.contains(order->request.userId); };
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
                QList<std::optional<Order>> placed; // by the batch's index
                QList<Order> plainOrders;
                QList<int> plainAt;
                for (int i = 0; i < batch.size(); ++i) {
                    Order order;
                    Result<IdempotentAnswer> answer = IdempotentAnswer {};
                    if (plain(batch[i])) {
                        UserCoupon none;
                        const Result<Order> priced = this->priced(batch[i]->request, prices.value(), &none);
                        if (priced) {
                            const Result<bool> taken = m_wallet.take(priced->userId, priced->paidAmount);
                            if (!taken)
                                return taken.failure();
                            if (taken.value()) {
                                plainOrders.append(priced.value());
                                plainAt.append(i);
                            } else {
                                answer = Failure { ErrorCode::InsufficientBalance, QStringLiteral("the balance is too low for this order"),
                                                   QJsonObject { { QStringLiteral("required"), priced->paidAmount } } };
                            }
                        } else if (refusesOnlyThisOrder(priced.failure())) {
                            answer = priced.failure();
                        } else {
                            return priced.failure();
                        }
                    } else {
                        if (Status saved = m_database.savepoint(); !saved)
                            return saved.failure();
                        answer = payWithKey(*batch[i], order, &prices.value());
                        if (!answer) {
                            if (!refusesOnlyThisOrder(answer.failure()))
                                return answer.failure();
                            if (Status back = m_database.rollbackToSavepoint(); !back)
                                return back.failure();
                        } else if (!answer->replayed) {
                            placed.resize(batch.size());
                            placed[i] = order;
                        }
                    }
                    answers.append(answer);
                }
                if (Status written = m_rows.writePlain(plainOrders); !written)
                    return written.failure();
                placed.resize(batch.size());
                for (int k = 0; k < plainOrders.size(); ++k) {
                    placed[plainAt[k]] = plainOrders[k];
                    answers[plainAt[k]] = IdempotentAnswer { plainOrders[k].toJson(), false };
                }
                for (const std::optional<Order> &order : std::as_const(placed))
                    if (order)
                        paid.append(*order);
                if (Status lines = m_orders.insertLines(paid); !lines)
                    return lines.failure();
                if (Status events = m_outbox.addPaid(paid); !events)
                    return events.failure();
                if (Status hot = m_rows.takeHotRows(paid); !hot)
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

Result<Order> OrderService::priced(const RequestValidation::OrderRequest &request, const QHash<qint64, Product> &products,
                                   UserCoupon *coupon)
{
    Order order;
    order.userId = request.userId;
    order.status = QStringLiteral("PAID");
    order.userCouponId = request.userCouponId;
    for (const auto &[productId, quantity] : request.items) {
        const auto found = products.constFind(productId);
        if (found == products.cend())
            return Failure { ErrorCode::NotFound, QStringLiteral("no product %1").arg(productId),
                             QJsonObject { { QStringLiteral("productId"), productId } } };
        order.items.append(OrderLine { productId, found->name, found->price, quantity });
        order.totalAmount += found->price * quantity;
    }
    bool hasCoupon = false;
    if (request.userCouponId > 0) {
        const Result<UserCoupon> found = m_coupons.userCoupon(request.userCouponId);
        if (!found)
            return found.failure();
        if (found->userId != request.userId || found->status != QLatin1String("AVAILABLE"))
            return Failure { ErrorCode::CouponNotUsable, QStringLiteral("this coupon is used, expired or not yours"), {} };
        *coupon = found.value();
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
    const Pricing::Amounts amounts = Pricing::amounts(order.totalAmount, hasCoupon, coupon->discountType, coupon->discountValue);
    order.discountAmount = amounts.discount;
    order.paidAmount = amounts.paid;
    order.paidAt = QDateTime::currentDateTimeUtc();
    return order;
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
    UserCoupon coupon;
    Result<Order> pricedOrder = priced(request, products.value(), &coupon);
    if (!pricedOrder)
        return pricedOrder;
    Order order = pricedOrder.value();
    const bool hasCoupon = request.userCouponId > 0;

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

#include "DemoShopShipping.h"

#include "AddressService.h"
#include "Database.h"
#include "DemoCatalogue.h"
#include "DemoShopRepository.h"
#include "FulfilmentService.h"
#include "ReturnService.h"

namespace {
constexpr qint64 kHour = 3600;

// How long each step takes a small shop, in seconds: [from, from + span).
struct Span {
    qint64 from;
    qint64 span;
};
constexpr Span kToPack { 2 * kHour, 18 * kHour };
constexpr Span kToShip { 2 * kHour, 16 * kHour };
constexpr Span kToDeliver { 18 * kHour, 42 * kHour };
constexpr Span kToHandOver { 3 * kHour, 45 * kHour }; // a pickup, packed, collected

// CJ대한통운 carries most parcels in Korea, then 우체국, 한진, 롯데 and 로젠.
const char *const kCarriers[] = { "CJ", "CJ", "CJ", "CJ", "EPOST", "EPOST", "HANJIN", "LOTTE", "LOTTE", "LOGEN" };

const char *const kReasons[] = { "사이즈가 맞지 않아요", "단순 변심입니다", "상품이 설명과 달라요", "배송 중 파손되어 도착했어요",
                                 "색상이 화면과 달라요" };

Status inTransaction(Database &database, const std::function<Status()> &work)
{
    return database.transaction<Done>([&]() -> Result<Done> {
        if (Status done = work(); !done)
            return done.failure();
        return Done {};
    });
}
}

DemoShopShipping::DemoShopShipping(Database &database) : m_database(database) { }

Result<QHash<qint64, QList<qint64>>> DemoShopShipping::addressBooks(const QList<qint64> &shoppers,
                                                                    const QDateTime &loadStarted, const QDateTime &opened)
{
    AddressService book(m_database);
    DemoShopRepository history(m_database);
    QHash<qint64, QList<qint64>> out;
    for (int i = 0; i < shoppers.size(); ++i) {
        const qint64 shopper = shoppers.at(i);
        for (const DemoCatalogue::Address &a : DemoCatalogue::addresses(i)) {
            AddressRequests::AddressDraft draft;
            draft.label = a.label;
            draft.recipient = a.recipient;
            draft.phone = a.phone;
            draft.postalCode = a.postalCode;
            draft.address1 = a.address1;
            draft.address2 = a.address2;
            const Result<Address> made = book.create(shopper, draft);
            if (!made)
                return made.failure();
            out[shopper] << made->id;
        }
        // The shopper joined before the shop's first order: charges and addresses then.
        const QDateTime joined = opened.addSecs(-qint64(m_random.bounded(48)) * kHour);
        if (Status dated = inTransaction(m_database, [&] { return history.dateShopper(shopper, loadStarted, joined); }); !dated)
            return dated.failure();
    }
    return out;
}

QString DemoShopShipping::trackingNumber(const QString &carrier)
{
    // Each carrier's own length of digits (우체국 13, 로젠 11, the others 12).
    const int digits = carrier == QLatin1String("EPOST") ? 13 : carrier == QLatin1String("LOGEN") ? 11 : 12;
    QString out;
    for (int i = 0; i < digits; ++i)
        out += QChar(u'0' + (i == 0 ? 1 + int(m_random.bounded(9)) : int(m_random.bounded(10))));
    return out;
}

Status DemoShopShipping::move(Order &order, const QString &status, const QString &carrier, const QString &tracking)
{
    // adminId 0: the demo's moves are no admin's, so the audit log keeps only the load.
    const Result<Order> moved = FulfilmentService(m_database, {}).advance(order.id, { status, carrier, tracking }, 0);
    if (!moved)
        return moved.failure();
    order = moved.value();
    return Done {};
}

Result<QList<DemoShopShipping::Delivered>> DemoShopShipping::fulfil(const QList<Placed> &orders, const QDateTime &now)
{
    DemoShopRepository history(m_database);
    const auto after = [this](const QDateTime &t, const Span &s) { return t.addSecs(s.from + qint64(m_random.bounded(s.span))); };
    QList<Delivered> delivered;
    for (const Placed &placed : orders) {
        Order order;
        order.id = placed.orderId;
        // Its schedule, then as much of it as has happened by now.
        const QDateTime packed = after(placed.paidAt, kToPack);
        const QDateTime shipped = placed.pickup ? QDateTime() : after(packed, kToShip);
        const QDateTime handed = placed.pickup ? after(packed, kToHandOver) : after(shipped, kToDeliver);
        QDateTime packedAt, shippedAt, deliveredAt;
        if (packed < now) {
            if (Status s = move(order, QStringLiteral("PACKED")); !s)
                return s.failure();
            packedAt = packed;
        }
        if (shipped.isValid() && shipped < now) {
            const QString carrier = QString::fromLatin1(kCarriers[m_random.bounded(int(std::size(kCarriers)))]);
            if (Status s = move(order, QStringLiteral("SHIPPED"), carrier, trackingNumber(carrier)); !s)
                return s.failure();
            shippedAt = shipped;
        }
        if (packedAt.isValid() && (shippedAt.isValid() || placed.pickup) && handed < now) {
            if (Status s = move(order, QStringLiteral("DELIVERED")); !s)
                return s.failure();
            deliveredAt = handed;
        }
        if (!packedAt.isValid())
            continue;
        const Status dated = inTransaction(m_database, [&] {
            return history.dateFulfilment(placed.orderId, packedAt, shippedAt, deliveredAt);
        });
        if (!dated)
            return dated.failure();
        if (deliveredAt.isValid())
            delivered.append({ order, deliveredAt });
    }
    std::sort(delivered.begin(), delivered.end(),
              [](const Delivered &a, const Delivered &b) { return a.deliveredAt < b.deliveredAt; });
    return delivered;
}

Result<int> DemoShopShipping::returns(const QList<Delivered> &delivered, const QDateTime &now)
{
    ReturnService returns(m_database, {});
    DemoShopRepository history(m_database);
    // The newest five deliveries: two accepted, one rejected, two still to decide.
    const qsizetype count = qMin<qsizetype>(5, delivered.size());
    int asked = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const Delivered &d = delivered.at(delivered.size() - 1 - i);
        const OrderLine &line = d.order.items.constFirst();
        const auto made = returns.ask(d.order.id, d.order.userId,
                                      { { RefundLine { line.productId, 1 } }, QString::fromUtf8(kReasons[i % std::size(kReasons)]) });
        if (!made)
            return made.failure();
        ++asked;
        // Asked half-way between the delivery and now; decided a while later.
        const QDateTime askedAt = d.deliveredAt.addSecs(d.deliveredAt.secsTo(now) / 2);
        QDateTime decidedAt;
        if (i < 3) {
            const bool accept = i < 2;
            const auto decided = returns.decide(made->id,
                                                { accept, accept,
                                                  accept ? QStringLiteral("회수 확인, 환불했습니다")
                                                         : QStringLiteral("사용 흔적이 있어 반품이 어렵습니다") },
                                                0);
            if (!decided)
                return decided.failure();
            decidedAt = askedAt.addSecs(askedAt.secsTo(now) * 2 / 3);
        }
        const Status dated = inTransaction(m_database, [&] { return history.dateReturn(made->id, d.order.id, askedAt, decidedAt); });
        if (!dated)
            return dated.failure();
    }
    return asked;
}

#include "SoakLoad.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtNetwork/QNetworkReply>

namespace {
QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
}

SoakLoad::SoakLoad(QUrl base, QList<ShopFixture::User> shoppers, QList<qint64> products, QList<qint64> coupons,
                   int orders, int concurrency)
    : m_base(std::move(base)),
      m_shoppers(std::move(shoppers)),
      m_products(std::move(products)),
      m_coupons(std::move(coupons)),
      m_orders(orders),
      m_concurrency(concurrency)
{
}

void SoakLoad::start()
{
    m_clock.start();
    for (int i = 0; i < m_concurrency; ++i)
        send();
}

// The rhythm, per 20 steps: 10 orders, 4 charges, 3 claims, 2 cancels, 1 replay.
SoakLoad::Step SoakLoad::next()
{
    static const Kind kRhythm[20] = { Kind::Order, Kind::Charge, Kind::Order, Kind::Claim, Kind::Order,
                                      Kind::Cancel, Kind::Order, Kind::Charge, Kind::Order, Kind::Claim,
                                      Kind::Order, Kind::Replay, Kind::Order, Kind::Charge, Kind::Order,
                                      Kind::Claim, Kind::Order, Kind::Cancel, Kind::Order, Kind::Charge };
    const int n = m_step++;
    Kind kind = kRhythm[n % 20];
    if ((kind == Kind::Cancel && m_cancellable.isEmpty()) || (kind == Kind::Replay && m_lastOrder.first.isEmpty())
        || (kind == Kind::Claim && m_claimsSent >= m_coupons.size() * m_shoppers.size()))
        kind = Kind::Charge;
    const int shopper = n % int(m_shoppers.size());
    const qint64 userId = m_shoppers.at(shopper).id;
    switch (kind) {
    case Kind::Order: {
        QJsonArray items;
        const int lines = 1 + n % 3;
        const int first = (n * 7) % int(m_products.size() - 2);
        for (int l = 0; l < lines; ++l)
            items.append(QJsonObject { { "productId", m_products.at(first + l) }, { "quantity", 1 + (n + l) % 2 } });
        QJsonObject body { { "userId", userId }, { "items", items } };
        QList<qint64> &mine = m_coupon[shopper];
        if (!mine.isEmpty() && n % 3 == 0)
            body.insert("userCouponId", mine.takeFirst());
        ++m_ordersSent;
        if (m_progress)
            m_progress(m_ordersSent - 1);
        if (m_ordersSent >= m_orders)
            m_done = true;
        return { kind, shopper, QStringLiteral("/api/v1/orders"), compact(body), "soak-o-" + QByteArray::number(n) };
    }
    case Kind::Charge:
        return { kind, shopper, QStringLiteral("/api/v1/users/%1/balance/charge").arg(userId),
                 compact({ { "amount", 5000 } }), "soak-c-" + QByteArray::number(n) };
    case Kind::Claim: {
        const int claim = m_claimsSent++;
        const int claimer = claim % int(m_shoppers.size());
        const qint64 coupon = m_coupons.at(claim / int(m_shoppers.size()));
        return { kind, claimer, QStringLiteral("/api/v1/coupons/%1/issue").arg(coupon),
                 compact({ { "userId", m_shoppers.at(claimer).id } }), {} };
    }
    case Kind::Cancel: {
        // The first shopper's own orders (a shopper may cancel only their own).
        const qint64 order = m_cancellable.takeFirst();
        return { kind, 0, QStringLiteral("/api/v1/orders/%1/cancel").arg(order), {}, {} };
    }
    case Kind::Replay:
        return { kind, m_lastOrderShopper, QStringLiteral("/api/v1/orders"), m_lastOrder.second, m_lastOrder.first };
    }
    Q_UNREACHABLE();
}

void SoakLoad::send()
{
    if (m_done)
        return;
    const Step step = next();
    QNetworkRequest request(m_base.resolved(QUrl(step.path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_shoppers.at(step.shopper).token);
    if (!step.key.isEmpty())
        request.setRawHeader("Idempotency-Key", step.key);
    ++m_inFlight;
    const qint64 sentAt = m_clock.elapsed();
    QNetworkReply *reply = m_network.post(request, step.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, step, sentAt] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        reply->deleteLater();
        --m_inFlight;
        answered(step, status, answer, m_clock.elapsed() - sentAt);
        send();
    });
}

void SoakLoad::answered(const Step &step, int status, const QByteArray &answer, qint64 elapsedMs)
{
    const QJsonObject json = QJsonDocument::fromJson(answer).object();
    switch (step.kind) {
    case Kind::Order: {
        if (status != 201)
            return unexpected(step, status, answer);
        ++m_figures.orders;
        const int tenth = qBound(0, (m_figures.orders - 1) * 10 / m_orders, 9);
        m_orderSumMs[tenth] += double(elapsedMs);
        ++m_orderCount[tenth];
        m_figures.orderMeanMs[tenth] = m_orderSumMs[tenth] / m_orderCount[tenth];
        if (step.shopper == 0 && m_cancellable.size() < 64)
            m_cancellable.append(json.value("id").toInteger());
        m_lastOrder = { step.key, step.body };
        m_lastOrderShopper = step.shopper;
        break;
    }
    case Kind::Charge:
        if (status != 200)
            return unexpected(step, status, answer);
        ++m_figures.charges;
        break;
    case Kind::Claim:
        if (status != 201)
            return unexpected(step, status, answer);
        ++m_figures.claims;
        m_coupon[step.shopper].append(json.value("id").toInteger());
        break;
    case Kind::Cancel:
        if (status != 200 || json.value("status").toString() != QLatin1String("CANCELLED"))
            return unexpected(step, status, answer);
        ++m_figures.cancels;
        break;
    case Kind::Replay:
        if (status != 201)
            return unexpected(step, status, answer);
        ++m_figures.replays;
        break;
    }
}

void SoakLoad::unexpected(const Step &step, int status, const QByteArray &answer)
{
    if (m_figures.unexpected++ == 0)
        m_figures.firstUnexpected = QStringLiteral("%1 %2 → %3 %4")
                                            .arg(step.path, QString::fromUtf8(step.body))
                                            .arg(status)
                                            .arg(QString::fromUtf8(answer.left(300)));
}

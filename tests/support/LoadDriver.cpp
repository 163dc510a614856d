#include "LoadDriver.h"

#include <QtCore/QJsonArray>
#include <QtCore/QTimer>
#include <QtCore/QUuid>
#include <QtNetwork/QNetworkReply>
#include <QtTest/QTest>

LoadDriver::LoadDriver(QUrl base, QList<ShopFixture::User> shoppers, qint64 productId, qint64 couponId, int concurrency,
                       int timeoutMs)
    : m_base(std::move(base)), m_shoppers(std::move(shoppers)), m_product(productId), m_coupon(couponId),
      m_concurrency(concurrency), m_timeoutMs(timeoutMs)
{
    m_network.setTransferTimeout(timeoutMs);
}

void LoadDriver::start()
{
    m_running = true;
    m_clock.start();
    for (int i = 0; i < m_concurrency; ++i)
        sendNext();
}

void LoadDriver::stop()
{
    m_running = false;
    QTRY_VERIFY_WITH_TIMEOUT(m_inFlight == 0, m_timeoutMs + 5000);
}

int LoadDriver::answered(int status) const
{
    return int(std::count_if(m_shots.cbegin(), m_shots.cend(), [status](const Shot &s) { return s.status == status; }));
}

void LoadDriver::sendNext()
{
    if (!m_running)
        return;
    const int n = m_next++;
    const ShopFixture::User &user = m_shoppers.at(n % m_shoppers.size());
    Shot shot;
    shot.headers = user.auth();
    shot.sentAtMs = m_clock.elapsed();
    switch (n % 3) {
    case 0:
        shot.kind = "charge";
        shot.path = QStringLiteral("/api/v1/users/%1/balance/charge").arg(user.id);
        shot.body = QJsonDocument(QJsonObject { { "amount", 1000 } }).toJson(QJsonDocument::Compact);
        shot.key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        break;
    case 1:
        shot.kind = "order";
        shot.path = QStringLiteral("/api/v1/orders");
        shot.body = QJsonDocument(QJsonObject { { "userId", user.id },
                                                { "items", QJsonArray { QJsonObject { { "productId", m_product },
                                                                                       { "quantity", 1 } } } } })
                            .toJson(QJsonDocument::Compact);
        shot.key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        break;
    default: {
        // Claims cycle through the shoppers, so later ones repeat (409 already issued).
        const ShopFixture::User &claimer = m_shoppers.at((n / 3) % m_shoppers.size());
        shot.kind = "claim";
        shot.headers = claimer.auth();
        shot.path = QStringLiteral("/api/v1/coupons/%1/issue").arg(m_coupon);
        shot.body = QJsonDocument(QJsonObject { { "userId", claimer.id } }).toJson(QJsonDocument::Compact);
    }
    }
    if (!shot.key.isEmpty())
        shot.headers.insert("Idempotency-Key", shot.key);
    const int index = int(m_shots.size());
    m_shots.append(shot);

    QNetworkRequest request(m_base.resolved(QUrl(shot.path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (auto it = shot.headers.cbegin(); it != shot.headers.cend(); ++it)
        request.setRawHeader(it.key(), it.value());
    ++m_inFlight;
    QNetworkReply *reply = m_network.post(request, shot.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, index] {
        Shot &s = m_shots[index];
        s.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        s.answer = reply->readAll();
        s.elapsedMs = m_clock.elapsed() - s.sentAtMs;
        reply->deleteLater();
        --m_inFlight;
        // No answer (the server is down): pace the retries instead of spinning.
        if (s.status == 0)
            QTimer::singleShot(50, this, [this] { sendNext(); });
        else
            sendNext();
    });
}

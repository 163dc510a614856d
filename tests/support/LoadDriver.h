#pragma once

#include "ShopFixture.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtNetwork/QNetworkAccessManager>

// A steady mixed load for the fault tests: charges and orders (each with its own
// Idempotency-Key) and coupon claims (a different shopper each), `concurrency` at a
// time, on this thread's event loop, until stop(). Every request and its answer is
// kept, so a test can check afterwards that each 2xx is in MySQL and replay a key.
class LoadDriver : public QObject
{
    Q_OBJECT
public:
    struct Shot {
        QByteArray kind; // charge, order, claim
        QString path;
        QByteArray body;
        QByteArray key; // Idempotency-Key, empty for claims
        QHash<QByteArray, QByteArray> headers;
        int status = 0; // 0: no answer (connection lost, or no answer within the timeout)
        QByteArray answer;
        qint64 elapsedMs = 0;
        qint64 sentAtMs = 0; // since start()
    };

    LoadDriver(QUrl base, QList<ShopFixture::User> shoppers, qint64 productId, qint64 couponId, int concurrency = 6,
               int timeoutMs = 10000);

    void setBase(const QUrl &base) { m_base = base; }
    void start();
    // No new requests; returns once those in flight are answered or timed out.
    void stop();

    const QList<Shot> &shots() const { return m_shots; }
    int answered(int status) const;
    qint64 sinceStartMs() const { return m_clock.elapsed(); }

private:
    void sendNext();

    QUrl m_base;
    QList<ShopFixture::User> m_shoppers;
    qint64 m_product;
    qint64 m_coupon;
    int m_concurrency;
    int m_timeoutMs;
    QNetworkAccessManager m_network;
    QList<Shot> m_shots;
    QElapsedTimer m_clock;
    int m_inFlight = 0;
    int m_next = 0;
    bool m_running = false;
};

#pragma once

#include "ShopFixture.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtNetwork/QNetworkAccessManager>

#include <functional>

// A long steady mix for the soak suite, `concurrency` requests at a time on this
// thread's event loop: per step an order (1–3 lines, an Idempotency-Key, now and then
// the shopper's coupon), and in a fixed rhythm charges (with a key), coupon claims,
// cancels of an earlier order and a replayed key. Nothing per request is kept beyond
// what the next steps need, so the driver itself stays flat in memory; order latency
// is summed per tenth of the run.
class SoakLoad : public QObject
{
    Q_OBJECT
public:
    struct Figures {
        int orders = 0;
        int charges = 0;
        int claims = 0;
        int cancels = 0;
        int replays = 0;
        int unexpected = 0; // any answer that is not the one the step expects
        QString firstUnexpected;
        double orderMeanMs[10] = {};
    };

    SoakLoad(QUrl base, QList<ShopFixture::User> shoppers, QList<qint64> products, QList<qint64> coupons, int orders,
             int concurrency);

    // Called on this thread when order number `n` (0-based) has been sent.
    void onProgress(std::function<void(int)> progress) { m_progress = std::move(progress); }
    void start();
    bool finished() const { return m_done && m_inFlight == 0; }
    const Figures &figures() const { return m_figures; }

private:
    enum class Kind { Order, Charge, Claim, Cancel, Replay };
    struct Step {
        Kind kind;
        int shopper;
        QString path;
        QByteArray body;
        QByteArray key;
    };
    Step next();
    void send();
    void answered(const Step &step, int status, const QByteArray &answer, qint64 elapsedMs);
    void unexpected(const Step &step, int status, const QByteArray &answer);

    QUrl m_base;
    QList<ShopFixture::User> m_shoppers;
    QList<qint64> m_products;
    QList<qint64> m_coupons;
    int m_orders;
    int m_concurrency;
    QNetworkAccessManager m_network;
    QElapsedTimer m_clock;
    std::function<void(int)> m_progress;
    Figures m_figures;
    double m_orderSumMs[10] = {};
    int m_orderCount[10] = {};
    int m_step = 0;
    int m_ordersSent = 0;
    int m_claimsSent = 0;
    int m_inFlight = 0;
    bool m_done = false;
    QList<qint64> m_cancellable;          // recent paid orders, oldest first
    QHash<int, QList<qint64>> m_coupon;   // shopper → claimed, unused user coupons
    QPair<QByteArray, QByteArray> m_lastOrder; // key, body of a recent order, to replay
    int m_lastOrderShopper = 0;
};

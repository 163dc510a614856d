#pragma once

#include "ApiValues.h"
#include "Result.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>

#include <functional>

class AdminClient;
class CatalogueClient;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

// The desktop app's one way to the server: API.md over HTTP, asynchronous. Every call
// takes a context object (the page asking) and a callback that runs on the GUI thread
// with the answer or the Failure in words; when the context is gone by then, nothing
// runs. The client counts requests in flight (for the busy indicator), notices a lost
// server and probes /healthz until it answers again.
class ShopClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Done = std::function<void(const Result<T> &)>;

    explicit ShopClient(QObject *parent = nullptr);
    ~ShopClient() override;

    void setServer(const QUrl &server);
    QUrl server() const { return m_server; }
    // An https:// server's certificate is checked against the system's authorities and
    // these (a shop's private CA, --ca-file); one that does not check out is refused,
    // never ignored, and certificateRefused() says why.
    void setTrustedAuthorities(const QList<QSslCertificate> &authorities);
    // http:// to anything but this machine: passwords and tokens cross the network in clear.
    bool unencryptedRemote() const;
    bool reachable() const { return m_reachable; }
    int inFlight() const { return m_inFlight; }

    // The catalogue's calls (search, categories, pictures, the demo shop): issue 16.
    CatalogueClient *catalogue() const { return m_catalogue; }
    // Running the shop (orders, refunds, customers, stock, audit, reports): issue 17.
    AdminClient *admin() const { return m_admin; }

    const Session &session() const { return m_session; }
    void logout();

    void login(const QString &username, const QString &password, QObject *context, Done<Session> done);
    void registerShopper(const QString &username, const QString &password, QObject *context, Done<qint64> done);
    // A new desktop shop's first run (API.md, Authentication): with the one-time secret
    // the app gave its embedded server, whether the shop still has no administrator,
    // and the creation of that administrator (its id).
    void ownerNeeded(const QByteArray &secret, QObject *context, Done<bool> done);
    void createOwner(const QByteArray &secret, const QString &username, const QString &password, QObject *context,
                     Done<qint64> done);

    void products(int page, int size, QObject *context, Done<Page<Product>> done);
    void product(qint64 productId, QObject *context, Done<Product> done);
    void createProduct(const Product &product, QObject *context, Done<Product> done);
    // Sends only the fields given in `changes` (PATCH).
    void updateProduct(qint64 productId, const QJsonObject &changes, QObject *context, Done<Product> done);
    void topProducts(int days, int limit, QObject *context, Done<QList<TopProduct>> done);

    void balance(QObject *context, Done<qint64> done);
    void charge(qint64 amount, QObject *context, Done<qint64> done);
    void balanceHistory(int page, int size, QObject *context, Done<Page<LedgerEntry>> done);

    void coupons(QObject *context, Done<QList<Coupon>> done);
    void createCoupon(const Coupon &coupon, QObject *context, Done<Coupon> done);
    void claimCoupon(qint64 couponId, QObject *context, Done<UserCoupon> done);
    // status: AVAILABLE, USED, EXPIRED, or empty for all.
    void myCoupons(const QString &status, QObject *context, Done<QList<UserCoupon>> done);

    void placeOrder(const QList<OrderLine> &lines, qint64 userCouponId, QObject *context, Done<Order> done);
    void orders(int page, int size, QObject *context, Done<Page<Order>> done);
    void cancelOrder(qint64 orderId, QObject *context, Done<Order> done);

    void salesPerDay(int days, QObject *context, Done<QList<SalesDay>> done);
    void outbox(QObject *context, Done<OutboxHealth> done);
    void dataPlatform(QObject *context, Done<DataPlatformHealth> done);
    void metrics(QObject *context, Done<QByteArray> done);

Q_SIGNALS:
    // What is loading right now (empty when nothing is): for the status bar.
    void activityChanged(int inFlight, const QString &latest);
    void reachableChanged(bool reachable);
    // A request with our token came back 401: the session ended on the server.
    void sessionExpired();
    void sessionChanged();
    // The wallet balance as last read or changed (for the window's header).
    void balanceChanged(qint64 balance);
    // A request went out (tests count what typing sends; the status bar does not use it).
    void requestStarted(const QByteArray &method, const QString &path);
    // The server's certificate did not check out; `text` names the host, what is wrong
    // and the certificate's SHA-256 fingerprint.
    void certificateRefused(const QString &text);

private:
    friend class AccountClient;
    friend class AdminClient;
    friend class CatalogueClient;
    friend class ShippingClient;
    using RawDone = std::function<void(const Result<QByteArray> &)>;
    using Progress = std::function<void(qint64 sent, qint64 total)>;
    struct Call {
        QByteArray method;
        QString path;
        QByteArray body;
        QString activity;
        bool idempotent = false; // send an Idempotency-Key so a retried payment never pays twice
        // A public picture: no token, and kept in the disk cache (its ETag and
        // Cache-Control decide for how long). Everything else always asks the server.
        bool picture = false;
        QByteArray contentType = QByteArrayLiteral("application/json");
        Progress uploaded = {};
        // X-Owner-Secret: only the owner routes of the app's embedded server take it.
        QByteArray ownerSecret = {};
    };
    void send(const Call &call, QObject *context, RawDone done);
    template<typename T>
    void sendJson(const Call &call, QObject *context, Done<T> done, std::function<T(const QJsonObject &)> parse)
    {
        send(call, context, [done = std::move(done), parse = std::move(parse)](const Result<QByteArray> &raw) {
            if (!raw) {
                done(raw.failure());
                return;
            }
            done(parse(QJsonDocument::fromJson(raw.value()).object()));
        });
    }
    void finish(QNetworkReply *reply, const QString &activity, QPointer<QObject> context, const RawDone &done);
    QNetworkRequest request(const QString &path) const;
    // Why the last handshake with the server was refused, in words (set by sslErrors).
    QString m_certificateProblem;
    QSslConfiguration m_ssl;
    Done<qint64> announceBalance(Done<qint64> done);
    void setReachable(bool reachable);
    void probe();
    QString userPath(const QString &tail) const;

    QNetworkAccessManager *m_network;
    CatalogueClient *m_catalogue;
    AdminClient *m_admin;
    QUrl m_server;
    Session m_session;
    int m_inFlight = 0;
    bool m_reachable = true;
    QTimer m_probe;
};

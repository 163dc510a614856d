#include "ShopClient.h"

#include "AdminClient.h"
#include "CatalogueClient.h"
#include "IsoTime.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QUrlQuery>
#include <QtCore/QStandardPaths>
#include <QtCore/QUuid>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QSslError>
#include <QtNetwork/QNetworkDiskCache>
#include <QtNetwork/QNetworkReply>

namespace {
constexpr int kTransferTimeoutMs = 15000;
constexpr int kProbeIntervalMs = 2000;
constexpr qint64 kPictureCacheBytes = 200LL * 1024 * 1024;

QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

// The network never answered (refused, reset, timed out): the server is lost, as
// opposed to an HTTP error, which is an answer.
bool isTransportError(QNetworkReply::NetworkError error)
{
    return error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
}
}

ShopClient::ShopClient(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this)), m_catalogue(new CatalogueClient(this)),
      m_admin(new AdminClient(this))
{
    // Pictures come back from disk on the next start (and while the server is away);
    // the server's ETag makes a stale one a cheap 304.
    auto *cache = new QNetworkDiskCache(m_network);
    cache->setCacheDirectory(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
                             + QStringLiteral("/pictures"));
    cache->setMaximumCacheSize(kPictureCacheBytes);
    m_network->setCache(cache);
    m_probe.setInterval(kProbeIntervalMs);
    connect(&m_probe, &QTimer::timeout, this, &ShopClient::probe);
    m_ssl = QSslConfiguration::defaultConfiguration();
    // A certificate that does not check out: the request fails (Qt's default, nothing is
    // ignored); what was wrong and whose certificate it was are kept for the message.
    connect(m_network, &QNetworkAccessManager::sslErrors, this, [this](QNetworkReply *reply, const QList<QSslError> &errors) {
        QStringList why;
        for (const QSslError &error : errors)
            why << error.errorString();
        const QSslCertificate presented = errors.isEmpty() || errors.first().certificate().isNull()
                ? reply->sslConfiguration().peerCertificate()
                : errors.first().certificate();
        QStringList hex;
        for (const char byte : presented.digest(QCryptographicHash::Sha256))
            hex << QString::number(quint8(byte), 16).rightJustified(2, QLatin1Char('0')).toUpper();
        m_certificateProblem = tr("The certificate of %1 was refused: %2. Its SHA-256 fingerprint is %3. If this is your "
                                  "shop's own certificate, start the app with --ca-file and the file of the authority "
                                  "that signed it.")
                                       .arg(reply->url().host(), why.join(QStringLiteral("; ")),
                                            hex.isEmpty() ? tr("unknown") : hex.join(QLatin1Char(':')));
    });
}

void ShopClient::setTrustedAuthorities(const QList<QSslCertificate> &authorities)
{
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setCaCertificates(m_ssl.caCertificates() + authorities);
}

bool ShopClient::unencryptedRemote() const
{
    if (m_server.scheme() != QLatin1String("http"))
        return false;
    const QHostAddress address(m_server.host());
    return !(m_server.host() == QLatin1String("localhost") || (!address.isNull() && address.isLoopback()));
}

QNetworkRequest ShopClient::request(const QString &path) const
{
    QNetworkRequest request(m_server.resolved(QUrl(path)));
    if (m_server.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_ssl);
    return request;
}

ShopClient::~ShopClient() = default;

void ShopClient::setServer(const QUrl &server)
{
    m_server = server;
    m_certificateProblem.clear();
    setReachable(true);
}

void ShopClient::logout()
{
    m_session = Session {};
    Q_EMIT sessionChanged();
}

QString ShopClient::userPath(const QString &tail) const
{
    return QStringLiteral("/api/v1/users/%1/%2").arg(m_session.userId).arg(tail);
}

void ShopClient::send(const Call &call, QObject *context, RawDone done)
{
    QNetworkRequest request = this->request(call.path);
    request.setTransferTimeout(kTransferTimeoutMs);
    if (!call.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, call.contentType);
    if (call.picture) {
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferNetwork);
    } else {
        // Live stock and balances: never an answer from the disk cache.
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    }
    if (m_session.loggedIn() && !call.picture)
        request.setRawHeader("Authorization", "Bearer " + m_session.token);
    if (!call.ownerSecret.isEmpty())
        request.setRawHeader("X-Owner-Secret", call.ownerSecret);
    if (call.idempotent)
        request.setRawHeader("Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    QNetworkReply *reply = m_network->sendCustomRequest(request, call.method, call.body);
    if (call.uploaded)
        connect(reply, &QNetworkReply::uploadProgress, this, call.uploaded);
    Q_EMIT requestStarted(call.method, call.path);
    ++m_inFlight;
    Q_EMIT activityChanged(m_inFlight, call.activity);
    QPointer<QObject> guard(context);
    const bool hadToken = m_session.loggedIn() && !call.picture;
    connect(reply, &QNetworkReply::finished, this, [=, done = std::move(done)] {
        // A 401 INVALID_CREDENTIALS (a wrong current password when changing it) is a
        // refusal of what was typed, not the end of the session.
        if (hadToken && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 401
            && m_session.loggedIn()
            && Failure::fromJson(QJsonDocument::fromJson(reply->peek(reply->bytesAvailable())).object()).code
                    != ErrorCode::InvalidCredentials)
            Q_EMIT sessionExpired();
        finish(reply, call.activity, guard, done);
    });
}

void ShopClient::finish(QNetworkReply *reply, const QString &activity, QPointer<QObject> context, const RawDone &done)
{
    reply->deleteLater();
    --m_inFlight;
    Q_EMIT activityChanged(m_inFlight, m_inFlight > 0 ? activity : QString());
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    Result<QByteArray> result = body;
    if (reply->error() == QNetworkReply::SslHandshakeFailedError && !m_certificateProblem.isEmpty()) {
        // Not an outage: the server answered with a certificate we will not trust. No
        // retrying banner; the refusal itself, in words.
        result = Failure { ErrorCode::Unavailable, m_certificateProblem, QJsonObject { { QStringLiteral("fromApp"), true } } };
        Q_EMIT certificateRefused(m_certificateProblem);
    } else if (status == 0 || isTransportError(reply->error())) {
        setReachable(false);
        result = Failure { ErrorCode::Unavailable,
                           tr("The server at %1 cannot be reached (%2).").arg(m_server.toString(), reply->errorString()),
                           {} };
    } else {
        setReachable(true);
        if (status < 200 || status > 299) {
            Failure failure = Failure::fromJson(QJsonDocument::fromJson(body).object());
            if (failure.message.isEmpty())
                failure.message = tr("The server answered HTTP %1.").arg(status);
            result = failure;
        }
    }
    if (context)
        done(result);
}

void ShopClient::setReachable(bool reachable)
{
    if (reachable == m_reachable)
        return;
    m_reachable = reachable;
    if (reachable)
        m_probe.stop();
    else
        m_probe.start();
    Q_EMIT reachableChanged(reachable);
}

void ShopClient::probe()
{
    QNetworkRequest request = this->request(QStringLiteral("/healthz"));
    request.setTransferTimeout(kProbeIntervalMs);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
            setReachable(true);
    });
}

void ShopClient::login(const QString &username, const QString &password, QObject *context, Done<Session> done)
{
    const Call call { "POST", QStringLiteral("/api/v1/auth/login"),
                      compact({ { "username", username }, { "password", password } }), tr("Signing in"), false };
    send(call, context, [this, done = std::move(done)](const Result<QByteArray> &raw) {
        if (!raw) {
            done(raw.failure());
            return;
        }
        m_session = Session::fromLogin(QJsonDocument::fromJson(raw.value()).object());
        Q_EMIT sessionChanged();
        done(m_session);
    });
}

void ShopClient::registerShopper(const QString &username, const QString &password, QObject *context, Done<qint64> done)
{
    sendJson<qint64>({ "POST", QStringLiteral("/api/v1/auth/register"),
                       compact({ { "username", username }, { "password", password } }), tr("Creating the account") },
                     context, std::move(done), [](const QJsonObject &json) { return json.value("id").toInteger(); });
}

void ShopClient::ownerNeeded(const QByteArray &secret, QObject *context, Done<bool> done)
{
    Call call { "GET", QStringLiteral("/api/v1/auth/owner"), {}, tr("Checking the shop's owner") };
    call.ownerSecret = secret;
    sendJson<bool>(call, context, std::move(done),
                   [](const QJsonObject &json) { return json.value(QStringLiteral("ownerNeeded")).toBool(); });
}

void ShopClient::createOwner(const QByteArray &secret, const QString &username, const QString &password,
                             QObject *context, Done<qint64> done)
{
    Call call { "POST", QStringLiteral("/api/v1/auth/owner"),
                compact({ { "username", username }, { "password", password } }), tr("Creating the shop's owner") };
    call.ownerSecret = secret;
    sendJson<qint64>(call, context, std::move(done), [](const QJsonObject &json) { return json.value("id").toInteger(); });
}

void ShopClient::products(int page, int size, QObject *context, Done<Page<Product>> done)
{
    sendJson<Page<Product>>({ "GET", QStringLiteral("/api/v1/products?page=%1&size=%2").arg(page).arg(size), {},
                              tr("Loading products") },
                            context, std::move(done),
                            [](const QJsonObject &json) { return ApiValues::page(json, &Product::fromJson); });
}

void ShopClient::product(qint64 productId, QObject *context, Done<Product> done)
{
    sendJson<Product>({ "GET", QStringLiteral("/api/v1/products/%1").arg(productId), {}, tr("Checking stock") }, context,
                      std::move(done), &Product::fromJson);
}

void ShopClient::createProduct(const Product &product, QObject *context, Done<Product> done)
{
    QJsonObject body = product.toJson();
    body.remove(QStringLiteral("id"));
    sendJson<Product>({ "POST", QStringLiteral("/api/v1/admin/products"), compact(body), tr("Creating the product") },
                      context, std::move(done), &Product::fromJson);
}

void ShopClient::updateProduct(qint64 productId, const QJsonObject &changes, QObject *context, Done<Product> done)
{
    sendJson<Product>({ "PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(productId), compact(changes),
                        tr("Saving the product") },
                      context, std::move(done), &Product::fromJson);
}

void ShopClient::topProducts(int days, int limit, QObject *context, Done<QList<TopProduct>> done)
{
    sendJson<QList<TopProduct>>({ "GET", QStringLiteral("/api/v1/products/top?days=%1&limit=%2").arg(days).arg(limit),
                                  {}, tr("Loading top products") },
                                context, std::move(done),
                                [](const QJsonObject &json) { return ApiValues::items(json, &TopProduct::fromJson); });
}

ShopClient::Done<qint64> ShopClient::announceBalance(Done<qint64> done)
{
    return [this, done = std::move(done)](const Result<qint64> &balance) {
        if (balance)
            Q_EMIT balanceChanged(balance.value());
        done(balance);
    };
}

void ShopClient::balance(QObject *context, Done<qint64> done)
{
    sendJson<qint64>({ "GET", userPath(QStringLiteral("balance")), {}, tr("Loading the balance") }, context,
                     announceBalance(std::move(done)),
                     [](const QJsonObject &json) { return json.value("balance").toInteger(); });
}

void ShopClient::charge(qint64 amount, QObject *context, Done<qint64> done)
{
    sendJson<qint64>({ "POST", userPath(QStringLiteral("balance/charge")), compact({ { "amount", amount } }),
                       tr("Charging the wallet"), true },
                     context, announceBalance(std::move(done)),
                     [](const QJsonObject &json) { return json.value("balance").toInteger(); });
}

void ShopClient::balanceHistory(int page, int size, QObject *context, Done<Page<LedgerEntry>> done)
{
    sendJson<Page<LedgerEntry>>(
            { "GET", userPath(QStringLiteral("balance/history?page=%1&size=%2").arg(page).arg(size)), {},
              tr("Loading the wallet history") },
            context, std::move(done), [](const QJsonObject &json) { return ApiValues::page(json, &LedgerEntry::fromJson); });
}

void ShopClient::coupons(QObject *context, Done<QList<Coupon>> done)
{
    sendJson<QList<Coupon>>({ "GET", QStringLiteral("/api/v1/coupons"), {}, tr("Loading coupons") }, context,
                            std::move(done),
                            [](const QJsonObject &json) { return ApiValues::items(json, &Coupon::fromJson); });
}

void ShopClient::createCoupon(const Coupon &coupon, QObject *context, Done<Coupon> done)
{
    QJsonObject body { { "name", coupon.name },
                       { "discountType", discountTypeName(coupon.discountType) },
                       { "discountValue", coupon.discountValue },
                       { "quantity", coupon.quantity },
                       { "validUntil", IsoTime::format(coupon.validUntil) } };
    if (coupon.validFrom.isValid())
        body.insert(QStringLiteral("validFrom"), IsoTime::format(coupon.validFrom));
    sendJson<Coupon>({ "POST", QStringLiteral("/api/v1/admin/coupons"), compact(body), tr("Creating the coupon") },
                     context, std::move(done), &Coupon::fromJson);
}

void ShopClient::claimCoupon(qint64 couponId, QObject *context, Done<UserCoupon> done)
{
    sendJson<UserCoupon>({ "POST", QStringLiteral("/api/v1/coupons/%1/issue").arg(couponId),
                           compact({ { "userId", m_session.userId } }), tr("Claiming the coupon") },
                         context, std::move(done), &UserCoupon::fromJson);
}

void ShopClient::myCoupons(const QString &status, QObject *context, Done<QList<UserCoupon>> done)
{
    const QString path = status.isEmpty() ? userPath(QStringLiteral("coupons"))
                                          : userPath(QStringLiteral("coupons?status=%1").arg(status));
    sendJson<QList<UserCoupon>>({ "GET", path, {}, tr("Loading my coupons") }, context, std::move(done),
                                [](const QJsonObject &json) { return ApiValues::items(json, &UserCoupon::fromJson); });
}

void ShopClient::placeOrder(const QList<OrderLine> &lines, qint64 userCouponId, QObject *context, Done<Order> done)
{
    QJsonArray items;
    for (const OrderLine &line : lines)
        items.append(QJsonObject { { "productId", line.productId }, { "quantity", line.quantity } });
    QJsonObject body { { "userId", m_session.userId }, { "items", items } };
    if (userCouponId > 0)
        body.insert(QStringLiteral("userCouponId"), userCouponId);
    sendJson<Order>({ "POST", QStringLiteral("/api/v1/orders"), compact(body), tr("Paying"), true }, context,
                    std::move(done), &Order::fromJson);
}

void ShopClient::orders(int page, int size, QObject *context, Done<Page<Order>> done)
{
    sendJson<Page<Order>>({ "GET", userPath(QStringLiteral("orders?page=%1&size=%2").arg(page).arg(size)), {},
                            tr("Loading orders") },
                          context, std::move(done),
                          [](const QJsonObject &json) { return ApiValues::page(json, &Order::fromJson); });
}

void ShopClient::cancelOrder(qint64 orderId, QObject *context, Done<Order> done)
{
    sendJson<Order>({ "POST", QStringLiteral("/api/v1/orders/%1/cancel").arg(orderId), {}, tr("Cancelling the order") },
                    context, std::move(done), &Order::fromJson);
}

void ShopClient::salesPerDay(int days, QObject *context, Done<QList<SalesDay>> done)
{
    sendJson<QList<SalesDay>>({ "GET", QStringLiteral("/api/v1/admin/stats/sales?days=%1").arg(days), {},
                                tr("Loading sales") },
                              context, std::move(done), [](const QJsonObject &json) {
                                  QList<SalesDay> out;
                                  for (const QJsonValue &day : json.value(QStringLiteral("days")).toArray())
                                      out.append(SalesDay::fromJson(day.toObject()));
                                  return out;
                              });
}

void ShopClient::outbox(QObject *context, Done<OutboxHealth> done)
{
    sendJson<OutboxHealth>({ "GET", QStringLiteral("/api/v1/admin/outbox"), {}, tr("Loading outbox health") }, context,
                           std::move(done), &OutboxHealth::fromJson);
}

void ShopClient::dataPlatform(QObject *context, Done<DataPlatformHealth> done)
{
    sendJson<DataPlatformHealth>({ "GET", QStringLiteral("/api/v1/admin/data-platform"), {},
                                   tr("Loading data-platform health") },
                                 context, std::move(done), &DataPlatformHealth::fromJson);
}

void ShopClient::metrics(QObject *context, Done<QByteArray> done)
{
    send({ "GET", QStringLiteral("/metrics"), {}, tr("Reading server metrics") }, context, std::move(done));
}

#pragma once

#include "HttpClient.h"
#include "StorefrontServer.h"

#include <functional>
#include <memory>

// A StorefrontServer on the test stack plus the shop's common steps over real HTTP:
// shoppers, an admin, products, coupons. Password hashing is cheap here (1,000
// iterations) so tests can make hundreds of users.
class ShopFixture
{
public:
    static constexpr const char *kAdminPassword = "admin-password-1";

    // dataPlatform: run the data-platform consumer in the server (event tests).
    // STOREFRONT_TEST_CONCURRENCY=db-lock|redis-lock picks the lock strategy, so one
    // race test runs under both (ctest registers it twice).
    bool start(int workers = 8, bool dataPlatform = false);
    // Drives a shop that other processes serve (the cluster tests' instances behind
    // HAProxy) with the same helpers, no server of its own: the `admin` account must
    // exist with kAdminPassword. server() is not available then.
    bool attach(const QUrl &base);
    // Applied to the server's config by the next start().
    void configure(std::function<void(ServerConfig &)> tweak) { m_tweak = std::move(tweak); }
    StorefrontServer &server() { return *m_server; }
    void stop();

    QUrl baseUrl() const;
    HttpClient &client() { return *m_client; }

    struct User {
        qint64 id = 0;
        QByteArray token;
        QString username;
        QHash<QByteArray, QByteArray> auth() const { return { { "Authorization", "Bearer " + token } }; }
    };
    // A new shopper with a unique name, logged in; id 0 on failure.
    User newShopper();
    const User &admin() const { return m_admin; }

    qint64 createProduct(const QString &name, qint64 price, qint64 stock);
    qint64 createCoupon(const QString &type, qint64 value, qint64 quantity, const QString &validUntil = QStringLiteral("2099-01-01T00:00:00Z"),
                        const QString &validFrom = QString());
    qint64 balanceOf(const User &user);
    bool charge(const User &user, qint64 amount);
    qint64 stockOf(qint64 productId);
    // One line of `quantity`; the new order's id, 0 when refused.
    qint64 placeOrder(const User &user, qint64 productId, int quantity);
    // The admin's PATCH of a product's stock; true on 200.
    bool setStock(qint64 productId, qint64 stock);
    // InvariantChecker on the test database: empty when every invariant holds,
    // otherwise its readable report (for QVERIFY2).
    QString invariantViolations();
    // SELECT of one number straight from MySQL, to check what the API says.
    qint64 scalar(const QString &sql, const QVariantList &bindings = {});
    // A statement straight on MySQL (what a later admin route would do); rows affected,
    // -1 on failure.
    int execute(const QString &sql, const QVariantList &bindings = {});

private:
    bool loginAdmin();

    std::function<void(ServerConfig &)> m_tweak;
    std::unique_ptr<StorefrontServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    QUrl m_base;
    User m_admin;
    int m_next = 0;
};

#include "ShopFixture.h"

#include "Database.h"
#include "InvariantChecker.h"
#include "TestStack.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRandomGenerator>
#include <QtSql/QSqlQuery>

bool ShopFixture::start(int workers, bool dataPlatform)
{
    if (!TestStack::instance())
        return false;
    ServerConfig config = TestStack::serverConfig(workers);
    config.passwordIterations = 1000;
    config.dataPlatform = dataPlatform;
    config.adminPassword = QString::fromLatin1(kAdminPassword);
    config.tokenSecret = QStringLiteral("test-secret-test-secret-test-secret");
    if (const QString strategy = qEnvironmentVariable("STOREFRONT_TEST_CONCURRENCY"); !strategy.isEmpty()) {
        const auto parsed = concurrencyStrategyFromName(strategy);
        if (!parsed)
            return false;
        config.concurrency = *parsed;
    }
    if (m_tweak)
        m_tweak(config);
    m_server = std::make_unique<StorefrontServer>(config);
    if (!m_server->start().ok())
        return false;
    m_base = QUrl(m_server->baseUrl());
    m_client = std::make_unique<HttpClient>(m_base);
    return loginAdmin();
}

bool ShopFixture::attach(const QUrl &base)
{
    m_server.reset();
    m_base = base;
    m_client = std::make_unique<HttpClient>(m_base);
    return loginAdmin();
}

bool ShopFixture::loginAdmin()
{
    const HttpClient::Reply login = m_client->post(QStringLiteral("/api/v1/auth/login"),
                                                   { { "username", "admin" }, { "password", kAdminPassword } });
    m_admin.token = login.json().value(QStringLiteral("token")).toString().toLatin1();
    m_admin.id = login.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toInteger();
    m_admin.username = QStringLiteral("admin");
    return login.status == 200 && !m_admin.token.isEmpty();
}

void ShopFixture::stop()
{
    m_client.reset();
    m_server.reset();
}

QUrl ShopFixture::baseUrl() const
{
    return m_base;
}

ShopFixture::User ShopFixture::newShopper()
{
    // Unique across test runs on one stack too: a random stem plus a counter.
    static const QString stem = QString::number(QRandomGenerator::global()->bounded(1000000));
    User user;
    user.username = QStringLiteral("s%1_%2").arg(stem).arg(++m_next);
    const QJsonObject credentials { { "username", user.username }, { "password", "password-123" } };
    const HttpClient::Reply registered = m_client->post(QStringLiteral("/api/v1/auth/register"), credentials);
    if (registered.status != 201)
        return User {};
    const HttpClient::Reply login = m_client->post(QStringLiteral("/api/v1/auth/login"), credentials);
    user.id = registered.json().value(QStringLiteral("id")).toInteger();
    user.token = login.json().value(QStringLiteral("token")).toString().toLatin1();
    return user;
}

qint64 ShopFixture::createProduct(const QString &name, qint64 price, qint64 stock)
{
    const HttpClient::Reply r = m_client->post(QStringLiteral("/api/v1/admin/products"),
                                               { { "name", name }, { "price", price }, { "stock", stock } }, m_admin.auth());
    return r.status == 201 ? r.json().value(QStringLiteral("id")).toInteger() : 0;
}

qint64 ShopFixture::createCoupon(const QString &type, qint64 value, qint64 quantity, const QString &validUntil,
                                 const QString &validFrom)
{
    QJsonObject body { { "name", QStringLiteral("%1 %2").arg(type).arg(value) },
                       { "discountType", type },
                       { "discountValue", value },
                       { "quantity", quantity },
                       { "validUntil", validUntil } };
    if (!validFrom.isEmpty())
        body.insert(QStringLiteral("validFrom"), validFrom);
    const HttpClient::Reply r = m_client->post(QStringLiteral("/api/v1/admin/coupons"), body, m_admin.auth());
    return r.status == 201 ? r.json().value(QStringLiteral("id")).toInteger() : 0;
}

qint64 ShopFixture::balanceOf(const User &user)
{
    return m_client->get(QStringLiteral("/api/v1/users/%1/balance").arg(user.id), user.auth())
            .json()
            .value(QStringLiteral("balance"))
            .toInteger(-1);
}

bool ShopFixture::charge(const User &user, qint64 amount)
{
    return m_client->post(QStringLiteral("/api/v1/users/%1/balance/charge").arg(user.id), { { "amount", amount } }, user.auth())
                   .status
            == 200;
}

qint64 ShopFixture::stockOf(qint64 productId)
{
    return m_client->get(QStringLiteral("/api/v1/products/%1").arg(productId), m_admin.auth())
            .json()
            .value(QStringLiteral("stock"))
            .toInteger(-1);
}

qint64 ShopFixture::placeOrder(const User &user, qint64 productId, int quantity)
{
    const QJsonObject body { { "userId", user.id },
                             { "items", QJsonArray { QJsonObject { { "productId", productId }, { "quantity", quantity } } } } };
    const HttpClient::Reply r = m_client->post(QStringLiteral("/api/v1/orders"), body, user.auth());
    return r.status == 201 ? r.json().value(QStringLiteral("id")).toInteger() : 0;
}

bool ShopFixture::setStock(qint64 productId, qint64 stock)
{
    const HttpClient::Reply r = m_client->send("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(productId),
                                               QJsonDocument(QJsonObject { { "stock", stock } }).toJson(), m_admin.auth());
    return r.status == 200;
}

QString ShopFixture::invariantViolations()
{
    Database db(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(), QStringLiteral("fixture-invariants"));
    const auto violations = InvariantChecker(db).run();
    if (!violations)
        return QStringLiteral("cannot check: ") + violations.failure().message;
    return violations->isEmpty() ? QString() : InvariantChecker::report(violations.value());
}

int ShopFixture::execute(const QString &sql, const QVariantList &bindings)
{
    Database db(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(), QStringLiteral("fixture-execute"));
    const auto q = db.run(sql, bindings);
    return q ? q.value()->numRowsAffected() : -1;
}

qint64 ShopFixture::scalar(const QString &sql, const QVariantList &bindings)
{
    Database db(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(), QStringLiteral("fixture-scalar"));
    const auto q = db.run(sql, bindings);
    if (!q || !q.value()->next())
        return -1;
    return q.value()->value(0).toLongLong();
}

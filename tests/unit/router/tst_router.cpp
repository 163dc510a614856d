#include "Router.h"

#include <QtTest/QTest>

class tst_Router : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void match_data();
    void match();

private:
    Router m_router;
};

using Method = Router::Method;
using Kind = Router::Match::Kind;
Q_DECLARE_METATYPE(Router::Method)
Q_DECLARE_METATYPE(Router::Match::Kind)

void tst_Router::initTestCase()
{
    const auto noop = [](const RequestContext &) { return QHttpServerResponse(QHttpServerResponse::StatusCode::Ok); };
    m_router.add(Method::Get, QStringLiteral("/api/v1/products"), noop);
    m_router.add(Method::Get, QStringLiteral("/api/v1/products/{productId}"), noop);
    m_router.add(Method::Get, QStringLiteral("/api/v1/products/top"), noop);
    m_router.add(Method::Get, QStringLiteral("/api/v1/users/{userId}/balance"), noop);
    m_router.add(Method::Post, QStringLiteral("/api/v1/users/{userId}/balance/charge"), noop);
    m_router.add(Method::Post, QStringLiteral("/api/v1/admin/products"), noop);
    m_router.add(Method::Patch, QStringLiteral("/api/v1/admin/products/{productId}"), noop);
}

void tst_Router::match_data()
{
    QTest::addColumn<Method>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("parameter"); // name=value, or empty
    QTest::addColumn<QString>("allowed");

    QTest::newRow("literal") << Method::Get << "/api/v1/products" << Kind::Found << "/api/v1/products" << ""
                             << "";
    QTest::newRow("trailing slash") << Method::Get << "/api/v1/products/" << Kind::Found << "/api/v1/products"
                                    << "" << "";
    QTest::newRow("parameter") << Method::Get << "/api/v1/products/42" << Kind::Found
                               << "/api/v1/products/{productId}" << "productId=42" << "";
    QTest::newRow("literal beats parameter") << Method::Get << "/api/v1/products/top" << Kind::Found
                                             << "/api/v1/products/top" << "" << "";
    QTest::newRow("nested parameter") << Method::Post << "/api/v1/users/7/balance/charge" << Kind::Found
                                      << "/api/v1/users/{userId}/balance/charge" << "userId=7" << "";
    QTest::newRow("wrong method") << Method::Delete << "/api/v1/users/7/balance" << Kind::WrongMethod
                                  << "/api/v1/users/{userId}/balance" << "" << "GET";
    QTest::newRow("wrong method on literal") << Method::Post << "/api/v1/products/top" << Kind::WrongMethod
                                             << "/api/v1/products/top" << "" << "GET";
    QTest::newRow("unknown") << Method::Get << "/api/v1/nothing" << Kind::NoSuchPath << "unmatched" << ""
                             << "";
    QTest::newRow("too deep") << Method::Get << "/api/v1/products/1/2" << Kind::NoSuchPath << "unmatched" << ""
                              << "";
    QTest::newRow("root") << Method::Get << "/" << Kind::NoSuchPath << "unmatched" << "" << "";
}

void tst_Router::match()
{
    QFETCH(Method, method);
    QFETCH(QString, path);
    QFETCH(Kind, kind);
    QFETCH(QString, route);
    QFETCH(QString, parameter);
    QFETCH(QString, allowed);

    const Router::Match m = m_router.match(method, path);
    QCOMPARE(m.kind, kind);
    QCOMPARE(m.route, route);
    QCOMPARE(m.handler != nullptr, kind == Kind::Found);
    if (!parameter.isEmpty()) {
        const QStringList pair = parameter.split(QLatin1Char('='));
        QCOMPARE(m.parameters.value(pair[0]), pair[1]);
    }
    QStringList allowedNames;
    for (const Method a : m.allowed)
        allowedNames << QString::fromLatin1(Router::methodName(a));
    QCOMPARE(allowedNames.join(QLatin1Char(',')), allowed);
}

QTEST_GUILESS_MAIN(tst_Router)
#include "tst_router.moc"

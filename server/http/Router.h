#pragma once

#include "RequestContext.h"

#include <QtHttpServer/QHttpServerRequest>
#include <QtHttpServer/QHttpServerResponse>

#include <functional>
#include <memory>
#include <vector>

// Maps method and path to a handler. Paths are templates with {named} segments
// ("/api/v1/users/{userId}/balance"); literal segments win over parameters, so
// "/products/top" beats "/products/{productId}".
class Router
{
public:
    using Method = QHttpServerRequest::Method;
    using Handler = std::function<QHttpServerResponse(const RequestContext &)>;

    void add(Method method, const QString &pathTemplate, Handler handler);
    // Something the handlers point at, kept as long as the router.
    void keepAlive(std::shared_ptr<const void> object) { m_kept.push_back(std::move(object)); }

    struct Match {
        enum class Kind { Found, NoSuchPath, WrongMethod } kind = Kind::NoSuchPath;
        const Handler *handler = nullptr;
        QString route; // the template, for metrics and logs ("unmatched" when none)
        QHash<QString, QString> parameters;
        QList<Method> allowed; // for 405's Allow header
    };
    Match match(Method method, const QString &path) const;

    static QByteArray methodName(Method method);

private:
    struct Route {
        Method method;
        QString pathTemplate;
        QStringList segments;
        int literalCount = 0;
        Handler handler;
    };
    static bool matches(const Route &route, const QStringList &segments, QHash<QString, QString> *parameters);

    std::vector<Route> m_routes;
    std::vector<std::shared_ptr<const void>> m_kept;
};

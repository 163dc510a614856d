#include "Router.h"

#include <algorithm>

void Router::add(Method method, const QString &pathTemplate, Handler handler)
{
    Route route { method, pathTemplate, pathTemplate.split(QLatin1Char('/'), Qt::SkipEmptyParts), 0,
                  std::move(handler) };
    route.literalCount = int(std::count_if(route.segments.cbegin(), route.segments.cend(),
                                           [](const QString &s) { return !s.startsWith(QLatin1Char('{')); }));
    m_routes.push_back(std::move(route));
    // Most literal first, so a literal path wins over a parameter in the same place.
    std::stable_sort(m_routes.begin(), m_routes.end(),
                     [](const Route &a, const Route &b) { return a.literalCount > b.literalCount; });
}

bool Router::matches(const Route &route, const QStringList &segments, QHash<QString, QString> *parameters)
{
    if (route.segments.size() != segments.size())
        return false;
    // Literals first, with nothing allocated: most routes fail here on every request.
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &pattern = route.segments[i];
        if (!pattern.startsWith(QLatin1Char('{')) && pattern != segments[i])
            return false;
    }
    if (parameters) {
        QHash<QString, QString> found;
        for (qsizetype i = 0; i < segments.size(); ++i) {
            const QString &pattern = route.segments[i];
            if (pattern.startsWith(QLatin1Char('{')))
                found.insert(pattern.mid(1, pattern.size() - 2), segments[i]);
        }
        *parameters = std::move(found);
    }
    return true;
}

Router::Match Router::match(Method method, const QString &path) const
{
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    Match result;
    result.route = QStringLiteral("unmatched");
    const Route *pathMatch = nullptr;
    for (const Route &route : m_routes) {
        if (pathMatch && route.pathTemplate != pathMatch->pathTemplate)
            continue;
        if (!matches(route, segments, nullptr))
            continue;
        if (!pathMatch)
            pathMatch = &route;
        // Only the best template counts: /products/top must not 405 into /products/{id}.
        if (route.method == method) {
            result.kind = Match::Kind::Found;
            result.handler = &route.handler;
            result.route = route.pathTemplate;
            matches(route, segments, &result.parameters);
            return result;
        }
        result.allowed << route.method;
    }
    if (pathMatch) {
        result.kind = Match::Kind::WrongMethod;
        result.route = pathMatch->pathTemplate;
    }
    return result;
}

QByteArray Router::methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return "GET";
    case Method::Put:
        return "PUT";
    case Method::Delete:
        return "DELETE";
    case Method::Post:
        return "POST";
    case Method::Head:
        return "HEAD";
    case Method::Options:
        return "OPTIONS";
    case Method::Patch:
        return "PATCH";
    case Method::Connect:
        return "CONNECT";
    case Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

#pragma once

#include "ShopTypes.h"

#include <QtCore/QDate>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QList>

// Answers of API.md that only the client reads (the shared codecs cover the values
// both sides write). Plain values: the pages copy them into their models.

// Who is logged in, from POST /auth/login. The token lives only in memory.
struct Session {
    qint64 userId = 0;
    QString username;
    QString role; // SHOPPER, ADMIN
    QByteArray token;
    bool loggedIn() const { return !token.isEmpty(); }
    bool isAdmin() const { return role == QLatin1String("ADMIN"); }
    static Session fromLogin(const QJsonObject &json);
};

// {"items", "page", "size", "total"}; pages start at 1.
template<typename T>
struct Page {
    QList<T> items;
    int page = 1;
    int size = 20;
    qint64 total = 0;
    int pageCount() const { return total <= 0 ? 1 : int((total + size - 1) / size); }
};

struct TopProduct {
    int rank = 0;
    qint64 productId = 0;
    QString name;
    qint64 soldQuantity = 0;
    static TopProduct fromJson(const QJsonObject &json);
};

struct SalesDay {
    QDate date;
    qint64 orders = 0;
    qint64 revenue = 0;
    qint64 units = 0;
    static SalesDay fromJson(const QJsonObject &json);
};

struct OutboxHealth {
    qint64 pending = 0;
    qint64 published = 0;
    qint64 failed = 0;
    qint64 oldestPendingSeconds = 0;
    static OutboxHealth fromJson(const QJsonObject &json);
};

struct DataPlatformHealth {
    qint64 received = 0;
    QDateTime lastEventAt;
    qint64 lag = 0;
    static DataPlatformHealth fromJson(const QJsonObject &json);
};

namespace ApiValues {
// Reads {"items", "page", "size", "total"} with `parse` for each item.
template<typename T>
Page<T> page(const QJsonObject &json, T (*parse)(const QJsonObject &))
{
    Page<T> out;
    for (const QJsonValue &item : json.value(QStringLiteral("items")).toArray())
        out.items.append(parse(item.toObject()));
    out.page = json.value(QStringLiteral("page")).toInt(1);
    out.size = json.value(QStringLiteral("size")).toInt(20);
    out.total = json.value(QStringLiteral("total")).toInteger();
    return out;
}
template<typename T>
QList<T> items(const QJsonObject &json, T (*parse)(const QJsonObject &))
{
    QList<T> out;
    for (const QJsonValue &item : json.value(QStringLiteral("items")).toArray())
        out.append(parse(item.toObject()));
    return out;
}
}

// GET /categories: {"id", "name", "parentId", "path", "productCount"}, depth first.
struct Category {
    qint64 id = 0;
    QString name;
    qint64 parentId = 0; // 0: at the top
    QString path;        // "Kitchen/Cookware"
    qint64 productCount = 0;
    static Category fromJson(const QJsonObject &json);
};

// GET /admin/demo-shop: how far loading the demo shop has come.
struct DemoShopProgress {
    QString state; // idle, running, done, failed
    qint64 done = 0;
    qint64 total = 0;
    QString message;
    bool running() const { return state == QLatin1String("running"); }
    static DemoShopProgress fromJson(const QJsonObject &json);
};

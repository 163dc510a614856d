#include "ApiValues.h"

#include "IsoTime.h"

#include <QtCore/QJsonArray>

Session Session::fromLogin(const QJsonObject &json)
{
    const QJsonObject user = json.value(QStringLiteral("user")).toObject();
    return Session { user.value(QStringLiteral("id")).toInteger(), user.value(QStringLiteral("username")).toString(),
                     user.value(QStringLiteral("role")).toString(),
                     json.value(QStringLiteral("token")).toString().toUtf8() };
}

TopProduct TopProduct::fromJson(const QJsonObject &json)
{
    return TopProduct { json.value(QStringLiteral("rank")).toInt(), json.value(QStringLiteral("productId")).toInteger(),
                        json.value(QStringLiteral("name")).toString(),
                        json.value(QStringLiteral("soldQuantity")).toInteger() };
}

SalesDay SalesDay::fromJson(const QJsonObject &json)
{
    return SalesDay { QDate::fromString(json.value(QStringLiteral("date")).toString(), Qt::ISODate),
                      json.value(QStringLiteral("orders")).toInteger(), json.value(QStringLiteral("revenue")).toInteger(),
                      json.value(QStringLiteral("units")).toInteger() };
}

OutboxHealth OutboxHealth::fromJson(const QJsonObject &json)
{
    return OutboxHealth { json.value(QStringLiteral("pending")).toInteger(),
                          json.value(QStringLiteral("published")).toInteger(),
                          json.value(QStringLiteral("failed")).toInteger(),
                          json.value(QStringLiteral("oldestPendingSeconds")).toInteger() };
}

DataPlatformHealth DataPlatformHealth::fromJson(const QJsonObject &json)
{
    return DataPlatformHealth { json.value(QStringLiteral("received")).toInteger(),
                                IsoTime::parse(json.value(QStringLiteral("lastEventAt")).toString()),
                                json.value(QStringLiteral("lag")).toInteger() };
}

Category Category::fromJson(const QJsonObject &json)
{
    return Category { json.value(QStringLiteral("id")).toInteger(), json.value(QStringLiteral("name")).toString(),
                      json.value(QStringLiteral("parentId")).toInteger(), json.value(QStringLiteral("path")).toString(),
                      json.value(QStringLiteral("productCount")).toInteger() };
}

DemoShopProgress DemoShopProgress::fromJson(const QJsonObject &json)
{
    return DemoShopProgress { json.value(QStringLiteral("state")).toString(),
                              json.value(QStringLiteral("done")).toInteger(),
                              json.value(QStringLiteral("total")).toInteger(),
                              json.value(QStringLiteral("message")).toString() };
}

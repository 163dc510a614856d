#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QString>

class QHttpServerRequest;

// What a handler gets: the request, the values of the route's {parameters}, and the
// request id every log line and answer carries.
struct RequestContext {
    const QHttpServerRequest &request;
    QHash<QString, QString> parameters;
    QByteArray requestId;
    // The client's address, through trusted proxies (ClientAddress).
    QString clientAddress;

    QString parameter(const QString &name) const { return parameters.value(name); }
};

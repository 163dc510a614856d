#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QString>

class QHttpServerRequest;
struct StreamedBody;

// What a handler gets: the request, the values of the route's {parameters}, and the
// request id every log line and answer carries.
struct RequestContext {
    const QHttpServerRequest &request;
    QHash<QString, QString> parameters;
    QByteArray requestId;
    // The client's address, through trusted proxies (ClientAddress).
    QString clientAddress;
    // Set by a route that streams its body (StreamedBody); the answer it returns then
    // only counts if it is an error.
    StreamedBody *streamed = nullptr;

    QString parameter(const QString &name) const { return parameters.value(name); }
};

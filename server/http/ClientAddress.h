#pragma once

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtNetwork/QHostAddress>

class QHttpServerRequest;

// The address a request really came from. Behind a load balancer every connection
// comes from the balancer, so its X-Forwarded-For is believed — but only when the
// connection comes from a trusted proxy (`--trusted-proxy`), or any client could
// claim any address. The list is read from the right (the nearest hop) past the
// trusted proxies; the first other address is the client.
namespace ClientAddress {
QString of(const QHttpServerRequest &request, const QList<QHostAddress> &trustedProxies);
// "10.0.0.1,10.0.0.2" → addresses; empty on any bad entry (`bad` names it).
QList<QHostAddress> parseList(const QString &text, QString *bad = nullptr);
}

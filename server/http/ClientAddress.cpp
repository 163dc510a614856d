#include "ClientAddress.h"

#include <QtHttpServer/QHttpServerRequest>

namespace {
QHostAddress normalized(const QHostAddress &address)
{
    // A v4 peer on a dual-stack socket arrives as ::ffff:a.b.c.d.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

bool trusted(const QHostAddress &address, const QList<QHostAddress> &proxies)
{
    const QHostAddress plain = normalized(address);
    for (const QHostAddress &proxy : proxies)
        if (normalized(proxy) == plain)
            return true;
    return false;
}
}

QString ClientAddress::of(const QHttpServerRequest &request, const QList<QHostAddress> &trustedProxies)
{
    const QHostAddress peer = normalized(request.remoteAddress());
    if (trustedProxies.isEmpty() || !trusted(peer, trustedProxies))
        return peer.toString();
    const QByteArray forwarded = request.value("x-forwarded-for");
    if (forwarded.isEmpty())
        return peer.toString();
    const QList<QByteArray> hops = forwarded.split(',');
    QHostAddress client = peer;
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        const QHostAddress hop(QString::fromLatin1(hops.at(i).trimmed()));
        if (hop.isNull())
            break; // not an address: believe nothing further left
        client = normalized(hop);
        if (!trusted(client, trustedProxies))
            break;
    }
    return client.toString();
}

QList<QHostAddress> ClientAddress::parseList(const QString &text, QString *bad)
{
    QList<QHostAddress> out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QHostAddress address(part.trimmed());
        if (address.isNull()) {
            if (bad)
                *bad = part.trimmed();
            return {};
        }
        out << address;
    }
    return out;
}

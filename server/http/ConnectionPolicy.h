#pragma once

#include <QtCore/QList>
#include <QtCore/QtGlobal>
#include <QtNetwork/QHostAddress>

#include <memory>

class TlsContext;

// What the gate in front of QtHttpServer enforces on every connection
// (QtHttpServer 6.4.2 does none of it itself: see ../shared/reference).
struct ConnectionPolicy {
    qint64 maxBodyBytes = 1024 * 1024; // API.md: 413 PAYLOAD_TOO_LARGE over 1 MiB
    qint64 maxUploadBytes = 8 * 1024 * 1024; // a picture upload's body (that route only)
    qint64 maxHeadBytes = 16 * 1024;
    int idleTimeoutMs = 30000; // a connection with no traffic this long is closed
    // A request head must arrive whole this soon after its first byte; a client that
    // trickles it (slowloris) is cut, whatever the idle timer says.
    int headTimeoutMs = 10000;
    int maxConnections = 10000; // open connections over all workers
    int refusalDrainMs = 2000; // after a refusal: discard what the client still sends, then abort
    // Load balancers whose X-Forwarded-For is believed (ClientAddress).
    QList<QHostAddress> trustedProxies;
    // Set: every connection is HTTPS (TLS 1.2 or newer) with this certificate.
    std::shared_ptr<TlsContext> tls;
};

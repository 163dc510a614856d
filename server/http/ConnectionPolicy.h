#pragma once

#include <QtCore/QList>
#include <QtCore/QtGlobal>
#include <QtNetwork/QHostAddress>

#include <atomic>
#include <functional>
#include <memory>

class TlsContext;

// What the gate in front of QtHttpServer enforces on every connection
// (QtHttpServer 6.4.2 does none of it itself: see ../shared/reference).
struct ConnectionPolicy {
    qint64 maxBodyBytes = 1024 * 1024; // API.md: 413 PAYLOAD_TOO_LARGE over 1 MiB
    // A picture upload's body: that route only, and only for a head carrying a valid
    // admin token (adminToken below); everyone else gets maxBodyBytes.
    qint64 maxUploadBytes = 8 * 1024 * 1024;
    // Bodies announced (Content-Length) and not yet answered, over all connections of
    // this process: past it a request is answered 503 with Retry-After before its body
    // is read. Each body is held twice while it is read (socket and request).
    qint64 maxBodiesInFlightBytes = 32 * 1024 * 1024;
    // A body must keep arriving at least this fast (after the head timeout's grace),
    // or the connection is cut: a slow upload cannot hold its budget for long.
    qint64 minBodyBytesPerSecond = 32 * 1024;
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
    // Whether an Authorization header's bearer token is a valid, unexpired admin token
    // (no I/O: the signature and its claims). Unset: nobody may send more than maxBodyBytes.
    std::function<bool(const QByteArray &bearer)> adminToken;
    // The process-wide count behind maxBodiesInFlightBytes (WorkerPool makes it).
    std::shared_ptr<std::atomic<qint64>> bodiesInFlight;
};

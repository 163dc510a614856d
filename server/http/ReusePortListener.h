#pragma once

#include "Result.h"

#include <QtNetwork/QHostAddress>

// A listening TCP socket with SO_REUSEPORT, to be handed to
// QTcpServer::setSocketDescriptor() in a worker thread. One per worker on the same
// port: the kernel spreads connections over them by hash.
struct ReusePortListener {
    int fd = -1;
    quint16 port = 0; // the bound port (the kernel's pick when asked for 0)

    // exclusiveCheck: only bind without SO_REUSEPORT and close again, to learn whether
    // the port is free (and which port 0 picks); fd stays -1.
    static Result<ReusePortListener> open(const QHostAddress &address, quint16 port, int backlog = 4096,
                                          bool exclusiveCheck = false);
};

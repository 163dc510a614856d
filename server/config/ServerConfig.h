#pragma once

#include "ConnectionPolicy.h"

#include <QtCore/QString>
#include <QtNetwork/QHostAddress>

// How storefront-server runs: the result of command line, environment, config file
// and defaults (in that order of precedence; see ConfigLoader).
struct ServerConfig {
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8080;
    int workers = 16;
    // The embedded local stack's folder. Used when no external services are given.
    QString stackDir;
    // External services: all three, or none.
    QString mysqlUrl;
    QString redisUrl;
    QString kafkaBrokers;
    ConnectionPolicy connections;
    int shutdownGraceMs = 10000;

    bool usesLocalStack() const { return mysqlUrl.isEmpty(); }
};

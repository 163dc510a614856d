#include "EmbeddedServer.h"

#include "StorefrontServer.h"

EmbeddedServer::EmbeddedServer(ServerConfig config, QObject *parent) : QThread(parent), m_config(std::move(config)) { }

EmbeddedServer::~EmbeddedServer()
{
    quit();
    wait();
}

void EmbeddedServer::run()
{
    StorefrontServer server(m_config);
    connect(&server, &StorefrontServer::progress, this, &EmbeddedServer::progress);
    if (Status started = server.start(); !started) {
        Q_EMIT failed(started.failure().message);
        return;
    }
    Q_EMIT ready(server.baseUrl());
    exec();
    server.stop();
}

#include "EmbeddedServer.h"

#include "LocalStack.h"
#include "MainWindow.h"
#include "StackSupervisor.h"
#include "StartupView.h"
#include "StorefrontServer.h"

#include <memory>

EmbeddedServer::EmbeddedServer(ServerConfig config, QObject *parent) : QThread(parent), m_config(std::move(config)) { }

EmbeddedServer::~EmbeddedServer()
{
    quit();
    wait();
}

void EmbeddedServer::showIn(MainWindow *window)
{
    connect(this, &EmbeddedServer::progress, window->startupView(), &StartupView::showStep);
    connect(this, &EmbeddedServer::ready, window, &MainWindow::connectTo);
    connect(this, &EmbeddedServer::failed, window->startupView(), &StartupView::showFailure);
    connect(this, &EmbeddedServer::serviceDown, window, &MainWindow::showServiceDown);
    connect(this, &EmbeddedServer::serviceBack, window, &MainWindow::showServiceBack);
    connect(this, &EmbeddedServer::serviceLost, window, &MainWindow::showServiceLost);
}

void EmbeddedServer::run()
{
    StorefrontServer server(m_config);
    connect(&server, &StorefrontServer::progress, this, &EmbeddedServer::progress);
    if (Status started = server.start(); !started) {
        Q_EMIT failed(started.failure().message);
        return;
    }
    std::unique_ptr<StackSupervisor> supervisor;
    if (server.stack()) {
        supervisor = std::make_unique<StackSupervisor>(*server.stack(), m_firstRestartMs);
        connect(supervisor.get(), &StackSupervisor::serviceDown, this, &EmbeddedServer::serviceDown);
        connect(supervisor.get(), &StackSupervisor::serviceBack, this, &EmbeddedServer::serviceBack);
        connect(supervisor.get(), &StackSupervisor::serviceLost, this, &EmbeddedServer::serviceLost);
    }
    Q_EMIT ready(server.baseUrl());
    exec();
    supervisor.reset(); // before the stack stops, or it would start it again
    server.stop();
}

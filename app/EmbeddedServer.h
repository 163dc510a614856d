#pragma once

#include "ServerConfig.h"

#include <QtCore/QThread>

// The backend inside the desktop app, on a thread of its own so the window stays
// responsive while MariaDB, Redis and Kafka come up. The thread lives until the app
// quits: the stack's processes are tied to the thread that started them
// (PR_SET_PDEATHSIG), so it must not end before they are stopped.
class EmbeddedServer : public QThread
{
    Q_OBJECT
public:
    explicit EmbeddedServer(ServerConfig config, QObject *parent = nullptr);
    ~EmbeddedServer() override;

Q_SIGNALS:
    void progress(const QString &step);
    void ready(const QString &baseUrl);
    void failed(const QString &message);

protected:
    void run() override;

private:
    ServerConfig m_config;
};

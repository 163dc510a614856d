#pragma once

#include "ServerConfig.h"

#include <QtCore/QThread>

class MainWindow;

// The backend inside the desktop app, on a thread of its own so the window stays
// responsive while MariaDB, Redis and Kafka come up. The thread lives until the app
// quits: the stack's processes are tied to the thread that started them
// (PR_SET_PDEATHSIG), so it must not end before they are stopped. While it runs, a
// StackSupervisor on that thread starts a dead MariaDB or Redis again.
class EmbeddedServer : public QThread
{
    Q_OBJECT
public:
    explicit EmbeddedServer(ServerConfig config, QObject *parent = nullptr);
    ~EmbeddedServer() override;

    // The window shows start-up steps, then signs in; a service that dies and comes
    // back (or does not) shows in its banner and start-up view.
    void showIn(MainWindow *window);
    QString stackDir() const { return m_config.stackDir; }
    // Before start(): the wait before the first restart of a dead service (tests).
    void setFirstRestartDelay(int ms) { m_firstRestartMs = ms; }

Q_SIGNALS:
    void progress(const QString &step);
    void ready(const QString &baseUrl);
    void failed(const QString &message);
    void serviceDown(const QString &text);
    void serviceBack(const QString &text);
    void serviceLost(const QString &text);

protected:
    void run() override;

private:
    ServerConfig m_config;
    int m_firstRestartMs = 1000;
};

#pragma once

#include "ManagedProcess.h"

// A private redis-server on 127.0.0.1. Redis only caches and gates (DESIGN.md), so it
// keeps nothing on disk: every start is empty, and the server rebuilds what it needs.
class RedisInstance
{
public:
    explicit RedisInstance(QString stackDir);

    // Starts on a free port the first time; on the same port after stop() or kill(),
    // so a client configured with url() finds it again (fault tests restart it).
    Status start(QDeadlineTimer deadline);
    void stop();
    void kill();
    bool isRunning() const { return m_process.isRunning(); }

    quint16 port() const { return m_port; }
    QString url() const;
    QString logTail() const { return m_process.logTail(); }

private:
    QString m_stackDir;
    quint16 m_port = 0;
    ManagedProcess m_process;
};

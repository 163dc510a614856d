#include "RedisInstance.h"

#include "Loopback.h"

#include <QtCore/QDir>

RedisInstance::RedisInstance(QString stackDir)
    : m_stackDir(std::move(stackDir)),
      m_process(QStringLiteral("Redis"), QStringLiteral("redis-server"), m_stackDir + QStringLiteral("/redis.log"),
                m_stackDir + QStringLiteral("/redis.pid"))
{
}

Status RedisInstance::start(QDeadlineTimer deadline)
{
    if (m_port == 0)
        m_port = Loopback::freePort();
    const QString dir = m_stackDir + QStringLiteral("/redis");
    QDir().mkpath(dir);
    const QStringList args { QStringLiteral("--port"),       QString::number(m_port),
                             QStringLiteral("--bind"),       QStringLiteral("127.0.0.1"),
                             QStringLiteral("--dir"),        dir,
                             QStringLiteral("--save"),       QString(),
                             QStringLiteral("--appendonly"), QStringLiteral("no"),
                             QStringLiteral("--daemonize"),  QStringLiteral("no"),
                             QStringLiteral("--maxclients"), QStringLiteral("4000") };
    const quint16 port = m_port;
    return m_process.start(
            args, [port] { return Loopback::answers(port, "PING\r\n", "+PONG", 200); }, deadline);
}

void RedisInstance::stop()
{
    m_process.stop();
}

void RedisInstance::kill()
{
    m_process.kill();
}

QString RedisInstance::url() const
{
    return QStringLiteral("redis://127.0.0.1:%1").arg(m_port);
}

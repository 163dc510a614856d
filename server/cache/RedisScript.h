#pragma once

#include <QtCore/QByteArray>

// A Lua script and its SHA-1, so RedisClient can run it by EVALSHA (the script's text
// crosses the wire only the first time a Redis server sees it, or after it restarted).
class RedisScript
{
public:
    explicit RedisScript(QByteArray source);

    const QByteArray &source() const { return m_source; }
    const QByteArray &sha() const { return m_sha; }

private:
    QByteArray m_source;
    QByteArray m_sha;
};

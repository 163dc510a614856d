#pragma once

#include "RedisEndpoint.h"

#include <QtCore/QByteArrayList>
#include <QtCore/QElapsedTimer>
#include <QtCore/QVariant>

struct redisContext;

// One blocking hiredis connection, used by one thread (every worker owns one).
// Every command has a short timeout, so a dead Redis costs a request ~200 ms once and
// then nothing: after a failure the client stays away for a backoff period (doubling
// up to 2 s) and answers "unavailable" at once, then tries to reconnect.
class RedisClient
{
public:
    explicit RedisClient(RedisEndpoint endpoint, int timeoutMs = 200);
    ~RedisClient();
    RedisClient(const RedisClient &) = delete;
    RedisClient &operator=(const RedisClient &) = delete;

    struct Reply {
        bool ok = false; // false: no answer (down, timeout) or a Redis error
        QVariant value; // integer as qlonglong, string as QByteArray, array as QVariantList, nil invalid
        QByteArray error;
    };
    Reply command(const QByteArrayList &arguments);
    bool ping();
    bool isConnected() const { return m_context != nullptr; }

private:
    bool connectIfDue();
    void dropConnection();

    RedisEndpoint m_endpoint;
    int m_timeoutMs;
    redisContext *m_context = nullptr;
    QElapsedTimer m_sinceFailure;
    int m_backoffMs = 0;
};

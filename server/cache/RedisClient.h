#pragma once

#include "RedisEndpoint.h"
#include "RedisScript.h"

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
    // EVALSHA, and EVAL once when this Redis does not know the script yet (NOSCRIPT:
    // first use, or Redis restarted). `keys` are full keys: build them with key().
    Reply eval(const RedisScript &script, const QByteArrayList &keys, const QByteArrayList &arguments);
    bool ping();
    // The configured prefix + name.
    QByteArray key(const QByteArray &name) const { return m_endpoint.keyPrefix + name; }
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

#include "RedisClient.h"

#include <QtCore/QLoggingCategory>

#include <hiredis/hiredis.h>

#include <vector>

Q_LOGGING_CATEGORY(lcRedis, "storefront.redis")

namespace {
constexpr int kMaxBackoffMs = 2000;

QVariant convert(const redisReply *reply)
{
    switch (reply->type) {
    case REDIS_REPLY_INTEGER:
        return QVariant::fromValue<qlonglong>(reply->integer);
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
        return QByteArray(reply->str, int(reply->len));
    case REDIS_REPLY_ARRAY: {
        QVariantList list;
        for (size_t i = 0; i < reply->elements; ++i)
            list << convert(reply->element[i]);
        return list;
    }
    default:
        return QVariant();
    }
}
}

RedisClient::RedisClient(RedisEndpoint endpoint, int timeoutMs) : m_endpoint(std::move(endpoint)), m_timeoutMs(timeoutMs)
{
}

RedisClient::~RedisClient()
{
    dropConnection();
}

void RedisClient::dropConnection()
{
    if (m_context)
        redisFree(m_context);
    m_context = nullptr;
}

bool RedisClient::connectIfDue()
{
    if (m_context)
        return true;
    if (m_backoffMs > 0 && m_sinceFailure.isValid() && m_sinceFailure.elapsed() < m_backoffMs)
        return false;
    const timeval timeout { m_timeoutMs / 1000, (m_timeoutMs % 1000) * 1000 };
    redisContext *context = redisConnectWithTimeout(m_endpoint.host.toUtf8().constData(), m_endpoint.port, timeout);
    if (!context || context->err) {
        qCDebug(lcRedis) << "cannot connect to redis:" << (context ? context->errstr : "out of memory");
        if (context)
            redisFree(context);
        m_sinceFailure.start();
        m_backoffMs = qBound(100, m_backoffMs * 2, kMaxBackoffMs);
        return false;
    }
    redisSetTimeout(context, timeout);
    redisEnableKeepAlive(context);
    m_context = context;
    const auto handshake = [this](const QByteArrayList &args) {
        const Reply r = command(args);
        return r.ok;
    };
    if ((!m_endpoint.password.isEmpty() && !handshake({ "AUTH", m_endpoint.password.toUtf8() }))
        || (m_endpoint.database != 0 && !handshake({ "SELECT", QByteArray::number(m_endpoint.database) }))) {
        dropConnection();
        m_sinceFailure.start();
        m_backoffMs = kMaxBackoffMs;
        return false;
    }
    m_backoffMs = 0;
    return true;
}

RedisClient::Reply RedisClient::command(const QByteArrayList &arguments)
{
    if (!connectIfDue())
        return Reply { false, QVariant(), QByteArrayLiteral("redis unavailable") };
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    argv.reserve(size_t(arguments.size()));
    lengths.reserve(size_t(arguments.size()));
    for (const QByteArray &a : arguments) {
        argv.push_back(a.constData());
        lengths.push_back(size_t(a.size()));
    }
    auto *reply = static_cast<redisReply *>(
            redisCommandArgv(m_context, int(argv.size()), argv.data(), lengths.data()));
    if (!reply) {
        // I/O error or timeout: the connection is unusable (a late answer would be read
        // as the answer to the next command).
        qCDebug(lcRedis) << "redis command failed:" << m_context->errstr;
        dropConnection();
        m_sinceFailure.start();
        m_backoffMs = qBound(100, m_backoffMs * 2, kMaxBackoffMs);
        return Reply { false, QVariant(), QByteArrayLiteral("redis unavailable") };
    }
    Reply out;
    if (reply->type == REDIS_REPLY_ERROR) {
        out.error = QByteArray(reply->str, int(reply->len));
    } else {
        out.ok = true;
        out.value = convert(reply);
    }
    freeReplyObject(reply);
    return out;
}

RedisClient::Reply RedisClient::eval(const RedisScript &script, const QByteArrayList &keys, const QByteArrayList &arguments)
{
    QByteArrayList call { QByteArrayLiteral("EVALSHA"), script.sha(), QByteArray::number(keys.size()) };
    call << keys << arguments;
    Reply reply = command(call);
    if (!reply.ok && reply.error.startsWith("NOSCRIPT")) {
        call[0] = QByteArrayLiteral("EVAL");
        call[1] = script.source();
        reply = command(call);
    }
    return reply;
}

bool RedisClient::ping()
{
    const Reply r = command({ "PING" });
    return r.ok && r.value.toByteArray() == "PONG";
}

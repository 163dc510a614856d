#include "LoginLimiter.h"

#include "RedisClient.h"
#include "RedisScript.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QRandomGenerator>

namespace {
// KEYS: the pair's failure times, the address's (sorted sets, score = ms).
// ARGV: now, window ms, per user, per address, max backoff ms. Returns the wait in ms.
const RedisScript kCheck(QByteArrayLiteral(
        "local now, win = tonumber(ARGV[1]), tonumber(ARGV[2]) "
        "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - win) "
        "redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - win) "
        "local wait, per = 0, tonumber(ARGV[3]) "
        "local n = redis.call('ZCARD', KEYS[1]) "
        "if n >= per then "
        "  local last = tonumber(redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2]) "
        "  wait = last + math.min(1000 * 2 ^ math.min(16, n - per), tonumber(ARGV[5])) - now "
        "end "
        "local m, perAddress = redis.call('ZCARD', KEYS[2]), tonumber(ARGV[4]) "
        "if m >= perAddress then "
        "  local t = tonumber(redis.call('ZRANGE', KEYS[2], m - perAddress, m - perAddress, 'WITHSCORES')[2]) "
        "  wait = math.max(wait, t + win - now) "
        "end "
        "return math.floor(wait)"));

// KEYS as above. ARGV: now, window ms, a unique member, pair cap, address cap.
const RedisScript kFailed(QByteArrayLiteral(
        "for i = 1, 2 do "
        "  redis.call('ZADD', KEYS[i], ARGV[1], ARGV[3]) "
        "  redis.call('ZREMRANGEBYRANK', KEYS[i], 0, -1 - tonumber(ARGV[3 + i])) "
        "  redis.call('PEXPIRE', KEYS[i], ARGV[2]) "
        "end return 1"));
}

QByteArrayList LoginLimiter::keys(const QString &username, const QString &address) const
{
    // Hashed: a username may be any text up to 1 KiB; the key stays short.
    const QByteArray pair = QCryptographicHash::hash((username.toLower() + QLatin1Char('|') + address).toUtf8(),
                                                     QCryptographicHash::Sha1)
                                    .toHex();
    return { m_redis->key("login:pair:" + pair), m_redis->key("login:addr:" + address.toUtf8()) };
}

qint64 LoginLimiter::retryAfter(const QString &username, const QString &address, qint64 nowMs)
{
    if (m_redis) {
        const LoginThrottle::Limits &l = m_local.limits();
        const RedisClient::Reply reply = m_redis->eval(
                kCheck, keys(username, address),
                { QByteArray::number(nowMs), QByteArray::number(qint64(l.windowSeconds) * 1000), QByteArray::number(l.perUser),
                  QByteArray::number(l.perAddress), QByteArray::number(qint64(l.maxBackoffSeconds) * 1000) });
        if (reply.ok) {
            const qint64 waitMs = reply.value.toLongLong();
            return waitMs <= 0 ? 0 : qMax<qint64>(1, (waitMs + 999) / 1000);
        }
    }
    return m_local.retryAfter(username, address, nowMs);
}

void LoginLimiter::failed(const QString &username, const QString &address, qint64 nowMs)
{
    m_local.failed(username, address, nowMs);
    if (!m_redis)
        return;
    const LoginThrottle::Limits &l = m_local.limits();
    const QByteArray member = QByteArray::number(nowMs) + ':' + QByteArray::number(QRandomGenerator::global()->generate64());
    m_redis->eval(kFailed, keys(username, address),
                  { QByteArray::number(nowMs), QByteArray::number(qint64(l.windowSeconds) * 1000), member,
                    QByteArray::number(l.perUser + 16), QByteArray::number(l.perAddress) });
}

void LoginLimiter::succeeded(const QString &username, const QString &address)
{
    m_local.succeeded(username, address);
    if (m_redis)
        m_redis->command({ "DEL", keys(username, address).first() });
}

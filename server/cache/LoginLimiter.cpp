#include "LoginLimiter.h"

#include "RedisClient.h"
#include "RedisScript.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QRandomGenerator>

namespace {
// KEYS: the pair's, the address's and the subject's failure times (sorted sets, score =
// ms), the subject's addresses with a success (score = its time).
// ARGV: now, window ms, per pair, per address, max backoff ms, the attempt's unique
// member, subject window ms, per subject, remember ms, address, pair cap.
// Returns the wait in ms; 0: admitted, and counted in the three failure sets.
const RedisScript kAdmit(QByteArrayLiteral(
        "local now, win, swin = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[7]) "
        "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - win) "
        "redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - win) "
        "redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - swin) "
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
        "local k, perSubject = redis.call('ZCARD', KEYS[3]), tonumber(ARGV[8]) "
        "if k >= perSubject then "
        "  local seen = redis.call('ZSCORE', KEYS[4], ARGV[10]) "
        "  if not seen or tonumber(seen) <= now - tonumber(ARGV[9]) then "
        "    local t = tonumber(redis.call('ZRANGE', KEYS[3], k - perSubject, k - perSubject, 'WITHSCORES')[2]) "
        "    wait = math.max(wait, t + swin - now) "
        "  end "
        "end "
        "if wait > 0 then return math.max(1, math.floor(wait)) end "
        "local caps, ttls = { tonumber(ARGV[11]), perAddress, perSubject }, { win, win, swin } "
        "for i = 1, 3 do "
        "  redis.call('ZADD', KEYS[i], now, ARGV[6]) "
        "  redis.call('ZREMRANGEBYRANK', KEYS[i], 0, -1 - caps[i]) "
        "  redis.call('PEXPIRE', KEYS[i], ttls[i]) "
        "end "
        "return 0"));

// KEYS: the three failure sets as above. ARGV: the attempt's member.
const RedisScript kRelease(QByteArrayLiteral(
        "for i = 1, 3 do redis.call('ZREM', KEYS[i], ARGV[1]) end return 1"));

// KEYS as for kAdmit. ARGV: the attempt's member, address, now, remember ms, how many
// addresses are remembered. The pair starts afresh; the subject's other failures stay
// (a success does not give other addresses new guesses).
const RedisScript kSucceeded(QByteArrayLiteral(
        "redis.call('DEL', KEYS[1]) "
        "redis.call('ZREM', KEYS[2], ARGV[1]) "
        "redis.call('ZREM', KEYS[3], ARGV[1]) "
        "local now, keep = tonumber(ARGV[3]), tonumber(ARGV[4]) "
        "redis.call('ZADD', KEYS[4], now, ARGV[2]) "
        "redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - keep) "
        "redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -1 - tonumber(ARGV[5])) "
        "redis.call('PEXPIRE', KEYS[4], keep) "
        "return 1"));

qint64 rememberMs(const LoginThrottle::Limits &l)
{
    return qint64(l.rememberDays) * 24 * 3600 * 1000;
}
}

QByteArrayList LoginLimiter::keys(const QString &subject, const QString &address) const
{
    // The pair hashed to keep the key short; a subject is short already (an id, or a
    // name of at most 32 characters that passed the username pattern).
    const QByteArray pair = QCryptographicHash::hash((subject + QLatin1Char('|') + address).toUtf8(), QCryptographicHash::Sha1).toHex();
    const QByteArray who = subject.toUtf8();
    return { m_redis->key("login:pair:" + pair), m_redis->key("login:addr:" + address.toUtf8()),
             m_redis->key("login:subject:" + who), m_redis->key("login:from:" + who) };
}

LoginLimiter::Attempt LoginLimiter::admit(const QString &subject, const QString &address, qint64 nowMs)
{
    Attempt attempt { subject, address, nowMs,
                      QByteArray::number(nowMs) + ':' + QByteArray::number(QRandomGenerator::global()->generate64()), 0 };
    if (m_redis) {
        const LoginThrottle::Limits &l = m_local.limits();
        const RedisClient::Reply reply = m_redis->eval(
                kAdmit, keys(subject, address),
                { QByteArray::number(nowMs), QByteArray::number(qint64(l.windowSeconds) * 1000), QByteArray::number(l.perPair),
                  QByteArray::number(l.perAddress), QByteArray::number(qint64(l.maxBackoffSeconds) * 1000), attempt.member,
                  QByteArray::number(qint64(l.accountWindowSeconds) * 1000), QByteArray::number(l.perAccount),
                  QByteArray::number(rememberMs(l)), address.toUtf8(), QByteArray::number(l.perPair + 16) });
        if (reply.ok) {
            const qint64 waitMs = reply.value.toLongLong();
            if (waitMs > 0) {
                attempt.retryAfterSeconds = qMax<qint64>(1, (waitMs + 999) / 1000);
                return attempt;
            }
            m_local.record(subject, address, nowMs);
            return attempt;
        }
    }
    attempt.retryAfterSeconds = m_local.admit(subject, address, nowMs);
    return attempt;
}

void LoginLimiter::release(const Attempt &attempt)
{
    m_local.release(attempt.subject, attempt.address, attempt.atMs);
    if (m_redis)
        m_redis->eval(kRelease, keys(attempt.subject, attempt.address).mid(0, 3), { attempt.member });
}

void LoginLimiter::succeeded(const Attempt &attempt, qint64 nowMs)
{
    m_local.succeeded(attempt.subject, attempt.address, attempt.atMs, nowMs);
    if (!m_redis)
        return;
    const LoginThrottle::Limits &l = m_local.limits();
    m_redis->eval(kSucceeded, keys(attempt.subject, attempt.address),
                  { attempt.member, attempt.address.toUtf8(), QByteArray::number(nowMs), QByteArray::number(rememberMs(l)),
                    QByteArray::number(l.rememberedPerAccount) });
}

#pragma once

#include "RedisEndpoint.h"
#include "Result.h"

#include <QtCore/QVersionNumber>

// The shop needs Redis 7.0 or newer: the stock mirror's fill sets the mirror's expiry
// with `PEXPIRE … NX` (7.0). An older Redis refuses it as a script error after the
// script's writes, leaving a mirror with no expiry, which is what bounds a removal that
// never reached Redis. So the version is checked once, at start-up (INFO server →
// redis_version), and an older one is refused there, by name, before anything runs on
// it — not found out later, request by request.
class RedisVersion
{
public:
    static QVersionNumber minimum() { return QVersionNumber(7, 0); }
    // redis_version from an INFO answer; null when it has none.
    static QVersionNumber fromInfo(const QByteArray &info);
    // Done when this Redis is new enough. A Redis that does not answer is not refused
    // (the server starts degraded, as it does while Redis is down) and is logged as
    // not checked. Otherwise UNAVAILABLE, naming the version found and the one needed.
    static Status check(const RedisEndpoint &endpoint, int timeoutMs = 2000);
};

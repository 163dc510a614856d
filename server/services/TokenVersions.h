#pragma once

#include "TokenSigner.h"
#include "UserRepository.h"

#include <QtCore/QHash>

#include <functional>
#include <mutex>
#include <shared_mutex>

// Whether a signed token still counts: its token version must be the account's
// current one (a password change bumps it) and the account must not be disabled.
// The account's state is cached per process for kFreshMs, so a change made on any
// instance is seen everywhere within that time plus one request, without a MySQL
// read per request; the instance that made the change forgets its entry at once.
// Thread-safe; each worker passes a lookup on its own connection.
class TokenVersions
{
public:
    static constexpr qint64 kFreshMs = 2000;
    // Past this many cached accounts the cache starts again (bounded memory).
    static constexpr int kMaxEntries = 100000;

    using Lookup = std::function<Result<UserRepository::TokenState>(qint64 userId)>;

    // false: refuse the token. A lookup that fails (MySQL down) keeps the last known
    // state, or accepts the signed token when none is known: every write needs MySQL
    // anyway, and a read should not fail for a cache.
    bool accepts(const Principal &principal, const Lookup &lookup, qint64 nowMs);
    void forget(qint64 userId);

private:
    struct Entry {
        UserRepository::TokenState state;
        qint64 fetchedMs = 0;
    };
    // Read on every signed-in request by every worker: readers share it.
    std::shared_mutex m_mutex;
    QHash<qint64, Entry> m_entries;
};

#pragma once

#include "TokenSigner.h"
#include "UserRepository.h"

#include <QtCore/QHash>

#include <atomic>
#include <functional>
#include <limits>
#include <mutex>
#include <shared_mutex>

// Whether a signed token still counts: its token version must be the account's
// current one (a password change bumps it) and the account must not be disabled.
//
// Each process keeps the state of every account whose state ever changed
// (users.token_changed_at is set; migration 0006), read once, and follows a feed:
// about once a second one worker reads the accounts changed in the last
// kFeedWindowSeconds (one indexed query) and applies them. While the feed is fresh
// every answer comes from memory, with no MySQL read per request: an account missing
// from the set is still as it was created (version 0, enabled). A change made on any
// instance is seen everywhere within about a second; the instance that made it
// forgets its entry at once.
//
// When the feed cannot be read (MySQL down), or the set would pass kMaxEntries, a
// state is looked up per account and trusted for kFreshMs, then looked up again.
// When that look-up fails too, the last state known decides, however old: revocation
// fails closed, and a revoked token never passes because MySQL is away.
// Thread-safe; each worker passes readers on its own connection.
class TokenVersions
{
public:
    // Without a fresh feed: how long a looked-up state is trusted.
    static constexpr qint64 kFreshMs = 2000;
    // How often the feed is read, and how old its last reading may be and still count.
    static constexpr qint64 kFeedEveryMs = 1000;
    static constexpr qint64 kFeedFreshMs = 3000;
    // How far back each reading looks. Readings further apart than this, less a margin
    // for the clocks, may have missed a change: then the whole set is read again.
    static constexpr int kFeedWindowSeconds = 10;
    // At most this many accounts are kept (bounded memory).
    static constexpr int kMaxEntries = 100000;

    struct Readers {
        std::function<Result<UserRepository::TokenState>(qint64 userId)> lookup;
        // UserRepository::tokenChanges(withinSeconds, limit): 0 seconds, every account.
        std::function<Result<QList<UserRepository::TokenChange>>(int withinSeconds, int limit)> changes;
    };

    enum class Verdict {
        Accepted,
        Refused, // another version than the account's, or a disabled account
        // MySQL cannot be asked and nothing known decides: the caller answers 503, so
        // the client retries later instead of signing in again for nothing.
        Unavailable,
    };
    // A signed token's verdict. When MySQL cannot be asked, the last known state decides
    // (lastKnown); with nothing known the answer is Unavailable, never a pass.
    Verdict check(const Principal &principal, const Readers &readers, qint64 nowMs);
    // This instance changed the account (a password, disabled or enabled): look it up
    // before trusting anything about it.
    void forget(qint64 userId);

private:
    struct Entry {
        UserRepository::TokenState state;
        qint64 fetchedMs = 0;
        // Forgotten: look it up before trusting anything about this account. `state` is
        // then what it was before the change, if `known`.
        bool stale = false;
        // False: forgotten before anything was known of the account.
        bool known = true;
    };
    // What memory says about an account: a state, or "ask MySQL".
    struct Known {
        std::optional<Entry> entry;
        bool neverChanged = false; // no entry in a complete set
    };
    // Reads the feed (or the whole set) if it is due and no other worker is reading it.
    void follow(const Readers &readers, qint64 nowMs);
    Known known(qint64 userId, qint64 nowMs);
    // The verdict of the last state known, however old, when MySQL cannot be asked.
    Verdict lastKnown(const Principal &principal);
    static Verdict decide(const UserRepository::TokenState &state, const Principal &principal);

    // Read on every signed-in request by every worker: readers share it.
    std::shared_mutex m_mutex;
    QHash<qint64, Entry> m_entries;
    // m_entries holds every changed account, and the feed has been followed since.
    bool m_complete = false;
    std::atomic<qint64> m_feedReadMs { std::numeric_limits<qint64>::min() / 2 };
    std::atomic<qint64> m_feedDueMs { 0 };
};

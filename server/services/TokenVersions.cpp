#include "TokenVersions.h"

void TokenVersions::follow(const Readers &readers, qint64 nowMs)
{
    qint64 due = m_feedDueMs.load();
    if (nowMs < due || !m_feedDueMs.compare_exchange_strong(due, nowMs + kFeedEveryMs))
        return; // not yet, or another worker is reading it
    // A gap longer than the window (less 2 s for the clocks) may have skipped a change.
    const bool continuous = nowMs - m_feedReadMs.load() <= (kFeedWindowSeconds - 2) * 1000;
    bool complete;
    {
        std::shared_lock<std::shared_mutex> lock(m_mutex);
        complete = m_complete && continuous;
    }
    const auto changed = readers.changes(complete ? kFeedWindowSeconds : 0, kMaxEntries + 1);
    if (!changed)
        return; // the feed goes stale; states fall back to kFreshMs
    std::unique_lock<std::shared_mutex> lock(m_mutex);
    if (!complete) {
        m_entries.clear();
        m_complete = changed->size() <= kMaxEntries;
        if (!m_complete) {
            m_feedReadMs.store(nowMs); // followed, but only for the accounts looked up
            return;
        }
    }
    // A state read now is exact: it counts as fetched now, so a lookup that started
    // earlier cannot overwrite it.
    for (const UserRepository::TokenChange &change : changed.value()) {
        const auto it = m_entries.find(change.userId);
        if (it == m_entries.end()) {
            if (m_complete)
                m_entries.insert(change.userId, Entry { change.state, nowMs });
        } else if (it->stale || it->fetchedMs <= nowMs) { // not a reading newer than ours
            it.value() = Entry { change.state, nowMs };
        }
    }
    if (m_entries.size() > kMaxEntries) {
        m_entries.clear();
        m_complete = false;
    }
    m_feedReadMs.store(nowMs);
}

TokenVersions::Known TokenVersions::known(qint64 userId, qint64 nowMs)
{
    std::shared_lock<std::shared_mutex> lock(m_mutex);
    const bool fresh = nowMs - m_feedReadMs.load() < kFeedFreshMs;
    const auto it = m_entries.constFind(userId);
    if (it != m_entries.cend()) {
        if (!it->stale && (fresh || nowMs - it->fetchedMs < kFreshMs))
            return { it.value(), false };
        return {};
    }
    if (fresh && m_complete)
        return { Entry { UserRepository::TokenState { 0, false, true }, nowMs }, true };
    return {};
}

TokenVersions::Verdict TokenVersions::decide(const UserRepository::TokenState &state, const Principal &principal)
{
    return state.exists && !state.disabled && state.version == principal.tokenVersion ? Verdict::Accepted : Verdict::Refused;
}

TokenVersions::Verdict TokenVersions::lastKnown(const Principal &principal)
{
    std::shared_lock<std::shared_mutex> lock(m_mutex);
    const auto it = m_entries.constFind(principal.userId);
    if (it == m_entries.cend()) {
        // A complete set, even an old one, says the account had never changed then: its
        // first tokens (version 0) count. A later version means a change after that
        // reading, which nothing here can judge.
        if (m_complete)
            return principal.tokenVersion == 0 ? Verdict::Accepted : Verdict::Unavailable;
        return Verdict::Unavailable;
    }
    if (!it->known)
        return Verdict::Unavailable;
    const UserRepository::TokenState &state = it->state;
    // Versions only go up: a token older than a version once seen is revoked whatever
    // happened since.
    if (!state.exists || principal.tokenVersion < state.version)
        return Verdict::Refused;
    // This instance changed the account since, to something it never read.
    if (it->stale)
        return Verdict::Unavailable;
    // A newer token than the state known proves the state moved on (a disabled account
    // cannot sign in, so not even "disabled" still holds): refusing it would only send
    // its owner to sign in again for another token of that version.
    if (principal.tokenVersion > state.version)
        return Verdict::Unavailable;
    return decide(state, principal);
}

TokenVersions::Verdict TokenVersions::check(const Principal &principal, const Readers &readers, qint64 nowMs)
{
    follow(readers, nowMs);
    const Known memory = known(principal.userId, nowMs);
    std::optional<Entry> state = memory.entry;
    // A version the set cannot explain (it says never changed, the token says changed):
    // ask MySQL rather than refuse on the cache's word.
    if (memory.neverChanged && principal.tokenVersion != 0)
        state.reset();
    if (!state) {
        // Looked up outside the lock: a slow MySQL must not stall other workers.
        const Result<UserRepository::TokenState> looked = readers.lookup(principal.userId);
        if (!looked)
            return lastKnown(principal);
        state = Entry { looked.value(), nowMs };
        std::unique_lock<std::shared_mutex> lock(m_mutex);
        auto it = m_entries.find(principal.userId);
        if (it == m_entries.end()) {
            if (m_entries.size() >= kMaxEntries) {
                m_entries.clear();
                m_complete = false;
            }
            m_entries.insert(principal.userId, *state);
        } else if (it->stale || it->fetchedMs <= nowMs) {
            it.value() = *state;
        } else {
            state = it.value(); // the feed wrote a newer state while we looked
        }
    }
    return decide(state->state, principal);
}

void TokenVersions::forget(qint64 userId)
{
    // Not removed: in a complete set a missing account reads as never changed. The state
    // before the change is kept for lastKnown(): the versions it rules out stay ruled out.
    std::unique_lock<std::shared_mutex> lock(m_mutex);
    auto it = m_entries.find(userId);
    if (it == m_entries.end()) {
        Entry before;
        before.known = m_complete; // a complete set: never changed until now
        if (m_complete)
            before.state = UserRepository::TokenState { 0, false, true };
        it = m_entries.insert(userId, before);
    }
    it->stale = true;
    it->fetchedMs = std::numeric_limits<qint64>::min();
}

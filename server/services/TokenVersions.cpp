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

bool TokenVersions::accepts(const Principal &principal, const Readers &readers, qint64 nowMs)
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
            return true;
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
    return state->state.exists && !state->state.disabled && state->state.version == principal.tokenVersion;
}

void TokenVersions::forget(qint64 userId)
{
    // Not removed: in a complete set a missing account reads as never changed.
    std::unique_lock<std::shared_mutex> lock(m_mutex);
    Entry &entry = m_entries[userId];
    entry.stale = true;
    entry.fetchedMs = std::numeric_limits<qint64>::min();
}

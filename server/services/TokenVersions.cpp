#include "TokenVersions.h"

bool TokenVersions::accepts(const Principal &principal, const Lookup &lookup, qint64 nowMs)
{
    std::optional<Entry> known;
    {
        std::shared_lock<std::shared_mutex> lock(m_mutex);
        const auto it = m_entries.constFind(principal.userId);
        if (it != m_entries.cend())
            known = it.value();
    }
    if (!known || nowMs - known->fetchedMs >= kFreshMs) {
        // Looked up outside the lock: a slow MySQL must not stall other workers.
        const Result<UserRepository::TokenState> state = lookup(principal.userId);
        if (state) {
            known = Entry { state.value(), nowMs };
            std::unique_lock<std::shared_mutex> lock(m_mutex);
            if (m_entries.size() >= kMaxEntries)
                m_entries.clear();
            m_entries.insert(principal.userId, *known);
        } else if (!known) {
            return true;
        }
    }
    return known->state.exists && !known->state.disabled && known->state.version == principal.tokenVersion;
}

void TokenVersions::forget(qint64 userId)
{
    std::unique_lock<std::shared_mutex> lock(m_mutex);
    m_entries.remove(userId);
}

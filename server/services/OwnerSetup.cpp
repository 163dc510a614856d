#include "OwnerSetup.h"

namespace {
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}
}

bool OwnerSetup::accepts(const QByteArray &offered) const
{
    std::lock_guard<std::mutex> guard(m_mutex);
    return !m_spent && !m_secret.isEmpty() && sameBytes(offered, m_secret);
}

bool OwnerSetup::take(const QByteArray &offered)
{
    std::lock_guard<std::mutex> guard(m_mutex);
    if (m_spent || m_taken || m_secret.isEmpty() || !sameBytes(offered, m_secret))
        return false;
    m_taken = true;
    return true;
}

void OwnerSetup::giveBack()
{
    std::lock_guard<std::mutex> guard(m_mutex);
    m_taken = false;
}

void OwnerSetup::spend()
{
    std::lock_guard<std::mutex> guard(m_mutex);
    m_spent = true;
    m_taken = false;
    m_secret.fill('\0');
    m_secret.clear();
}

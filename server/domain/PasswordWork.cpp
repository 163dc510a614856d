#include "PasswordWork.h"

PasswordWork::PasswordWork(PasswordHasher hasher, WorkGate &gate)
    : m_hasher(hasher), m_gate(gate), m_dummyHash(m_hasher.hash(QStringLiteral("no account has this password")))
{
}

std::optional<QString> PasswordWork::hash(const QString &password)
{
    const std::optional<WorkGate::Ticket> ticket = m_gate.enter();
    if (!ticket)
        return std::nullopt;
    ++m_runs;
    return m_hasher.hash(password);
}

std::optional<bool> PasswordWork::verify(const QString &password, const QString &stored)
{
    const std::optional<WorkGate::Ticket> ticket = m_gate.enter();
    if (!ticket)
        return std::nullopt;
    ++m_runs;
    return PasswordHasher::verify(password, stored);
}

std::optional<bool> PasswordWork::verifyUnknown(const QString &password)
{
    const std::optional<bool> verified = verify(password, m_dummyHash);
    if (!verified)
        return std::nullopt;
    return false;
}

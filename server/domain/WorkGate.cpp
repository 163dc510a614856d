#include "WorkGate.h"

#include <QtCore/QtGlobal>

WorkGate::WorkGate(int places, int waitMs) : m_semaphore(qMax(1, places)), m_waitMs(qMax(0, waitMs)) { }

std::optional<WorkGate::Ticket> WorkGate::enter()
{
    if (!m_semaphore.tryAcquire(1, m_waitMs))
        return std::nullopt;
    return Ticket(m_semaphore);
}

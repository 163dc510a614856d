#pragma once

#include <QtCore/QSemaphore>

#include <optional>
#include <utility>

// At most `places` pieces of some expensive work at once in this process; a caller
// waits at most `waitMs` for a slot and is otherwise told no. What it bounds is CPU:
// PBKDF2 from every worker thread at once would starve every other request.
class WorkGate
{
public:
    // Holds one slot until destroyed.
    class Ticket
    {
    public:
        explicit Ticket(QSemaphore &semaphore) : m_semaphore(&semaphore) { }
        Ticket(Ticket &&other) noexcept : m_semaphore(std::exchange(other.m_semaphore, nullptr)) { }
        Ticket(const Ticket &) = delete;
        Ticket &operator=(const Ticket &) = delete;
        Ticket &operator=(Ticket &&) = delete;
        ~Ticket()
        {
            if (m_semaphore)
                m_semaphore->release();
        }

    private:
        QSemaphore *m_semaphore;
    };

    WorkGate(int places, int waitMs);

    // A slot, or nothing when none came free within the wait.
    std::optional<Ticket> enter();
    int waitMs() const { return m_waitMs; }

private:
    QSemaphore m_semaphore;
    int m_waitMs;
};

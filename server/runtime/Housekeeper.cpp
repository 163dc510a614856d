#include "Housekeeper.h"

#include "Database.h"

#include <QtCore/QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcRetention)

Housekeeper::Housekeeper(Options options, QObject *parent) : QThread(parent), m_options(std::move(options)) { }

Housekeeper::~Housekeeper()
{
    stop();
}

void Housekeeper::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    wait();
}

bool Housekeeper::waitFor(int ms)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    return !m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stopping; });
}

void Housekeeper::run()
{
    Database database(m_options.mysql, QStringLiteral("housekeeper"));
    RetentionService retention(database, m_options.ages);
    int delayMs = m_options.firstSweepMs;
    while (waitFor(delayMs)) {
        delayMs = m_options.intervalMs;
        // A failure (MySQL down) is logged by Database; the next sweep tries again.
        if (!retention.sweep())
            qCInfo(lcRetention) << "retention sweep skipped; next in" << m_options.intervalMs / 1000 << "s";
    }
}

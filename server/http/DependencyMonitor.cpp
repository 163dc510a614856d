#include "DependencyMonitor.h"

#include "Database.h"
#include "KafkaProbe.h"
#include "RedisClient.h"

#include <QtCore/QDateTime>

DependencyMonitor::DependencyMonitor(Options options, QObject *parent) : QThread(parent), m_options(std::move(options)) { }

DependencyMonitor::~DependencyMonitor()
{
    stop();
}

DependencyMonitor::State DependencyMonitor::state() const
{
    return State { m_mysql.load(), m_redis.load(), m_kafka.load(), m_checkedAtMs.load() };
}

bool DependencyMonitor::waitForFirstCheck(int timeoutMs)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    return m_wake.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_checkedAtMs.load() > 0 || m_stopping; });
}

void DependencyMonitor::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    wait();
}

void DependencyMonitor::run()
{
    Database database(m_options.mysql, QStringLiteral("readiness"));
    RedisClient redis(m_options.redis, 200);
    for (;;) {
        m_mysql = database.ping();
        m_redis = redis.ping();
        m_kafka = m_options.kafka && m_options.kafka->reachable(m_options.kafkaTimeoutMs);
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_checkedAtMs = QDateTime::currentMSecsSinceEpoch();
            m_wake.notify_all();
            if (m_wake.wait_for(lock, std::chrono::milliseconds(m_options.intervalMs), [this] { return m_stopping; }))
                return;
        }
    }
}

#pragma once

#include "MysqlEndpoint.h"
#include "RedisEndpoint.h"

#include <QtCore/QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>

class KafkaProbe;

// What /readyz and /metrics say about MySQL, Redis and Kafka, checked on a thread of
// its own every `intervalMs` (connections of its own, short timeouts), so an answer
// is at most about a second old and never waits on a dependency: a MySQL reconnect
// can take seconds, and no worker may spend them.
class DependencyMonitor : public QThread
{
    Q_OBJECT
public:
    struct Options {
        MysqlEndpoint mysql;
        RedisEndpoint redis;
        const KafkaProbe *kafka = nullptr;
        int intervalMs = 500;
        int kafkaTimeoutMs = 400;
    };
    struct State {
        bool mysql = false;
        bool redis = false;
        bool kafka = false;
        qint64 checkedAtMs = 0; // 0: not checked yet
    };

    explicit DependencyMonitor(Options options, QObject *parent = nullptr);
    ~DependencyMonitor() override;

    // Thread-safe; the last completed check.
    State state() const;
    // Blocks until one check has completed (start-up), at most `timeoutMs`.
    bool waitForFirstCheck(int timeoutMs);
    void stop();

protected:
    void run() override;

private:
    Options m_options;
    std::atomic<bool> m_mysql { false };
    std::atomic<bool> m_redis { false };
    std::atomic<bool> m_kafka { false };
    std::atomic<qint64> m_checkedAtMs { 0 };
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
};

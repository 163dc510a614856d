#pragma once

#include "MysqlEndpoint.h"

#include <QtCore/QList>
#include <QtCore/QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>

// Publishes outbox rows to Kafka (DESIGN.md, Runtime), on a thread of its own with its
// own MySQL connection and an idempotent acks=all producer:
// - woken by the request that committed an order (notify()), so an event leaves right
//   after its commit, not at the next poll;
// - every `scheduleMs` it also takes PENDING rows older than `minimumAgeMs` (a crash
//   between commit and publish, a broker outage), with backoff per row;
// - a row becomes PUBLISHED on its delivery report; after `maxAttempts` failed
//   deliveries it becomes FAILED and shows in /api/v1/admin/outbox and /metrics.
// The key is the order id, so one order's events stay in one partition, in order.
class OutboxRelay : public QThread
{
    Q_OBJECT
public:
    struct Options {
        MysqlEndpoint mysql;
        QString brokers;
        QString topic = QStringLiteral("storefront.orders");
        int maxAttempts = 8;
        int scheduleMs = 1000;
        int minimumAgeMs = 2000;
        int leaseSeconds = 15; // > deliveryTimeoutMs: a crashed relay's rows come back after this
        int deliveryTimeoutMs = 10000;
    };

    explicit OutboxRelay(Options options, QObject *parent = nullptr);
    ~OutboxRelay() override;

    // Thread-safe; cheap enough to call after every commit.
    void notify();
    // Flushes what is in flight (bounded), then ends the thread.
    void stop();

    quint64 published() const { return m_published.load(); }
    quint64 failedDeliveries() const { return m_failedDeliveries.load(); }
    int inFlight() const { return m_inFlight.load(); }
    // The outbox table's state, refreshed once per schedule period.
    qint64 pending() const { return m_pending.load(); }
    qint64 failedRows() const { return m_failedRows.load(); }
    qint64 oldestPendingSeconds() const { return m_oldestPendingSeconds.load(); }

protected:
    void run() override;

private:
    struct Delivery;
    static void onDelivery(struct rd_kafka_s *handle, const struct rd_kafka_message_s *message, void *opaque);

    struct Undelivered {
        qint64 id;
        int attempts;
        QString error;
    };

    Options m_options;
    // Touched only on the relay's thread (delivery reports arrive in rd_kafka_poll()).
    QList<qint64> m_delivered;
    QList<Undelivered> m_undelivered;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_notified = false;
    bool m_stopping = false;
    std::atomic<quint64> m_published { 0 };
    std::atomic<quint64> m_failedDeliveries { 0 };
    std::atomic<int> m_inFlight { 0 };
    std::atomic<qint64> m_pending { 0 };
    std::atomic<qint64> m_failedRows { 0 };
    std::atomic<qint64> m_oldestPendingSeconds { 0 };
};

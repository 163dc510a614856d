#pragma once

#include <QtCore/QString>

struct rd_kafka_s;

// Answers "can we reach the Kafka cluster now?" for /readyz: a metadata request with
// a short timeout on one long-lived client handle (librdkafka handles are thread-safe).
class KafkaProbe
{
public:
    explicit KafkaProbe(const QString &brokers);
    ~KafkaProbe();
    KafkaProbe(const KafkaProbe &) = delete;
    KafkaProbe &operator=(const KafkaProbe &) = delete;

    bool reachable(int timeoutMs) const;

private:
    rd_kafka_s *m_handle = nullptr;
};

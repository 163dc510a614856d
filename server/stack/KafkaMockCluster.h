#pragma once

#include "Result.h"

#include <QtCore/QString>

struct rd_kafka_s;
struct rd_kafka_mock_cluster_s;

// librdkafka's mock Kafka cluster, in this process: real Kafka protocol over TCP on
// loopback, nothing on disk. It dies with us, so it can never be an orphan. The outbox
// in MySQL, not this broker, is what survives a restart (DESIGN.md, local stack).
class KafkaMockCluster
{
public:
    KafkaMockCluster();
    ~KafkaMockCluster();
    KafkaMockCluster(const KafkaMockCluster &) = delete;
    KafkaMockCluster &operator=(const KafkaMockCluster &) = delete;

    Status start(int brokers = 3);
    void stop();
    bool isRunning() const { return m_cluster != nullptr; }

    // "127.0.0.1:port,..." for bootstrap.servers.
    QString bootstrapServers() const { return m_bootstraps; }
    Status createTopic(const QString &topic, int partitions, int replicationFactor);
    // Makes every broker refuse and drop connections (down) or serve again (up):
    // a broker outage, for fault tests.
    void setBrokersUp(bool up);

private:
    rd_kafka_s *m_handle = nullptr;
    rd_kafka_mock_cluster_s *m_cluster = nullptr;
    int m_brokers = 0;
    QString m_bootstraps;
};

#include "KafkaMockCluster.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

KafkaMockCluster::KafkaMockCluster() = default;

KafkaMockCluster::~KafkaMockCluster()
{
    stop();
}

Status KafkaMockCluster::start(int brokers)
{
    if (m_cluster)
        return Done {};
    char error[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    // The handle only hosts the mock cluster's thread; keep it quiet.
    rd_kafka_conf_set(conf, "log_level", "3", error, sizeof error);
    m_handle = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
    if (!m_handle) {
        rd_kafka_conf_destroy(conf);
        return Failure { ErrorCode::Unavailable,
                         QStringLiteral("Kafka mock: could not create a handle: %1").arg(QString::fromUtf8(error)),
                         {} };
    }
    m_cluster = rd_kafka_mock_cluster_new(m_handle, brokers);
    if (!m_cluster) {
        rd_kafka_destroy(m_handle);
        m_handle = nullptr;
        return Failure { ErrorCode::Unavailable, QStringLiteral("Kafka mock: could not start the cluster"), {} };
    }
    m_brokers = brokers;
    m_bootstraps = QString::fromUtf8(rd_kafka_mock_cluster_bootstraps(m_cluster));
    return Done {};
}

void KafkaMockCluster::stop()
{
    if (m_cluster)
        rd_kafka_mock_cluster_destroy(m_cluster);
    if (m_handle)
        rd_kafka_destroy(m_handle);
    m_cluster = nullptr;
    m_handle = nullptr;
    m_bootstraps.clear();
}

Status KafkaMockCluster::createTopic(const QString &topic, int partitions, int replicationFactor)
{
    if (!m_cluster)
        return Failure { ErrorCode::Unavailable, QStringLiteral("Kafka mock is not running"), {} };
    const rd_kafka_resp_err_t err =
            rd_kafka_mock_topic_create(m_cluster, topic.toUtf8().constData(), partitions, replicationFactor);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR && err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
        return Failure { ErrorCode::Unavailable,
                         QStringLiteral("Kafka mock: could not create %1: %2")
                                 .arg(topic, QString::fromUtf8(rd_kafka_err2str(err))),
                         {} };
    return Done {};
}

void KafkaMockCluster::setBrokersUp(bool up)
{
    if (!m_cluster)
        return;
    for (int id = 1; id <= m_brokers; ++id) {
        if (up)
            rd_kafka_mock_broker_set_up(m_cluster, id);
        else
            rd_kafka_mock_broker_set_down(m_cluster, id);
    }
}

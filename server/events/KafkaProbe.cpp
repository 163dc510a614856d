#include "KafkaProbe.h"

#include "KafkaConfig.h"

#include <QtCore/QLoggingCategory>

#include <librdkafka/rdkafka.h>

Q_LOGGING_CATEGORY(lcKafkaProbe, "storefront.kafka")

KafkaProbe::KafkaProbe(const QString &brokers)
{
    char error[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    KafkaConfig::set(conf, "bootstrap.servers", brokers.toUtf8());
    KafkaConfig::set(conf, "log_level", "3");
    KafkaConfig::set(conf, "reconnect.backoff.max.ms", "1000");
    m_handle = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
    if (!m_handle) {
        rd_kafka_conf_destroy(conf);
        qCWarning(lcKafkaProbe) << "cannot create a Kafka client:" << error;
    }
}

KafkaProbe::~KafkaProbe()
{
    if (m_handle)
        rd_kafka_destroy(m_handle);
}

bool KafkaProbe::reachable(int timeoutMs) const
{
    if (!m_handle)
        return false;
    const struct rd_kafka_metadata *metadata = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(m_handle, 0, nullptr, &metadata, timeoutMs);
    if (metadata)
        rd_kafka_metadata_destroy(metadata);
    return err == RD_KAFKA_RESP_ERR_NO_ERROR;
}

#include "KafkaConfig.h"

#include <QtCore/QLoggingCategory>

#include <librdkafka/rdkafka.h>

Q_LOGGING_CATEGORY(lcKafkaConfig, "storefront.kafka")

void KafkaConfig::set(rd_kafka_conf_t *conf, const char *name, const QByteArray &value)
{
    char error[512];
    if (rd_kafka_conf_set(conf, name, value.constData(), error, sizeof error) != RD_KAFKA_CONF_OK)
        qCWarning(lcKafkaConfig) << "kafka config" << name << ":" << error;
}

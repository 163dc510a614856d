#pragma once

#include <QtCore/QByteArray>

typedef struct rd_kafka_conf_s rd_kafka_conf_t;

// librdkafka settings for every client of ours (relay, data platform, probe): a
// setting the library refuses is logged, not silently dropped.
namespace KafkaConfig {
void set(rd_kafka_conf_t *conf, const char *name, const QByteArray &value);
}

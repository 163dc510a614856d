#include "KafkaTopics.h"

#include <QtCore/QLoggingCategory>

#include <librdkafka/rdkafka.h>

Q_LOGGING_CATEGORY(lcTopics, "storefront.kafka")

bool KafkaTopics::ensure(rd_kafka_s *handle, const QString &topic, int partitions, int timeoutMs,
                         const std::function<bool()> &cancelled)
{
    char error[512];
    const QByteArray name = topic.toUtf8();
    rd_kafka_NewTopic_t *newTopic = rd_kafka_NewTopic_new(name.constData(), partitions, -1, error, sizeof error);
    if (!newTopic)
        return false;
    rd_kafka_queue_t *queue = rd_kafka_queue_new(handle);
    rd_kafka_AdminOptions_t *options = rd_kafka_AdminOptions_new(handle, RD_KAFKA_ADMIN_OP_CREATETOPICS);
    rd_kafka_AdminOptions_set_operation_timeout(options, timeoutMs, error, sizeof error);
    rd_kafka_CreateTopics(handle, &newTopic, 1, options, queue);
    bool ok = false;
    rd_kafka_event_t *event = nullptr;
    for (int waited = 0; !event && waited <= timeoutMs && !cancelled(); waited += 100)
        event = rd_kafka_queue_poll(queue, 100);
    if (event) {
        const rd_kafka_CreateTopics_result_t *result = rd_kafka_event_CreateTopics_result(event);
        size_t count = 0;
        const rd_kafka_topic_result_t **topics = result ? rd_kafka_CreateTopics_result_topics(result, &count) : nullptr;
        const rd_kafka_resp_err_t err = count == 1 ? rd_kafka_topic_result_error(topics[0]) : rd_kafka_event_error(event);
        ok = err == RD_KAFKA_RESP_ERR_NO_ERROR || err == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS;
        if (!ok)
            qCWarning(lcTopics) << "cannot create topic" << topic << ":" << rd_kafka_err2str(err);
        rd_kafka_event_destroy(event);
    } else {
        qCInfo(lcTopics) << "no answer creating topic" << topic << "(a broker that is down, or one without the Admin API)";
    }
    rd_kafka_AdminOptions_destroy(options);
    rd_kafka_queue_destroy(queue);
    rd_kafka_NewTopic_destroy(newTopic);
    return ok;
}

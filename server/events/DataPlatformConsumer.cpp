#include "DataPlatformConsumer.h"

#include "DataPlatformRepository.h"
#include "Database.h"
#include "IsoTime.h"
#include "KafkaConfig.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>

#include <librdkafka/rdkafka.h>

Q_LOGGING_CATEGORY(lcDataPlatform, "storefront.dataplatform")

DataPlatformConsumer::DataPlatformConsumer(Options options, QObject *parent)
    : QThread(parent), m_options(std::move(options))
{
    setObjectName(QStringLiteral("data-platform"));
}

DataPlatformConsumer::~DataPlatformConsumer()
{
    stop();
}

void DataPlatformConsumer::stop()
{
    m_stopping = true;
    wait();
}

void DataPlatformConsumer::run()
{
    Database database(m_options.mysql, QStringLiteral("data-platform"));
    DataPlatformRepository store(database);
    database.open();

    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    KafkaConfig::set(conf, "bootstrap.servers", m_options.brokers.toUtf8());
    KafkaConfig::set(conf, "group.id", m_options.group.toUtf8());
    KafkaConfig::set(conf, "enable.auto.commit", "false");
    KafkaConfig::set(conf, "auto.offset.reset", "earliest");
    KafkaConfig::set(conf, "session.timeout.ms", QByteArray::number(m_options.sessionTimeoutMs));
    KafkaConfig::set(conf, "heartbeat.interval.ms", QByteArray::number(m_options.heartbeatIntervalMs));
    KafkaConfig::set(conf, "fetch.wait.max.ms", QByteArray::number(m_options.fetchWaitMs));
    KafkaConfig::set(conf, "reconnect.backoff.max.ms", "1000");
    KafkaConfig::set(conf, "log_level", "3");
    char error[512];
    rd_kafka_t *consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf, error, sizeof error);
    if (!consumer) {
        rd_kafka_conf_destroy(conf);
        qCCritical(lcDataPlatform) << "cannot create the Kafka consumer:" << error;
        return;
    }
    rd_kafka_poll_set_consumer(consumer);
    rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(topics, m_options.topic.toUtf8().constData(), RD_KAFKA_PARTITION_UA);
    if (const rd_kafka_resp_err_t err = rd_kafka_subscribe(consumer, topics))
        qCWarning(lcDataPlatform) << "cannot subscribe:" << rd_kafka_err2str(err);
    rd_kafka_topic_partition_list_destroy(topics);

    while (!m_stopping) {
        // What has arrived, up to kBatch events: one transaction (one COMMIT, a few
        // statements) stores them all, instead of one each.
        QList<DataPlatformRepository::Event> batch;
        int polled = 0;
        for (rd_kafka_message_t *message = rd_kafka_consumer_poll(consumer, 100); message;
             message = polled < kBatch ? rd_kafka_consumer_poll(consumer, 0) : nullptr) {
            ++polled;
            if (message->err) {
                if (message->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
                    qCDebug(lcDataPlatform) << "consumer:" << rd_kafka_message_errstr(message);
                rd_kafka_message_destroy(message);
                continue;
            }
            const QByteArray value(static_cast<const char *>(message->payload), int(message->len));
            const QJsonObject event = QJsonDocument::fromJson(value).object();
            const QString eventId = event.value(QStringLiteral("eventId")).toString();
            const QDateTime occurredAt = IsoTime::parse(event.value(QStringLiteral("occurredAt")).toString());
            if (eventId.isEmpty() || !occurredAt.isValid()) {
                // Not ours to store; committing past it keeps one bad message from
                // stopping the partition.
                qCWarning(lcDataPlatform) << "skipping a malformed event at partition" << message->partition << "offset"
                                          << message->offset;
            } else {
                batch.append({ eventId, event.value(QStringLiteral("type")).toString(),
                               event.value(QStringLiteral("order")).toObject().value(QStringLiteral("id")).toInteger(),
                               occurredAt, message->partition, qint64(message->offset), value });
            }
            rd_kafka_message_destroy(message);
        }
        if (polled == 0)
            continue;
        // Store, retrying until MySQL takes them: no offset is committed for an event
        // that is not stored.
        bool stored = batch.isEmpty();
        while (!stored && !m_stopping) {
            const Result<int> fresh = database.transaction<int>([&] { return store.store(batch); });
            if (fresh) {
                stored = true;
                m_stored += quint64(fresh.value());
                m_duplicates += quint64(batch.size() - fresh.value());
            } else {
                QThread::msleep(200);
            }
        }
        // Every message polled (its offset stored at poll time), malformed ones too.
        if (stored)
            rd_kafka_commit(consumer, nullptr, 1);
    }
    rd_kafka_consumer_close(consumer);
    rd_kafka_destroy(consumer);
}

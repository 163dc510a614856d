#include "OutboxRelay.h"

#include "Database.h"
#include "KafkaConfig.h"
#include "KafkaTopics.h"
#include "OutboxRepository.h"
#include "SqlBatch.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QLoggingCategory>

#include <librdkafka/rdkafka.h>

#include <chrono>

Q_LOGGING_CATEGORY(lcRelay, "storefront.outbox")

namespace {
constexpr int kBatch = SqlBatch::kMaxBatch; // one lease UPDATE per round

int backoffSeconds(int attempts)
{
    return qMin(60, 1 << qMin(attempts - 1, 6));
}
}

// Travels with each message to its delivery report.
struct OutboxRelay::Delivery {
    qint64 id = 0;
    int attempts = 0;
};

OutboxRelay::OutboxRelay(Options options, QObject *parent) : QThread(parent), m_options(std::move(options))
{
    setObjectName(QStringLiteral("outbox-relay"));
}

OutboxRelay::~OutboxRelay()
{
    stop();
}

void OutboxRelay::notify()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_notified = true;
    }
    m_wake.notify_one();
}

void OutboxRelay::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    wait();
}

void OutboxRelay::onDelivery(rd_kafka_s *, const rd_kafka_message_s *message, void *opaque)
{
    auto *relay = static_cast<OutboxRelay *>(opaque);
    auto *delivery = static_cast<Delivery *>(message->_private);
    --relay->m_inFlight;
    // Called inside rd_kafka_poll() on the relay's own thread: no lock needed.
    if (message->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        ++relay->m_published;
        relay->m_delivered.append(delivery->id);
    } else {
        ++relay->m_failedDeliveries;
        relay->m_undelivered.append({ delivery->id, delivery->attempts, QString::fromUtf8(rd_kafka_err2str(message->err)) });
    }
    delete delivery;
}

void OutboxRelay::run()
{
    Database database(m_options.mysql, QStringLiteral("outbox-relay"));
    database.open();
    OutboxRepository outbox(database);

    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    KafkaConfig::set(conf, "bootstrap.servers", m_options.brokers.toUtf8());
    KafkaConfig::set(conf, "enable.idempotence", "true");
    KafkaConfig::set(conf, "acks", "all");
    KafkaConfig::set(conf, "linger.ms", "1");
    KafkaConfig::set(conf, "message.timeout.ms", QByteArray::number(m_options.deliveryTimeoutMs));
    KafkaConfig::set(conf, "reconnect.backoff.max.ms", "1000");
    KafkaConfig::set(conf, "log_level", "3");
    rd_kafka_conf_set_opaque(conf, this);
    rd_kafka_conf_set_dr_msg_cb(conf, &OutboxRelay::onDelivery);
    char error[512];
    rd_kafka_t *producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
    if (!producer) {
        rd_kafka_conf_destroy(conf);
        qCCritical(lcRelay) << "cannot create the Kafka producer:" << error << "- events stay PENDING in the outbox";
        return;
    }
    KafkaTopics::ensure(producer, m_options.topic, 3, 5000, [this] {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_stopping;
    });

    const auto record = [&] {
        // A failed write keeps the ids for the next round; at worst the lease expires
        // and the row is sent again, which the data platform ignores by eventId.
        if (!m_delivered.isEmpty()
            && database.transaction<Done>([&]() -> Status { return outbox.markPublished(m_delivered); }).ok())
            m_delivered.clear();
        for (const Undelivered &u : std::as_const(m_undelivered))
            outbox.markFailed(u.id, u.attempts, m_options.maxAttempts, backoffSeconds(u.attempts), u.error);
        m_undelivered.clear();
    };

    QElapsedTimer sinceCounts;
    bool stopping = false;
    while (!stopping) {
        bool woken = false;
        if (m_inFlight.load() > 0) {
            // Delivery reports are served here; a short poll keeps commit-to-broker latency low.
            rd_kafka_poll(producer, 2);
            std::lock_guard<std::mutex> lock(m_mutex);
            woken = std::exchange(m_notified, false);
            stopping = m_stopping;
        } else {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait_for(lock, std::chrono::milliseconds(m_options.scheduleMs), [this] { return m_notified || m_stopping; });
            woken = std::exchange(m_notified, false);
            stopping = m_stopping;
            lock.unlock();
            rd_kafka_poll(producer, 0);
        }
        record();
        if (stopping)
            break;
        if (!sinceCounts.isValid() || sinceCounts.elapsed() >= m_options.scheduleMs) {
            sinceCounts.start();
            if (const auto counts = outbox.counts()) {
                m_pending = counts->pending;
                m_failedRows = counts->failed;
                m_oldestPendingSeconds = counts->oldestPendingSeconds;
            }
        }

        // Woken by a commit: send what is due now. Otherwise (the schedule) only rows
        // old enough that no committing request will wake anyone for them.
        const Result<QList<OutboxRepository::Event>> due = database.transaction<QList<OutboxRepository::Event>>(
                [&] { return outbox.claimDue(kBatch, m_options.leaseSeconds, woken ? 0 : m_options.minimumAgeMs); });
        if (!due) {
            qCWarning(lcRelay) << "cannot read the outbox; retrying at the next schedule";
            continue;
        }
        for (const OutboxRepository::Event &event : due.value()) {
            auto *delivery = new Delivery { event.id, event.attempts };
            const QByteArray key = QByteArray::number(event.orderId);
            ++m_inFlight;
            const rd_kafka_resp_err_t err = rd_kafka_producev(
                    producer, RD_KAFKA_V_TOPIC(m_options.topic.toUtf8().constData()),
                    RD_KAFKA_V_KEY(key.constData(), size_t(key.size())),
                    RD_KAFKA_V_VALUE(const_cast<char *>(event.payload.constData()), size_t(event.payload.size())),
                    RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_OPAQUE(delivery), RD_KAFKA_V_END);
            if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
                --m_inFlight;
                m_undelivered.append({ event.id, event.attempts, QString::fromUtf8(rd_kafka_err2str(err)) });
                delete delivery;
            }
        }
        // A full batch means more may be due: go round again at once.
        if (due->size() == kBatch)
            notify();
    }

    rd_kafka_flush(producer, 5000);
    rd_kafka_poll(producer, 0);
    record();
    rd_kafka_destroy(producer);
}

#pragma once

#include <QtCore/QString>

#include <functional>

struct rd_kafka_s;

// Creates a topic if it is missing (Admin API), on any client handle. An existing
// topic, or a cluster that refuses (no rights), is left as it is: producing then
// tells the real story.
namespace KafkaTopics {
// Waits at most timeoutMs, and returns early once `cancelled` says so (a server
// stopping must not wait for a broker that does not answer).
bool ensure(rd_kafka_s *handle, const QString &topic, int partitions, int timeoutMs,
            const std::function<bool()> &cancelled);
}

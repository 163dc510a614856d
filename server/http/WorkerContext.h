#pragma once

class Database;
class HttpMetrics;
class KafkaProbe;
class RedisClient;

// What a worker thread's handlers may use: the connections this thread owns, and the
// parts all workers share (thread-safe).
struct WorkerContext {
    int index = 0;
    Database &database;
    RedisClient &redis;
    HttpMetrics &metrics;
    const KafkaProbe *kafka = nullptr;
};

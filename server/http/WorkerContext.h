#pragma once

class Database;
class HttpMetrics;
class DependencyMonitor;
class RedisClient;

// What a worker thread's handlers may use: the connections this thread owns, and the
// parts all workers share (thread-safe).
struct WorkerContext {
    int index = 0;
    Database &database;
    RedisClient &redis;
    HttpMetrics &metrics;
    // MySQL, Redis and Kafka as last checked in the background (/readyz, /metrics).
    const DependencyMonitor *dependencies = nullptr;
};

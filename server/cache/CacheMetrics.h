#pragma once

#include <QtCore/QByteArray>

#include <atomic>

// Counters of the Redis hot paths, shared by every worker (relaxed atomics: they are
// statistics, nothing decides on them). Exported on /metrics.
class CacheMetrics
{
public:
    enum class Cache { Product, Page, Ranking, Stock, Count };
    enum class GateAnswer { Admitted, SoldOut, AlreadyIssued, NotOpen, Count };

    void hit(Cache cache) { bump(m_hits[int(cache)]); }
    void miss(Cache cache) { bump(m_misses[int(cache)]); }
    // A miss that rebuilt the entry (the stampede guard lets one per key through).
    void rebuilt(Cache cache) { bump(m_rebuilds[int(cache)]); }
    // A request that found the entry being rebuilt and waited for it.
    void waited(Cache cache) { bump(m_waits[int(cache)]); }

    void gate(GateAnswer answer) { bump(m_gate[int(answer)]); }
    // Redis could not answer: the claim went to MySQL alone.
    void gateBypassed() { bump(m_gateBypassed); }
    void gateRebuilt() { bump(m_gateRebuilds); }
    // Admitted by Redis, refused by MySQL: the slot was given back.
    void gateReleased() { bump(m_gateReleased); }

    void lockAcquired() { bump(m_lockAcquired); }
    void lockTimedOut() { bump(m_lockTimeouts); }
    // Redis could not answer: MySQL's row locks alone kept the operation exact.
    void lockFellBack() { bump(m_lockFallbacks); }

    quint64 hits(Cache cache) const { return m_hits[int(cache)].load(std::memory_order_relaxed); }
    quint64 misses(Cache cache) const { return m_misses[int(cache)].load(std::memory_order_relaxed); }
    quint64 rebuilds(Cache cache) const { return m_rebuilds[int(cache)].load(std::memory_order_relaxed); }
    quint64 gateCount(GateAnswer answer) const { return m_gate[int(answer)].load(std::memory_order_relaxed); }
    quint64 gateBypasses() const { return m_gateBypassed.load(std::memory_order_relaxed); }
    quint64 gateRebuilds() const { return m_gateRebuilds.load(std::memory_order_relaxed); }
    quint64 locksAcquired() const { return m_lockAcquired.load(std::memory_order_relaxed); }

    QByteArray prometheus() const;

private:
    using Counter = std::atomic<quint64>;
    static void bump(Counter &c) { c.fetch_add(1, std::memory_order_relaxed); }

    Counter m_hits[int(Cache::Count)] {};
    Counter m_misses[int(Cache::Count)] {};
    Counter m_rebuilds[int(Cache::Count)] {};
    Counter m_waits[int(Cache::Count)] {};
    Counter m_gate[int(GateAnswer::Count)] {};
    Counter m_gateBypassed { 0 };
    Counter m_gateRebuilds { 0 };
    Counter m_gateReleased { 0 };
    Counter m_lockAcquired { 0 };
    Counter m_lockTimeouts { 0 };
    Counter m_lockFallbacks { 0 };
};

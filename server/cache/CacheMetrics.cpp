#include "CacheMetrics.h"

namespace {
const char *const kCacheNames[] = { "product", "page", "ranking", "stock" };
const char *const kGateReasons[] = { "admitted", "sold_out", "already_issued", "not_open" };

QByteArray header(const char *name, const char *help, const char *type = "counter")
{
    return QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

QByteArray sample(const char *name, const QByteArray &labels, quint64 value)
{
    return QByteArray(name) + (labels.isEmpty() ? QByteArray() : '{' + labels + '}') + ' ' + QByteArray::number(value) + '\n';
}
}

QByteArray CacheMetrics::prometheus() const
{
    QByteArray out;
    const auto perCache = [&](const char *name, const char *help, const Counter *counters) {
        out += header(name, help);
        for (int i = 0; i < int(Cache::Count); ++i)
            out += sample(name, QByteArray("cache=\"") + kCacheNames[i] + '"', counters[i].load(std::memory_order_relaxed));
    };
    perCache("storefront_cache_hits_total", "Answers found in Redis.", m_hits);
    perCache("storefront_cache_misses_total", "Answers not found in Redis.", m_misses);
    perCache("storefront_cache_rebuilds_total", "Entries rebuilt from MySQL (one per expired key under the stampede guard).",
             m_rebuilds);
    perCache("storefront_cache_waits_total", "Requests that waited for another request's rebuild.", m_waits);

    out += header("storefront_coupon_gate_admitted_total", "Claims the Redis gate let through to MySQL.");
    out += sample("storefront_coupon_gate_admitted_total", {}, m_gate[int(GateAnswer::Admitted)].load(std::memory_order_relaxed));
    out += header("storefront_coupon_gate_rejected_total", "Claims the Redis gate answered alone, by reason.");
    for (int i = 1; i < int(GateAnswer::Count); ++i)
        out += sample("storefront_coupon_gate_rejected_total", QByteArray("reason=\"") + kGateReasons[i] + '"',
                      m_gate[i].load(std::memory_order_relaxed));
    out += header("storefront_coupon_gate_bypassed_total", "Claims decided by MySQL alone because Redis did not answer.");
    out += sample("storefront_coupon_gate_bypassed_total", {}, m_gateBypassed.load(std::memory_order_relaxed));
    out += header("storefront_coupon_gate_rebuilds_total", "Gate states rebuilt from MySQL (first use, Redis restarted or flushed).");
    out += sample("storefront_coupon_gate_rebuilds_total", {}, m_gateRebuilds.load(std::memory_order_relaxed));
    out += header("storefront_coupon_gate_released_total", "Admitted claims MySQL refused, their slot given back.");
    out += sample("storefront_coupon_gate_released_total", {}, m_gateReleased.load(std::memory_order_relaxed));

    out += header("storefront_lock_acquired_total", "Redis locks taken (concurrency strategy redis-lock).");
    out += sample("storefront_lock_acquired_total", {}, m_lockAcquired.load(std::memory_order_relaxed));
    out += header("storefront_lock_timeouts_total", "Redis lock waits that gave up (answered 503).");
    out += sample("storefront_lock_timeouts_total", {}, m_lockTimeouts.load(std::memory_order_relaxed));
    out += header("storefront_lock_fallbacks_total", "Operations run on MySQL's row locks alone because Redis did not answer.");
    out += sample("storefront_lock_fallbacks_total", {}, m_lockFallbacks.load(std::memory_order_relaxed));
    return out;
}

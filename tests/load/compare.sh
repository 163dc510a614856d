#!/usr/bin/env bash
# The lock comparison (docs/reports/concurrency.md): the same scenarios on the same
# machine in one run, once per concurrency strategy, and the catalogue and coupon rush
# once more with Redis out of the hot paths. Each configuration gets a fresh server on
# a fresh local stack, seeded alike. Writes the raw output, a data file and a PNG chart.
#
# Usage: tests/load/compare.sh [seconds per scenario (default 10)] [connections (default 64)]
# Out:   $OUT (default docs/reports/concurrency) .txt, .dat and .png
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${OUT:-$root/docs/reports/concurrency}"
seconds="${1:-10}"
connections="${2:-64}"

{
    LABEL=db-lock SERVER_ARGS="--concurrency db-lock" SCENARIOS="healthz coupon-rush order-hot charge pages healthz-after" \
        "$here/run.sh" "$seconds" "$connections"
    LABEL=redis-lock SERVER_ARGS="--concurrency redis-lock" SCENARIOS="healthz coupon-rush order-hot charge pages healthz-after" \
        "$here/run.sh" "$seconds" "$connections"
    LABEL=no-redis SERVER_ARGS="--cache off" SCENARIOS="healthz coupon-rush pages healthz-after" \
        "$here/run.sh" "$seconds" "$connections"
} | tee "$out.txt"

# label scenario rps p50 p95 p99, one line per RESULT.
grep '^RESULT' "$out.txt" | sed -E 's/.*label=([^ ]+) scenario=([^ ]+) rps=([0-9]+) p50_ms=([0-9.]+) p95_ms=([0-9.]+) p99_ms=([0-9.]+).*/\1 \2 \3 \4 \5 \6/' \
    >"$out.dat"
# Pivot for the chart: one row per scenario, one column per configuration (0: not run).
pivot() {
    awk -v col="$1" '{v[$2" "$1]=$col} END {
        n=split("coupon-rush order-hot charge pages", s, " ");
        print "scenario db-lock redis-lock no-redis";
        for (i=1;i<=n;i++) printf "%s %s %s %s\n", s[i], v[s[i]" db-lock"]+0, v[s[i]" redis-lock"]+0, v[s[i]" no-redis"]+0 }' "$out.dat"
}
pivot 3 >"$out.rps.dat"
pivot 6 >"$out.p99.dat"
if command -v gnuplot >/dev/null; then
    gnuplot -e "rps='$out.rps.dat'; p99='$out.p99.dat'; png='$out.png'" "$here/compare.gp"
    echo "chart: $out.png"
else
    echo "gnuplot is missing (apt-get install gnuplot-nox): no chart" >&2
fi

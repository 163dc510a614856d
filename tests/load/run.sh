#!/usr/bin/env bash
# Load scenarios: starts storefront-server on a private local stack, seeds it, and
# runs each scenario with wrk against it, beside the same server's /healthz ceiling.
# Prints one RESULT line per scenario (throughput, p50/p95/p99, status counts) and the
# correctness counts read back from MySQL afterwards.
#
# Usage: tests/load/run.sh [seconds per scenario (default 10)] [connections (default 64)]
# Env:   STOREFRONT_BUILD_DIR (default build/), WORKERS (default 16), THREADS (wrk, default 2),
#        SERVER_ARGS (extra `serve` options, e.g. "--concurrency redis-lock" or "--cache off"),
#        SCENARIOS (which to run, in order; default all but search and category; `lean` is
#        the lean order reference, sysbench on this run's MariaDB), LABEL (tags every RESULT line),
#        DEMO_PRODUCTS (search and category scenarios: the demo catalogue's size, default 10000),
#        PROFILE_DIR (if set: `perf record -a -g` of the whole box for the middle of each
#        scenario into <dir>/<scenario>.data, summarised into <dir>/<scenario>.txt),
#        TLS=1 (the server serves HTTPS with a certificate made here; wrk speaks TLS; the
#        `handshake` scenario opens a new connection per request)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${STOREFRONT_BUILD_DIR:-$root/build}"
server="$build/server/storefront-server"
seconds="${1:-10}"
connections="${2:-64}"
threads="${THREADS:-2}"
workers="${WORKERS:-16}"
command -v wrk >/dev/null || { echo "wrk is missing: run installer/install-deps.sh" >&2; exit 1; }
[ -x "$server" ] || { echo "build first: $server is missing" >&2; exit 1; }

work="$(mktemp -d /tmp/storefront-load-XXXXXX)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
scheme=http
tls_args=()
if [ -n "${TLS:-}" ]; then
    scheme=https
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=127.0.0.1 \
        -addext subjectAltName=IP:127.0.0.1 -keyout "$work/tls.key" -out "$work/tls.pem" >/dev/null 2>&1
    chmod 600 "$work/tls.key"
    tls_args=(--tls-cert "$work/tls.pem" --tls-key "$work/tls.key")
fi
base="$scheme://127.0.0.1:$port"
export LOAD_DIR="$here" TOKENS="$work/tokens.txt" THREADS="$threads"
secret="load-test-secret-$(date +%s)-0123456789abcdef"
pid=""
cleanup() {
    if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# The catalogue scenarios browse the demo shop (categories, Korean and English names);
# the others keep their 100 plain products, whose ids 1..100 the order scenarios use.
case " ${SCENARIOS:-} " in
*" search "* | *" category "*) catalogue=(--demo --products "${DEMO_PRODUCTS:-10000}") ;;
*) catalogue=(--products 100) ;;
esac
"$server" seed --stack "$work/stack" --token-secret "$secret" --users 10000 "${catalogue[@]}" --coupons 0 \
    --balance 100000000 --tokens-out "$TOKENS" >/dev/null
QT_LOGGING_RULES='storefront.http.requests.info=false' STOREFRONT_ADMIN_PASSWORD=load-admin-1 \
    "$server" serve --stack "$work/stack" --token-secret "$secret" --listen "127.0.0.1:$port" --workers "$workers" \
    "${tls_args[@]}" ${SERVER_ARGS:-} >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do curl -sfk "$base/readyz" >/dev/null && break; sleep 0.1; done
curl -sfk "$base/readyz" >/dev/null || { echo "server did not become ready:" >&2; tail -20 "$work/server.log" >&2; exit 1; }

mysql_url=$(grep -ao 'mysql mysql://[^ ]*' "$work/server.log" | head -1 | sed 's/^mysql //')
port_db=$(echo "$mysql_url" | sed -E 's#.*:([0-9]+)/.*#\1#')
redis_url=$(grep -ao ' redis [^ ]*' "$work/server.log" | head -1 | sed 's/^ redis //')
kafka_servers=$(grep -ao ' kafka [^ ]*' "$work/server.log" | head -1 | sed 's/^ kafka //')
q() { mariadb -h127.0.0.1 -P"$port_db" -ustorefront storefront -N -e "$1"; }
# MySQL's own count of statements executed (prepared and plain) and commits.
mysql_work() {
    q "SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_stmt_execute','Questions','Com_commit')" |
        awk '{v[$1]=$2} END {print v["Com_stmt_execute"]+0, v["Questions"]+0, v["Com_commit"]+0}'
}

# CPU time spent during a scenario, in clock ticks: the whole box (user, nice, system,
# irq, softirq), the server, its MariaDB and its Redis; printed per answered request so
# that a scenario's cost can be set beside the lean reference's on the same database.
mysqld_pid=$(pgrep -f "mariadbd.*--datadir=$work/stack" | head -1)
redis_pid=$(pgrep -f "redis-server.*:$(echo "$redis_url" | sed -E 's#.*:([0-9]+).*#\1#')" | head -1)
ticks() { if [ -n "$1" ] && [ -r "/proc/$1/stat" ]; then sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; else echo 0; fi; }
# The server's threads by what they do: HTTP workers, the Kafka client and mock broker
# (rdk:…), the outbox relay, the data platform, the rest (acceptor, timers, batches' leaders are workers).
thread_ticks() {
    local workers=0 kafka=0 relay=0 platform=0 other=0 task name t
    for task in /proc/"$pid"/task/*; do
        name=$(cat "$task/comm" 2>/dev/null) || continue
        t=$(sed 's/^.*) //' "$task/stat" 2>/dev/null | awk '{print $12 + $13}') || continue
        case "$name" in
        http-worker*) workers=$((workers + t)) ;;
        rdk:*) kafka=$((kafka + t)) ;;
        outbox-relay*) relay=$((relay + t)) ;;
        data-platform*) platform=$((platform + t)) ;;
        *) other=$((other + t)) ;;
        esac
    done
    echo "$workers $kafka $relay $platform $other"
}
cpu_now() { echo "$(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat) $(ticks "$pid") $(ticks "$mysqld_pid") $(ticks "$redis_pid") $(thread_ticks)"; }
# Appends cpu_us_per_request=box/server/mysql/redis and the server's threads to a RESULT line.
with_cpu() {
    awk -v b="$1" -v a="$2" -v hz="$(getconf CLK_TCK)" '{
        split(b, x, " "); split(a, y, " "); n = 0
        for (i = 1; i <= NF; i++) if ($i ~ /^requests=/) { split($i, r, "="); n = r[2] }
        us = n ? 1000000 / hz / n : 0
        printf "%s cpu_us_per_request=box:%.0f/server:%.0f/mysql:%.0f/redis:%.0f server_threads_us=workers:%.0f/kafka:%.0f/relay:%.0f/platform:%.0f/other:%.0f\n", $0,
            (y[1]-x[1])*us, (y[2]-x[2])*us, (y[3]-x[3])*us, (y[4]-x[4])*us,
            (y[5]-x[5])*us, (y[6]-x[6])*us, (y[7]-x[7])*us, (y[8]-x[8])*us, (y[9]-x[9])*us }'
}

admin=$(curl -sk -H 'Content-Type: application/json' -d '{"username":"admin","password":"load-admin-1"}' "$base/api/v1/auth/login" |
    python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
coupon=$(curl -sk -H 'Content-Type: application/json' -H "Authorization: Bearer $admin" \
    -d '{"name":"Load rush","discountType":"FIXED","discountValue":1000,"quantity":1000,"validUntil":"2099-01-01T00:00:00Z"}' \
    "$base/api/v1/admin/coupons" | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
hot=$(curl -sk -H 'Content-Type: application/json' -H "Authorization: Bearer $admin" \
    -d '{"name":"Hot item","price":1000,"stock":100000000}' "$base/api/v1/admin/products" |
    python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
spread=$(seq -s, 1 100)

label="${LABEL:-default}"
echo "machine: $(nproc) cores, $scheme, $(free -g | awk '/Mem/{print $2}') GiB; server: $workers workers ${SERVER_ARGS:-}; wrk: $threads threads, $connections connections, ${seconds}s each; $(date -u +%FT%TZ)"
scenario() {
    local name="$1" script="$2" method="$3" path="$4" profiler=""
    if [ -n "${PROFILE_DIR:-}" ]; then
        mkdir -p "$PROFILE_DIR"
        # The middle of the run: past wrk's connection set-up, before its end.
        (sleep 2; exec perf record -a -g -F 499 -o "$PROFILE_DIR/$name.data" -- sleep $((seconds > 6 ? seconds - 4 : 2))) \
            >/dev/null 2>&1 &
        profiler=$!
    fi
    local before after result cpu_before
    before=$(mysql_work)
    cpu_before=$(cpu_now)
    result=$(SCENARIO="$name" COUPON_ID="$coupon" PRODUCTS="${PRODUCTS:-$spread}" \
        wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$here/$script" "$base$path" |
        grep '^RESULT' | sed "s/^RESULT /RESULT label=$label /")
    after=$(mysql_work)
    result=$(echo "$result" | with_cpu "$cpu_before" "$(cpu_now)")
    # What MySQL did per answered request in this scenario (the relay's work included).
    echo "$result" | awk -v b="$before" -v a="$after" '{
        split(b, x, " "); split(a, y, " "); n = 0
        for (i = 1; i <= NF; i++) if ($i ~ /^requests=/) { split($i, r, "="); n = r[2] }
        printf "%s mysql_per_request=%.2f_stmt/%.2f_queries/%.2f_commits\n", $0,
            n ? (y[1]-x[1])/n : 0, n ? (y[2]-x[2])/n : 0, n ? (y[3]-x[3])/n : 0 }'
    if [ -n "$profiler" ]; then
        wait "$profiler" || true
        "$here/profile-summary.sh" "$PROFILE_DIR/$name.data" >"$PROFILE_DIR/$name.txt" 2>/dev/null || true
    fi
}
# The lean order reference (../shared/bench, copied here as lean_order.lua): the same
# order transaction from sysbench's C client, one durable COMMIT per order, on this
# run's MariaDB — what one transaction per order costs the database alone.
lean() {
    command -v sysbench >/dev/null || { echo "sysbench is missing: run installer/install-deps.sh" >&2; exit 1; }
    local options=(--mysql-host=127.0.0.1 --mysql-port="$port_db" --mysql-user=storefront --mysql-db=leanref)
    q "CREATE DATABASE IF NOT EXISTS leanref"
    (cd "$here" && sysbench lean_order.lua "${options[@]}" prepare >/dev/null)
    local cpu_before
    cpu_before=$(cpu_now)
    (cd "$here" && sysbench lean_order.lua "${options[@]}" --threads="${LEAN_THREADS:-16}" --time="$seconds" \
        --percentile=99 run) >"$work/lean.txt"
    local cpu_after
    cpu_after=$(cpu_now)
    awk -v label="$label" -v threads="${LEAN_THREADS:-16}" '
        /transactions:/ { gsub(/[()]/, "", $3); rps = $3; n = $2 }
        /99th percentile:/ { p99 = $3 }
        /95th percentile:/ { p95 = $3 }
        END { printf "RESULT label=%s scenario=lean rps=%.0f p99_ms=%.2f requests=%d threads=%d (sysbench, lean_order.lua)\n", label, rps, p99, n, threads }' \
        "$work/lean.txt" | with_cpu "$cpu_before" "$cpu_after"
    q "DROP DATABASE leanref"
}
for name in ${SCENARIOS:-healthz charge coupon-rush order-spread order-hot lean pages product top healthz-after}; do
    case "$name" in
    healthz | healthz-after) scenario "$name" healthz.lua GET /healthz ;;
    handshake) scenario handshake handshake.lua GET /healthz ;;
    charge) scenario charge charge.lua POST / ;;
    coupon-rush) scenario coupon-rush coupon.lua POST / ;;
    order-spread) scenario order-spread order.lua POST / ;;
    order-hot) PRODUCTS="$hot" scenario order-hot order.lua POST / ;;
    pages) scenario pages pages.lua GET / ;;
    product) scenario product product.lua GET / ;;
    top) scenario top top.lua GET / ;;
    search) scenario search search.lua GET / ;;
    category) scenario category category.lua GET / ;;
    lean) lean ;;
    *) echo "unknown scenario $name" >&2; exit 2 ;;
    esac
done

# SO_REUSEPORT hashes connections to workers: how even was it over the whole run?
curl -sk "$base/metrics" | awk '/^http_worker_requests_total/ {n++; v=$2; s+=v; if (min==""||v<min) min=v; if (v>max) max=v}
    END {printf "worker spread: %d workers answered, min %d, max %d, mean %.0f requests\n", n, min, max, s/n}'

echo "redis counters ($label):"
curl -sk "$base/metrics" | grep -E '^storefront_(cache_(hits|misses|rebuilds)_total\{cache="(page|product|stock)"|coupon_gate_(admitted|rejected|bypassed)|lock_(acquired|timeouts|fallbacks))' |
    sed 's/^/  /'

echo "correctness ($label):"
echo "  coupon $coupon: issued=$(q "SELECT issued FROM coupons WHERE id=$coupon") quantity=$(q "SELECT quantity FROM coupons WHERE id=$coupon") user_coupons=$(q "SELECT COUNT(*) FROM user_coupons WHERE coupon_id=$coupon")"
echo "  hot product: orders=$(q "SELECT COUNT(*) FROM order_lines WHERE product_id=$hot") stock_taken=$(q "SELECT 100000000 - stock FROM products WHERE id=$hot")"
echo "  balances: negative=$(q "SELECT COUNT(*) FROM balances WHERE balance < 0") mismatched_with_ledger=$(q "SELECT COUNT(*) FROM balances b WHERE b.balance <> (SELECT COALESCE(SUM(CASE type WHEN 'PAYMENT' THEN -amount ELSE amount END),0) FROM balance_ledger l WHERE l.user_id=b.user_id)")"
echo "  stock: negative=$(q "SELECT COUNT(*) FROM products WHERE stock < 0") orders=$(q "SELECT COUNT(*) FROM orders") payments=$(q "SELECT COUNT(*) FROM balance_ledger WHERE type='PAYMENT'")"

# The shop's invariants (`storefront-server check`) after the load: the relay may still
# be publishing the last orders' events, so it is asked again until they hold or 60 s.
check_ok=""
for _ in $(seq 1 60); do
    if "$server" check --mysql "$mysql_url" --redis "$redis_url" --kafka "$kafka_servers" >"$work/check.txt" 2>&1; then check_ok=yes; break; fi
    sleep 1
done
if [ -n "$check_ok" ]; then echo "invariants ($label): all hold"; else echo "invariants ($label): VIOLATED"; sed 's/^/  /' "$work/check.txt"; fi

#!/usr/bin/env bash
# The load scenarios through HAProxy in front of N storefront-server instances on one
# local stack (installer/cluster/run-cluster.sh), beside HAProxy's own monitor URI and
# one instance's /healthz reached directly, in the same run. Prints one RESULT line per
# scenario (as run.sh) and the correctness counts read back from MySQL afterwards.
#
# Usage: tests/load/cluster.sh N [seconds per scenario (default 10)] [connections (default 64)]
# Env:   STOREFRONT_BUILD_DIR (default build/), WORKERS (per instance; default 16/N rounded
#        up, so every N has about the same MySQL connections), THREADS (wrk, default 2),
#        SERVER_ARGS (extra `serve` options), SCENARIOS (default all, in order), LABEL
#        (default n=N) tags every RESULT line
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${STOREFRONT_BUILD_DIR:-$root/build}"
server="$build/server/storefront-server"
count="${1:?usage: $0 N [seconds] [connections]}"
seconds="${2:-10}"
connections="${3:-64}"
threads="${THREADS:-2}"
workers="${WORKERS:-$(((16 + count - 1) / count))}"
command -v wrk >/dev/null || { echo "wrk is missing: run installer/install-deps.sh" >&2; exit 1; }
[ -x "$server" ] || { echo "build first: $server is missing" >&2; exit 1; }

work="$(mktemp -d /tmp/storefront-cluster-load-XXXXXX)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export LOAD_DIR="$here" TOKENS="$work/tokens.txt" THREADS="$threads"
export STOREFRONT_TOKEN_SECRET="load-test-secret-$(date +%s)-0123456789abcdef"
stack_pid=""
cluster_pid=""
cleanup() {
    if [ -n "$cluster_pid" ]; then kill -TERM "$cluster_pid" 2>/dev/null || true; wait "$cluster_pid" 2>/dev/null || true; fi
    if [ -n "$stack_pid" ]; then kill -TERM "$stack_pid" 2>/dev/null || true; wait "$stack_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# The stack first, seeded before any server starts (as run.sh does).
"$server" stack --stack "$work/stack" >"$work/stack.out" 2>"$work/stack.log" &
stack_pid=$!
for _ in $(seq 1 600); do [ -s "$work/stack.out" ] && break; sleep 0.1; done
[ -s "$work/stack.out" ] || { echo "the stack did not start:" >&2; tail -20 "$work/stack.log" >&2; exit 1; }
services="$(cat "$work/stack.out")"
# shellcheck disable=SC2086 # the services are several arguments
"$server" seed $services --users 10000 --products 100 --coupons 0 --balance 100000000 --tokens-out "$TOKENS" >/dev/null

# HAProxy on PORT, the instances on the ports after it: find a free run of N+1.
while :; do
    port=$(free_port)
    busy=0
    for i in $(seq 0 "$count"); do
        python3 -c "import socket,sys; s=socket.socket(); s.bind(('127.0.0.1',$((port + i))))" 2>/dev/null || busy=1
    done
    [ "$busy" = 0 ] && break
done
SERVICES="$services" PORT="$port" WORKERS="$workers" WORK="$work/cluster" STOREFRONT_ADMIN_PASSWORD=load-admin-1 \
    STOREFRONT_BUILD_DIR="$build" "$root/installer/cluster/run-cluster.sh" "$count" >"$work/cluster.log" 2>&1 &
cluster_pid=$!
for _ in $(seq 1 1200); do [ -s "$work/cluster/cluster.env" ] && break; kill -0 "$cluster_pid" 2>/dev/null || break; sleep 0.1; done
[ -s "$work/cluster/cluster.env" ] || { echo "the cluster did not start:" >&2; tail -30 "$work/cluster.log" >&2; exit 1; }
# shellcheck disable=SC1091
. "$work/cluster/cluster.env"
base="$BALANCER"
first="${INSTANCES%% *}"

json() { python3 -c "import sys,json; print(json.load(sys.stdin)[\"$1\"])"; }
admin=$(curl -s -H 'Content-Type: application/json' -d '{"username":"admin","password":"load-admin-1"}' "$base/api/v1/auth/login" | json token)
coupon=$(curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $admin" \
    -d '{"name":"Load rush","discountType":"FIXED","discountValue":1000,"quantity":1000,"validUntil":"2099-01-01T00:00:00Z"}' \
    "$base/api/v1/admin/coupons" | json id)
hot=$(curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $admin" \
    -d '{"name":"Hot item","price":1000,"stock":100000000}' "$base/api/v1/admin/products" | json id)
spread=$(seq -s, 1 100)

label="${LABEL:-n=$count}"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $count instance(s) x $workers workers behind haproxy $(haproxy -v 2>/dev/null | awk 'NR==1{print $3}' || /usr/sbin/haproxy -v | awk 'NR==1{print $3}') ${SERVER_ARGS:-}; wrk: $threads threads, $connections connections, ${seconds}s each; $(date -u +%FT%TZ)"
scenario() {
    local name="$1" script="$2" url="$3"
    SCENARIO="$name" COUPON_ID="$coupon" PRODUCTS="${PRODUCTS:-$spread}" \
        wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$here/$script" "$url" |
        grep '^RESULT' | sed "s/^RESULT /RESULT label=$label /"
}
for name in ${SCENARIOS:-haproxy-monitor healthz-direct healthz charge coupon-rush order-spread order-hot pages healthz-after}; do
    case "$name" in
    haproxy-monitor) scenario "$name" healthz.lua "$base/haproxy/healthz" ;; # HAProxy alone, no instance
    healthz-direct) scenario "$name" healthz.lua "$first/healthz" ;;        # one instance, no HAProxy
    healthz | healthz-after) scenario "$name" healthz.lua "$base/healthz" ;;
    charge) scenario charge charge.lua "$base/" ;;
    coupon-rush) scenario coupon-rush coupon.lua "$base/" ;;
    order-spread) scenario order-spread order.lua "$base/" ;;
    order-hot) PRODUCTS="$hot" scenario order-hot order.lua "$base/" ;;
    pages) scenario pages pages.lua "$base/" ;;
    *) echo "unknown scenario $name" >&2; exit 2 ;;
    esac
done

# How leastconn spread the requests over the instances.
spread_line="requests per instance:"
for url in $INSTANCES; do
    spread_line+=" $(curl -s "$url/metrics" | awk '/^http_worker_requests_total/ {s+=$2} END {printf "%d", s}')"
done
echo "$spread_line"

port_db=$(echo "$services" | sed -E 's#.*--mysql mysql://[^ ]*:([0-9]+)/.*#\1#')
q() { mariadb -h127.0.0.1 -P"$port_db" -ustorefront storefront -N -e "$1"; }
echo "correctness ($label):"
echo "  coupon $coupon: issued=$(q "SELECT issued FROM coupons WHERE id=$coupon") quantity=$(q "SELECT quantity FROM coupons WHERE id=$coupon") user_coupons=$(q "SELECT COUNT(*) FROM user_coupons WHERE coupon_id=$coupon")"
echo "  hot product: orders=$(q "SELECT COUNT(*) FROM order_lines WHERE product_id=$hot") stock_taken=$(q "SELECT 100000000 - stock FROM products WHERE id=$hot")"
echo "  balances: negative=$(q "SELECT COUNT(*) FROM balances WHERE balance < 0") mismatched_with_ledger=$(q "SELECT COUNT(*) FROM balances b WHERE b.balance <> (SELECT COALESCE(SUM(CASE type WHEN 'PAYMENT' THEN -amount ELSE amount END),0) FROM balance_ledger l WHERE l.user_id=b.user_id)")"
echo "  stock: negative=$(q "SELECT COUNT(*) FROM products WHERE stock < 0") orders=$(q "SELECT COUNT(*) FROM orders") payments=$(q "SELECT COUNT(*) FROM balance_ledger WHERE type='PAYMENT'")"
# shellcheck disable=SC2086
"$server" check $services | sed 's/^/  check: /'

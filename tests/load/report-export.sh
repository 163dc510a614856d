#!/usr/bin/env bash
# The CSV export at scale: a private stack with a year of orders (ORDERS orders of two
# lines each, inserted straight into MySQL by the sequence engine, paid over the last
# 365 days), then GET /api/v1/admin/reports/orders.csv for that year, timed, while the
# server's RSS is sampled every 20 ms. The rows inserted here bypass the order path
# (no ledger rows): a measuring shop, not one to check.
#
# Usage: tests/load/report-export.sh   Env: ORDERS (default 50000), STOREFRONT_BUILD_DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${STOREFRONT_BUILD_DIR:-$root/build}"
server="$build/server/storefront-server"
orders="${ORDERS:-50000}"
[ -x "$server" ] || { echo "build first: $server is missing" >&2; exit 1; }

work="$(mktemp -d /tmp/storefront-export-XXXXXX)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
secret="export-test-secret-$(date +%s)-0123456789abcdef"
pid=""
cleanup() {
    if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$server" seed --stack "$work/stack" --token-secret "$secret" --users 1000 --products 1000 --coupons 0 >/dev/null
STOREFRONT_ADMIN_PASSWORD=export-admin-1 QT_LOGGING_RULES='storefront.http.requests.info=false' \
    "$server" serve --stack "$work/stack" --token-secret "$secret" --listen "127.0.0.1:$port" --workers 4 >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do curl -sf "$base/readyz" >/dev/null && break; sleep 0.1; done
mysql_url=$(grep -ao 'mysql mysql://[^ ]*' "$work/server.log" | head -1 | sed 's/^mysql //')
port_db=$(echo "$mysql_url" | sed -E 's#.*:([0-9]+)/.*#\1#')
q() { mariadb -h127.0.0.1 -P"$port_db" -ustorefront storefront -N -e "$1"; }

started=$(date +%s.%N)
q "INSERT INTO orders (user_id, status, total_amount, discount_amount, paid_amount, refunded_amount, paid_at)
   SELECT 1 + seq % 1000, IF(seq % 10 = 0, 'PARTIALLY_REFUNDED', 'PAID'), 3000, 0, 3000, IF(seq % 10 = 0, 1000, 0),
          UTC_TIMESTAMP(3) - INTERVAL (seq % 365) DAY - INTERVAL (seq % 86400) SECOND FROM seq_1_to_$orders"
q "INSERT INTO order_lines (order_id, product_id, name, unit_price, quantity, refunded_quantity)
   SELECT o.id, 1 + o.id % 997, CONCAT('무선 이어폰, \"프로\" ', o.id % 997), 1000, 2, IF(o.status = 'PAID', 0, 1) FROM orders o
   UNION ALL SELECT o.id, 998 + o.id % 3, 'Plain line', 1000, 1, 0 FROM orders o"
seeded=$(date +%s.%N)
lines=$(q "SELECT COUNT(*) FROM order_lines")
echo "seeded $orders orders, $lines order lines in $(echo "$seeded - $started" | bc) s"

admin=$(curl -s -H 'Content-Type: application/json' -d '{"username":"admin","password":"export-admin-1"}' "$base/api/v1/auth/login" |
    python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
from=$(date -u -d '364 days ago' +%F)
to=$(date -u +%F)
rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
before=$(rss)
( peak=0; while kill -0 "$pid" 2>/dev/null && [ ! -e "$work/done" ]; do r=$(rss); [ "$r" -gt "$peak" ] && peak=$r; echo "$peak" >"$work/peak"; sleep 0.02; done ) &
sampler=$!
curl -s -o "$work/orders.csv" -w 'orders.csv: HTTP %{http_code}, %{size_download} bytes in %{time_total} s (first byte after %{time_starttransfer} s)\n' \
    -H "Authorization: Bearer $admin" "$base/api/v1/admin/reports/orders.csv?from=$from&to=$to"
touch "$work/done"; wait "$sampler"
echo "rows: $(python3 -c "import csv,sys; r=list(csv.reader(open('$work/orders.csv', newline='', encoding='utf-8'))); print(len(r) - 1, 'data rows, every row', len(r[0]), 'fields:', all(len(x) == len(r[0]) for x in r))")"
echo "server RSS: before ${before} kB, peak while streaming $(cat "$work/peak") kB, after $(rss) kB"
curl -s -o /dev/null -w 'sales.csv?by=product: HTTP %{http_code}, %{size_download} bytes in %{time_total} s\n' \
    -H "Authorization: Bearer $admin" "$base/api/v1/admin/reports/sales.csv?from=$from&to=$to&by=product"
curl -s -o /dev/null -w 'sales.csv?by=day: HTTP %{http_code}, %{size_download} bytes in %{time_total} s\n' \
    -H "Authorization: Bearer $admin" "$base/api/v1/admin/reports/sales.csv?from=$from&to=$to&by=day"

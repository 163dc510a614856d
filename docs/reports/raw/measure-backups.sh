#!/usr/bin/env bash
# Issue 25: backup sizes and times on the 10,000-product demo shop (logical vs
# physical), restore times, and what a backup does to orders being paid meanwhile.
set -euo pipefail
cd /work/main
server=build/server/storefront-server
w=/tmp/bm; rm -rf $w; mkdir -p $w
secret="bench-secret-0123456789abcdef0123456789"
echo "== seed: demo shop of 10,000 products, 10,000 shoppers"
/usr/bin/time -f "seed %e s" $server seed --stack $w/stack --token-secret "$secret" --demo --products 10000 --users 10000 --coupons 0 \
    --balance 100000000 --tokens-out $w/tokens.txt | tail -2
port=18090
QT_LOGGING_RULES='storefront.http.requests.info=false' STOREFRONT_ADMIN_PASSWORD=bench-admin-1 \
    $server serve --stack $w/stack --token-secret "$secret" --listen 127.0.0.1:$port --workers 16 >$w/server.log 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf 127.0.0.1:$port/readyz >/dev/null && break; sleep 0.1; done
mysql_url=$(cat $w/stack/mysql.url); dbport=$(echo "$mysql_url" | sed -E 's#.*:([0-9]+)/.*#\1#')
admin=$(curl -s -H 'Content-Type: application/json' -d '{"username":"admin","password":"bench-admin-1"}' 127.0.0.1:$port/api/v1/auth/login | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
hot=$(curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $admin" -d '{"name":"Hot item","price":1000,"stock":100000000}' 127.0.0.1:$port/api/v1/admin/products | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
echo "rows: $(mariadb -h127.0.0.1 -P$dbport -ustorefront storefront -N -e "SELECT CONCAT((SELECT COUNT(*) FROM products),' products, ',(SELECT COUNT(*) FROM product_images),' pictures, ',(SELECT COUNT(*) FROM orders),' orders, ',(SELECT COUNT(*) FROM users),' users')")"
echo "database on disk: $(du -sh $w/stack/mysql | cut -f1)"

echo "== logical backup (storefront-server backup, mariadb-dump --single-transaction)"
/usr/bin/time -f "backup %e s" $server backup --stack $w/stack --to $w/logical | tail -1
echo "size: $(du -sb $w/logical | cut -f1) bytes"
echo "== physical backup (mariadb-backup --backup, then --prepare)"
/usr/bin/time -f "mariadb-backup --backup %e s" mariadb-backup --backup --host=127.0.0.1 --port=$dbport --user=storefront \
    --datadir=$w/stack/mysql --target-dir=$w/physical >$w/mb.log 2>&1
/usr/bin/time -f "mariadb-backup --prepare %e s" mariadb-backup --prepare --target-dir=$w/physical >>$w/mb.log 2>&1
echo "size: $(du -sb $w/physical | cut -f1) bytes"
echo "== logical restore into a new stack (storefront-server restore)"
/usr/bin/time -f "restore %e s" $server restore --stack $w/restored --from $w/logical/storefront-* | tail -1
echo "== logical verify (scratch stack, counts, invariants)"
/usr/bin/time -f "verify %e s" $server backup --verify $w/logical/storefront-* | tail -1
echo "== physical restore (mariadb-backup --copy-back into an empty data folder)"
/usr/bin/time -f "copy-back %e s" mariadb-backup --copy-back --target-dir=$w/physical --datadir=$w/copyback >>$w/mb.log 2>&1

export LOAD_DIR=$PWD/tests/load TOKENS=$w/tokens.txt THREADS=2 PRODUCTS=$hot
echo "== orders on one hot product, 30 s, no backup"
wrk -t2 -c64 -d30s --timeout 10s --latency -s tests/load/order.lua http://127.0.0.1:$port/ | grep -E "Latency|Req/Sec|requests in|Requests/sec|  50%|  99%|RESULT"
echo "== orders on one hot product, 30 s, a backup started at 10 s"
(sleep 10; /usr/bin/time -f "backup during load %e s" $server backup --stack $w/stack --to $w/during | tail -1) &
bpid=$!
wrk -t2 -c64 -d30s --timeout 10s --latency -s tests/load/order.lua http://127.0.0.1:$port/ | grep -E "Latency|Req/Sec|requests in|Requests/sec|  50%|  99%|RESULT"
wait $bpid
echo "== backup during load verified"
$server backup --verify $w/during/storefront-* | tail -1

#!/usr/bin/env bash
# Several storefront-server instances on one machine, one shop: the local stack alone
# (`storefront-server stack`), N servers on loopback ports on it, and HAProxy in front
# (haproxy.cfg.in beside this script). Runs in the foreground; Ctrl-C (or SIGTERM)
# stops HAProxy, then the servers (each finishes its requests in flight), then the stack.
#
# Usage: installer/cluster/run-cluster.sh [N (default 3)]
# Env:   PORT (HAProxy, default 8080; the servers take PORT+1 .. PORT+N), WORKERS (per
#        server, default 4), STACK (the stack's data folder, kept between runs; default
#        ~/.local/share/storefront/cluster-stack), WORK (logs and the generated HAProxy
#        config; default a new folder under /tmp, removed at the end unless given),
#        STOREFRONT_BUILD_DIR (default build/), STOREFRONT_ADMIN_PASSWORD (creates `admin`),
#        STOREFRONT_TOKEN_SECRET (default: none; the shop's database keeps the one secret
#        every server uses),
#        TLS_PEM (HAProxy ends TLS with this file: the certificate chain, then its key;
#        only HTTPS on PORT then, the servers stay plain on loopback),
#        SERVER_ARGS (more `serve` options for every server), SERVICES (the servers'
#        "--mysql URL --redis URL --kafka BROKERS": services already running, e.g. a
#        `storefront-server stack` started earlier or external ones; then no stack is started).
# Once everything answers it writes $WORK/cluster.env (BALANCER, INSTANCES, SERVICES) and
# prints "cluster ready".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${STOREFRONT_BUILD_DIR:-$root/build}"
server="$build/server/storefront-server"
count="${1:-3}"
port="${PORT:-8080}"
workers="${WORKERS:-4}"
stack="${STACK:-${XDG_DATA_HOME:-$HOME/.local/share}/storefront/cluster-stack}"
haproxy="$(command -v haproxy || echo /usr/sbin/haproxy)"
[ -x "$server" ] || { echo "build first: $server is missing" >&2; exit 1; }
[ -x "$haproxy" ] || { echo "haproxy is missing: run installer/install-deps.sh" >&2; exit 1; }
[[ "$count" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [number of servers]" >&2; exit 2; }

keep_work=1
if [ -z "${WORK:-}" ]; then WORK="$(mktemp -d /tmp/storefront-cluster-XXXXXX)"; keep_work=0; fi
mkdir -p "$WORK"
rm -f "$WORK/cluster.env"
# The servers believe X-Forwarded-For from HAProxy (and from nobody else).
extra=(--trusted-proxy 127.0.0.1)

pids=()
stack_pid=""
haproxy_pid=""
stop_all() {
    trap - INT TERM EXIT
    [ -n "$haproxy_pid" ] && kill -TERM "$haproxy_pid" 2>/dev/null || true
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    [ -n "$haproxy_pid" ] && { wait "$haproxy_pid" 2>/dev/null || true; }
    if [ -n "$stack_pid" ]; then kill -TERM "$stack_pid" 2>/dev/null || true; wait "$stack_pid" 2>/dev/null || true; fi
    [ "$keep_work" = 1 ] || rm -rf "$WORK"
    echo "cluster stopped"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Polls for up to $2 tenths of a second.
wait_for() {
    local check="$1" tenths="$2"
    for _ in $(seq 1 "$tenths"); do eval "$check" && return 0; sleep 0.1; done
    eval "$check"
}

# Every child in its own session: a Ctrl-C reaches this script alone, which then stops
# them in order (a terminal would send it to all at once, the stack before the servers).
if [ -n "${SERVICES:-}" ]; then
    read -r -a services <<<"$SERVICES"
else
    setsid "$server" stack --stack "$stack" >"$WORK/stack.out" 2>"$WORK/stack.log" &
    stack_pid=$!
    wait_for '[ -s "$WORK/stack.out" ]' 600 || { echo "the stack did not start:" >&2; tail -20 "$WORK/stack.log" >&2; exit 1; }
    read -r -a services <"$WORK/stack.out"
fi
echo "services: ${services[*]}"

start_server() {
    local i="$1" p=$((port + $1))
    QT_LOGGING_RULES="${QT_LOGGING_RULES:-storefront.http.requests.info=false}" \
        setsid "$server" serve "${services[@]}" --listen "127.0.0.1:$p" --workers "$workers" "${extra[@]}" ${SERVER_ARGS:-} \
        >"$WORK/server-$i.log" 2>&1 &
    pids+=($!)
}
ready() { curl -sf -o /dev/null "http://127.0.0.1:$1/readyz"; }
# The first one alone: it brings the schema up to date and creates `admin`.
start_server 1
wait_for "ready $((port + 1))" 600 || { echo "server 1 did not become ready:" >&2; tail -20 "$WORK/server-1.log" >&2; exit 1; }
for i in $(seq 2 "$count"); do start_server "$i"; done
for i in $(seq 2 "$count"); do
    wait_for "ready $((port + i))" 600 || { echo "server $i did not become ready:" >&2; tail -20 "$WORK/server-$i.log" >&2; exit 1; }
done

lines=""
instances=""
for i in $(seq 1 "$count"); do
    lines+="    server s$i 127.0.0.1:$((port + i)) check"$'\n'
    instances+="http://127.0.0.1:$((port + i)) "
done
bind="127.0.0.1:$port"
scheme=http
if [ -n "${TLS_PEM:-}" ]; then
    [ -r "$TLS_PEM" ] || { echo "TLS_PEM=$TLS_PEM cannot be read" >&2; exit 1; }
    bind+=" ssl crt $TLS_PEM ssl-min-ver TLSv1.2 alpn http/1.1"
    scheme=https
fi
awk -v bind="$bind" -v servers="${lines%$'\n'}" \
    '{ gsub(/@BIND@/, bind) } /^@SERVERS@$/ { print servers; next } { print }' "$here/haproxy.cfg.in" >"$WORK/haproxy.cfg"
"$haproxy" -c -q -f "$WORK/haproxy.cfg"
setsid "$haproxy" -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
haproxy_pid=$!
if [ "$scheme" = https ]; then
    # HAProxy's own monitor URI over TLS (-k: the certificate is the operator's business here).
    wait_for "curl -fsk -o /dev/null https://127.0.0.1:$port/haproxy/healthz" 100 \
        || { echo "haproxy did not answer:" >&2; tail -20 "$WORK/haproxy.log" >&2; exit 1; }
else
    wait_for "ready $port" 100 || { echo "haproxy did not answer:" >&2; tail -20 "$WORK/haproxy.log" >&2; exit 1; }
fi

cat >"$WORK/cluster.env" <<ENV
BALANCER=$scheme://127.0.0.1:$port
INSTANCES="${instances% }"
SERVICES="${services[*]}"
ENV
echo "servers: ${instances% }"
echo "haproxy: http://127.0.0.1:$port (logs and config in $WORK)"
echo "cluster ready; Ctrl-C stops it"
wait "$haproxy_pid"

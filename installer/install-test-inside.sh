#!/usr/bin/env bash
# The half of installer/install-test.sh that runs inside the clean root (as root, with
# /proc, /sys, /dev, /tmp and /run mounted, no init system). Not meant to be run by hand.
set -euo pipefail
started=$SECONDS
step() { printf '\n-- %s (%ds)\n' "$*" $((SECONDS - started)); }
fail() { echo "inside: FAILED: $*" >&2; exit 1; }
expect() {
    local what="$1"
    shift
    "$@" || fail "$what"
    echo "ok: $what"
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || shuf -i 20000-60000 -n 1; }
unit=/lib/systemd/system/storefront-server.service
export DEBIAN_FRONTEND=noninteractive

step "install both packages (Depends and Recommends from the archive)"
apt-get update -qq
apt-get install -y -qq /root/debs/storefront-server_*.deb /root/debs/storefront_*.deb >/root/apt-install.log 2>&1 \
    || { tail -30 /root/apt-install.log; fail "apt-get install"; }
dpkg-query -W -f='${Package} ${Version} ${Status}\n' storefront-server storefront mariadb-server redis-server qt6-qpa-plugins mariadb-client
# Test tools only, after our packages resolved their own dependencies.
apt-get install -y -qq --no-install-recommends curl jq >/dev/null

step "what the server package set up"
expect "system user storefront" getent passwd storefront
expect "its home is the data folder" test "$(getent passwd storefront | cut -d: -f6)" = /var/lib/storefront
expect "config is a conffile" grep -qx /etc/storefront/storefront.ini /var/lib/dpkg/info/storefront-server.conffiles
expect "config root:storefront 640" test "$(stat -c '%U:%G %a' /etc/storefront/storefront.ini)" = "root:storefront 640"
expect "data folder storefront 750" test "$(stat -c '%U:%G %a' /var/lib/storefront)" = "storefront:storefront 750"
expect "unit enabled for multi-user.target" test -L /etc/systemd/system/multi-user.target.wants/storefront-server.service
expect "storefront-server --version" test "$(storefront-server --version)" = "storefront-server $(dpkg-query -W -f='${Version}' storefront-server | cut -d- -f1)"
expect "storefront --version" test "$(QT_QPA_PLATFORM=offscreen storefront --version)" = "storefront $(dpkg-query -W -f='${Version}' storefront | cut -d- -f1)"
# The man page lookup is checked by the build's systemd_unit_verify test; man-db is not in this root.
verify="$(systemd-analyze verify --man=no "$unit" 2>&1)" || fail "systemd-analyze verify: $verify"
[ -z "$verify" ] || fail "systemd-analyze verify: $verify"
echo "ok: systemd-analyze verify $unit: clean"
expect "desktop entry" test -f /usr/share/applications/org.storefront.Storefront.desktop
expect "metainfo" test -f /usr/share/metainfo/org.storefront.Storefront.metainfo.xml
expect "hicolor SVG icon" test -f /usr/share/icons/hicolor/scalable/apps/org.storefront.Storefront.svg
expect "hicolor 48x48 icon" test -f /usr/share/icons/hicolor/48x48/apps/org.storefront.Storefront.png

# The service's command line, user and environment, as the unit gives them (no init
# system here to start it): ExecStart, User= and the XDG folders of Environment=.
exec_start="$(sed -n 's/^ExecStart=//p' "$unit")"
service_user="$(sed -n 's/^User=//p' "$unit")"
service_env="$(sed -n 's/^Environment=\(XDG_.*\)/\1/p' "$unit")"
[ -n "$exec_start" ] && [ -n "$service_user" ] && [ -n "$service_env" ] || fail "cannot read ExecStart/User/Environment from $unit"
port="$(free_port)"
server_pid=
app_pid=
# Whatever is still running when a check fails: stop it (its stack follows it).
trap 'for pid in $server_pid $app_pid; do kill -TERM "$pid" 2>/dev/null || true; done' EXIT
# setpriv execs the command as the user, as systemd does: no process in between, so
# the server gets SIGTERM itself and its exit code is the one waited for. exec: call it
# only in a subshell (`&`, `$(...)`), where it replaces the subshell.
run_as_service() {
    # shellcheck disable=SC2086 # the unit's words, split as systemd splits them
    exec setpriv --reuid="$service_user" --regid="$service_user" --init-groups \
        env HOME="$(getent passwd "$service_user" | cut -d: -f6)" $service_env STOREFRONT_LISTEN="127.0.0.1:$port" "$@"
}
# The unit's file-system sandbox as systemd sets it up (no systemd runs here), so that a
# write outside ReadWritePaths= fails as it would in production: ProtectSystem=strict
# (every top-level folder and /run read-only), ProtectHome=yes, PrivateTmp=yes.
rw_paths="$(sed -n 's/^ReadWritePaths=//p' "$unit")"
grep -qx 'ProtectSystem=strict' "$unit" && grep -qx 'ProtectHome=yes' "$unit" && grep -qx 'PrivateTmp=yes' "$unit" \
    && [ -n "$rw_paths" ] || fail "the unit's sandbox changed: update this emulation"
cat >/root/sandbox.sh <<'SANDBOX'
# sandbox.sh "RW PATHS" COMMAND...: run in a private mount namespace (unshare --mount).
set -e
rw="$1"
shift
for d in /*; do
    case "$d" in /proc|/sys|/dev|/tmp|/run) continue ;; esac
    [ -d "$d" ] && [ ! -L "$d" ] || continue
    mount --bind "$d" "$d"
    mount -o remount,bind,ro "$d"
done
mount --bind /run /run
mount -o remount,bind,ro /run
mount -t tmpfs -o mode=1777 tmpfs /tmp
for d in /home /root; do mount -t tmpfs -o ro,mode=0755 tmpfs "$d"; done
for d in $rw; do
    # "-/path": ignored while it does not exist.
    case "$d" in -*) d="${d#-}"; [ -e "$d" ] || continue ;; esac
    mount --bind "$d" "$d"
    mount -o remount,bind,rw "$d"
done
exec "$@"
SANDBOX
start_service() {
    # One simple command in the background: unshare, sh, setpriv and env each exec the
    # next, so $! is the server's own pid, as MainPID is under systemd.
    # shellcheck disable=SC2086 # the unit's words, split as systemd splits them
    # unchanged: in this chroot / is no mount point, and install-test.sh already made
    # every mount private.
    unshare --mount --propagation unchanged -- sh /root/sandbox.sh "$rw_paths" \
        setpriv --reuid="$service_user" --regid="$service_user" --init-groups \
        env HOME="$(getent passwd "$service_user" | cut -d: -f6)" $service_env STOREFRONT_LISTEN="127.0.0.1:$port" \
        $exec_start >>/root/server.log 2>&1 &
    server_pid=$!
}
ready() { curl -fsS "http://127.0.0.1:$port/readyz" 2>/dev/null | grep -q '"kafka":"up","mysql":"up","redis":"up"'; }
# A server that failed to start is reported at once, not at the deadline.
wait_ready() {
    local deadline=$((SECONDS + 120))
    until ready; do
        kill -0 "$server_pid" 2>/dev/null || { tail -40 /root/server.log; fail "$1: storefront-server exited"; }
        [ $SECONDS -lt $deadline ] || { tail -40 /root/server.log; fail "$1: not ready in 120 s"; }
        sleep 0.2
    done
    echo "ok: $1"
}
stop_service() {
    kill -TERM "$server_pid"
    local rc=0
    wait "$server_pid" || rc=$?
    server_pid=
    [ "$rc" -eq 0 ] || { tail -20 /root/server.log; fail "storefront-server exited $rc on SIGTERM"; }
    echo "ok: stopped cleanly on SIGTERM"
}

step "storefront-server as the service runs it: $exec_start (user $service_user, file-system sandbox)"
start_service
wait_ready "/readyz: mysql, redis and kafka up on the local stack"
curl -fsS "http://127.0.0.1:$port/readyz"; echo
mount_opts() { awk -v m="$1" '$5 == m { split($6, o, ","); print o[1] }' "/proc/$server_pid/mountinfo" | tail -1; }
expect "sandbox: /etc read-only for the server" test "$(mount_opts /etc)" = ro
expect "sandbox: /var/lib/storefront writable for the server" test "$(mount_opts /var/lib/storefront)" = rw
expect "stack data under /var/lib/storefront, owned by storefront" \
    test "$(stat -c %U /var/lib/storefront/storefront-server/stack/mysql)" = storefront
expect "/metrics serves storefront_dependency_up" \
    bash -c "curl -fsS http://127.0.0.1:$port/metrics | grep -q '^storefront_dependency_up{dependency=\"mysql\"} 1'"
expect "openapi.json served" curl -fsS -o /dev/null "http://127.0.0.1:$port/openapi.json"
stop_service
# shellcheck disable=SC2086
seeded="$(run_as_service /usr/bin/storefront-server seed --config /etc/storefront/storefront.ini --users 5 --password password-123 2>>/root/server.log)"
expect "seeded 5 users: $seeded" grep -q "users 1-5," <<<"$seeded"
# The packaged shop's first administrator, made as the README says (the service stopped).
owner_password=install-test-owner-1
created="$(printf '%s\n' "$owner_password" | run_as_service /usr/bin/storefront-server admin create --config /etc/storefront/storefront.ini --username owner 2>>/root/server.log)"
expect "administrator created: $created" grep -q "^administrator owner created" <<<"$created"

# HTTP against the running service: api METHOD PATH [JSON]; the answer's body in
# /root/http.body, its status on standard output; with $token set, as that session.
api() {
    local args=(-sS -o /root/http.body -w '%{http_code}' -X "$1")
    [ -n "${token:-}" ] && args+=(-H "Authorization: Bearer $token")
    [ $# -ge 3 ] && args+=(-H 'Content-Type: application/json' --data "$3")
    curl "${args[@]}" "http://127.0.0.1:$port$2"
}
# product_is ID NAME: the product is served, to the session of $token, with that name.
product_is() { [ "$(api GET "/api/v1/products/$1")" = 200 ] && [ "$(jq -r .name /root/http.body)" = "$2" ]; }

step "sign in over HTTP, create a product, keep the token"
start_service
wait_ready "/readyz up with the administrator"
token=
status="$(api POST /api/v1/auth/login "{\"username\":\"owner\",\"password\":\"$owner_password\"}")"
[ "$status" = 200 ] || fail "login as owner: HTTP $status $(cat /root/http.body)"
token="$(jq -r .token /root/http.body)"
expect "signed in as owner (role $(jq -r .user.role /root/http.body)), token kept" test -n "$token" -a "$(jq -r .user.role /root/http.body)" = ADMIN
status="$(api POST /api/v1/admin/products '{"name":"Install-test lamp","price":12500,"stock":7,"description":"made before the upgrade"}')"
[ "$status" = 201 ] || fail "create a product: HTTP $status $(cat /root/http.body)"
product_before="$(jq -r .id /root/http.body)"
expect "product $product_before created and served with the token" product_is "$product_before" "Install-test lamp"
stop_service

# An admin's edits of the config, which the upgrade must keep and the service must read:
# fewer workers, and backups into the folder storefront.ini suggests, made as it says.
sed -i -e 's/^;workers = 16$/workers = 6/' -e 's|^;backup-dir = /var/backups/storefront$|backup-dir = /var/backups/storefront|' \
    /etc/storefront/storefront.ini
expect "config edited" grep -qx "workers = 6" /etc/storefront/storefront.ini
expect "backup-dir set" grep -qx "backup-dir = /var/backups/storefront" /etc/storefront/storefront.ini
install -d -m 0700 -o "$service_user" -g "$service_user" /var/backups/storefront

step "upgrade to the newer package"
apt-get install -y -qq /root/upgrade/storefront-server_*.deb /root/upgrade/storefront_*.deb >>/root/apt-install.log 2>&1 \
    || { tail -30 /root/apt-install.log; fail "upgrade"; }
dpkg-query -W -f='${Package} ${Version}\n' storefront-server storefront
migrated="$(run_as_service /usr/bin/storefront-server migrate --config /etc/storefront/storefront.ini 2>>/root/server.log)"
expect "migrate after upgrade: $migrated" test "$migrated" = "schema is up to date"
start_service
wait_ready "/readyz up again after the upgrade"
expect "edited config kept by the upgrade" grep -qx "workers = 6" /etc/storefront/storefront.ini
expect "and read by the service (6 workers)" grep -q "listening on http://127.0.0.1:$port with 6 workers" /root/server.log
# The signing secret lives in the shop's database (shop_secrets) since several
# instances share it: a token from before the upgrade is only valid if it was kept.
expect "the token from before the upgrade still works, product $product_before still there" \
    product_is "$product_before" "Install-test lamp"

step "back up the serving shop (storefront-server backup, as user $service_user)"
taken="$(run_as_service /usr/bin/storefront-server backup --config /etc/storefront/storefront.ini --to /var/backups/storefront 2>>/root/server.log)" \
    || { tail -20 /root/server.log; fail "storefront-server backup exited non-zero"; }
backup="$(sed -n 's/^backup taken: \(.*\) ([0-9]* bytes.*/\1/p' <<<"$taken")"
expect "$taken" test -n "$backup" -a -f "$backup/manifest.json"
expect "backup owned by $service_user" test "$(stat -c %U "$backup/manifest.json")" = "$service_user"
expect "the service still serves after the backup" ready
# What comes after the backup must be gone once it is restored.
status="$(api POST /api/v1/admin/products '{"name":"Made after the backup","price":100,"stock":1}')"
[ "$status" = 201 ] || fail "create a second product: HTTP $status $(cat /root/http.body)"
product_after="$(jq -r .id /root/http.body)"
echo "ok: product $product_after created after the backup"
# The service itself, in its sandbox, backs up into backup-dir and verifies the backup
# in a scratch stack, as it does on its schedule.
expect "sandbox: backup-dir writable for the server" test "$(mount_opts /var/backups/storefront)" = rw
# Backup folders are named to the second (storefront-YYYYMMDDTHHMMSSZ): a second one in
# the same second as the one above is refused ("exists already").
sleep 1
status="$(api POST /api/v1/admin/backups)"
[ "$status" = 202 ] || fail "POST /api/v1/admin/backups: HTTP $status $(cat /root/http.body)"
run_id="$(jq -r .id /root/http.body)"
deadline=$((SECONDS + 120))
while state="$( [ "$(api GET /api/v1/admin/backups)" = 200 ] && jq -r ".items[] | select(.id == $run_id) | .state" /root/http.body)"; \
    [ "$state" != verified ]; do
    case "$state" in running|verifying) ;; *) tail -20 /root/server.log; fail "the service's backup $run_id: ${state:-not listed} $(cat /root/http.body)" ;; esac
    [ $SECONDS -lt $deadline ] || { tail -20 /root/server.log; fail "the service's backup $run_id not verified in 120 s (state $state)"; }
    sleep 0.5
done
echo "ok: the service took backup $run_id into $(jq -r ".items[] | select(.id == $run_id) | .folder" /root/http.body) and verified it"
stop_service

step "remove keeps the data and the config; a reinstall starts from them"
apt-get remove -y -qq storefront-server >>/root/apt-install.log 2>&1 || { tail -30 /root/apt-install.log; fail remove; }
expect "data kept after remove" test -d /var/lib/storefront/storefront-server/stack/mysql
expect "edited config kept after remove" grep -qx "workers = 6" /etc/storefront/storefront.ini
expect "unit masked while removed" test "$(readlink /etc/systemd/system/storefront-server.service)" = /dev/null
apt-get install -y -qq /root/upgrade/storefront-server_*.deb >>/root/apt-install.log 2>&1 || { tail -30 /root/apt-install.log; fail reinstall; }
expect "unit unmasked by the reinstall" test ! -e /etc/systemd/system/storefront-server.service
expect "and enabled" test -L /etc/systemd/system/multi-user.target.wants/storefront-server.service

step "restore the backup into the stopped shop (--replace), start it"
restored="$(run_as_service /usr/bin/storefront-server restore --config /etc/storefront/storefront.ini --from "$backup" --replace 2>>/root/server.log)" \
    || { tail -20 /root/server.log; fail "storefront-server restore exited non-zero"; }
expect "$restored" grep -q "^restored $backup" <<<"$restored"
start_service
wait_ready "/readyz up on the restored data"
expect "the token from before the upgrade works on the restored shop, product $product_before there" \
    product_is "$product_before" "Install-test lamp"
expect "product $product_after, made after the backup, is gone (HTTP 404)" test "$(api GET "/api/v1/products/$product_after")" = 404
stop_service

step "desktop app under QT_QPA_PLATFORM=offscreen (as an ordinary user)"
useradd --create-home shopper
pattern="${STOREFRONT_APP_READY_PATTERN:?}"
setpriv --reuid=shopper --regid=shopper --init-groups env HOME=/home/shopper QT_QPA_PLATFORM=offscreen storefront >/root/app.log 2>&1 &
app_pid=$!
deadline=$((SECONDS + 120))
until grep -q -- "$pattern" /root/app.log; do
    kill -0 "$app_pid" 2>/dev/null || { tail -40 /root/app.log; fail "the app exited before logging '$pattern'"; }
    [ $SECONDS -lt $deadline ] || { tail -40 /root/app.log; fail "no '$pattern' in the app's log in 120 s"; }
    sleep 0.2
done
echo "ok: app logged: $pattern"
expect "app stack under the user's data folder" test -d /home/shopper/.local/share/storefront/storefront/stack/mysql
kill -TERM "$app_pid"
app_rc=0
wait "$app_pid" || app_rc=$?
app_pid=
[ "$app_rc" -eq 0 ] || { tail -20 /root/app.log; fail "storefront exited $app_rc on SIGTERM"; }
echo "ok: app quit cleanly on SIGTERM"
sed 's/^/    app: /' /root/app.log | head -20

# The apt cache outside the root keeps only what the archive still has.
apt-get autoclean -qq >/dev/null

step "purge"
apt-get purge -y -qq storefront-server storefront >>/root/apt-install.log 2>&1 || { tail -30 /root/apt-install.log; fail purge; }
expect "user storefront removed" bash -c '! getent passwd storefront >/dev/null'
expect "group storefront removed" bash -c '! getent group storefront >/dev/null'
expect "/etc/storefront removed" test ! -e /etc/storefront
expect "/var/lib/storefront removed" test ! -e /var/lib/storefront
expect "/var/cache/storefront removed" test ! -e /var/cache/storefront
expect "unit removed" test ! -e "$unit"

printf '\ninside: all checks passed in %ds\n' $((SECONDS - started))

#!/usr/bin/env bash
# Installs the Debian 12 packages Storefront needs to build, run and test.
# Idempotent: quiet and quick when everything is present. Uses sudo when not root.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev libqt6opengl6-dev
    libhiredis-dev librdkafka-dev libssl-dev libmariadb-dev
    # LLVM's linker: links our 60 test programs (static server library, debug info)
    # about four times faster than ld.bfd (cmake/StorefrontTarget.cmake uses it if present)
    lld
    # run: the services the embedded local stack starts
    qt6-qpa-plugins mariadb-server redis-server
    # backups: mariadb-dump, mariadb and mariadb-binlog (storefront-server backup / restore)
    mariadb-client
    # Hangul in product names (the window and the README's screenshots)
    fonts-noto-cjk
    # the app in Korean: lupdate and lrelease (the .ts files become .qm at build time,
    # qt_add_translations from qt6-tools-dev's Qt6LinguistTools), and Qt's own strings
    # in Korean (qtbase_ko.qm: the buttons and menus of Qt's dialogs)
    qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
    # tests and load scenarios; clang and libFuzzer for the bounded fuzz run;
    # prometheus (with promtool) checks the monitoring files, systemd-analyze the
    # service unit, desktop-file-validate and appstreamcli the menu entry; haproxy runs
    # in front of several servers (installer/cluster/run-cluster.sh, the cluster tests)
    wrk sysbench kcat curl clang libclang-rt-14-dev prometheus systemd desktop-file-utils appstream haproxy
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/usr/bin/env bash
# `storefront --help` and `--version` where no window can open (no DISPLAY, no Wayland,
# no QT_QPA_PLATFORM: a terminal over ssh, a package check): they print and exit 0
# instead of aborting for want of a display, and the help says how the first
# administrator is made (issue 27 point 8).
# Usage: app-help.sh STOREFRONT_BINARY VERSION
set -uo pipefail
binary="$1" version="$2"
fail() { echo "app-help: $*" >&2; exit 1; }

help="$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$binary" --help 2>&1)"
rc=$?
[ "$rc" -eq 0 ] || fail "--help exited $rc: $help"
for said in 'Usage: ' \
            '--server <url>' \
            'a new shop opens on "Set up your shop", where its owner chooses' \
            '`storefront-server admin create --username NAME`' \
            'STOREFRONT_ADMIN_PASSWORD'; do
    grep -qF -- "$said" <<<"$help" || fail "--help does not say: $said"$'\n'"$help"
done

out="$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$binary" --version 2>&1)"
rc=$?
[ "$rc" -eq 0 ] || fail "--version exited $rc: $out"
[ "$out" = "storefront $version" ] || fail "--version said \"$out\", not \"storefront $version\""
echo "app-help: --help and --version without a display: fine"

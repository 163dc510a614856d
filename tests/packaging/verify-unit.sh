#!/usr/bin/env bash
# systemd-analyze verify on the shipped unit, pointed at the built binary and man page
# (the installed paths do not exist on a build machine). verify exits 0 on unknown keys
# and bad values, only printing them: any output is a failure here.
# Usage: verify-unit.sh UNIT BINARY MANPAGE.gz
set -euo pipefail
unit="$1" binary="$2" manpage="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/man/man1"
cp "$manpage" "$work/man/man1/"
sed "s|^ExecStart=/usr/bin/storefront-server|ExecStart=$binary|" "$unit" > "$work/$(basename "$unit")"
grep -q "^ExecStart=$binary " "$work/$(basename "$unit")" || { echo "verify-unit: no ExecStart=/usr/bin/storefront-server in $unit" >&2; exit 1; }
out="$(MANPATH="$work/man" systemd-analyze verify "$work/$(basename "$unit")" 2>&1)" && rc=0 || rc=$?
if [ "$rc" -ne 0 ] || [ -n "$out" ]; then
    echo "systemd-analyze verify $(basename "$unit"): exit $rc" >&2
    echo "$out" >&2
    exit 1
fi
echo "systemd-analyze verify $(basename "$unit"): clean"

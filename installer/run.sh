#!/usr/bin/env bash
# Installs what is missing, builds, and starts Storefront on its embedded local stack:
# the desktop app when there is a display, otherwise the server in the foreground.
# Extra arguments go to the program started.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/installer/build.sh"
build="${STOREFRONT_BUILD_DIR:-$root/build}"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec "$build/app/storefront" "$@"
fi
echo "run: no display found: starting storefront-server in the foreground (Ctrl-C stops it)." >&2
exec "$build/server/storefront-server" serve "$@"

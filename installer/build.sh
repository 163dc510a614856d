#!/usr/bin/env bash
# Installs what is missing, then configures and builds Storefront in build/.
# Usage: installer/build.sh [extra cmake -D options]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/installer/install-deps.sh"
build="${STOREFRONT_BUILD_DIR:-$root/build}"
if [ ! -f "$build/build.ninja" ] || [ $# -gt 0 ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
fi
# Two cores here: more jobs only thrash memory and the scheduler.
cmake --build "$build" --parallel "${STOREFRONT_BUILD_JOBS:-2}"

#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole default test suite.
# Extra arguments go to ctest (e.g. -L unit, -R tst_httpcore).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/installer/build.sh"
build="${STOREFRONT_BUILD_DIR:-$root/build}"
exec ctest --test-dir "$build" --output-on-failure --no-tests=error "$@"

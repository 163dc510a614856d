#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole default test suite, then each
# libFuzzer target for a bounded time (STOREFRONT_FUZZ_SECONDS, default 10; its own
# clang build in build-fuzz/; STOREFRONT_SKIP_FUZZ=1 leaves it out).
# Extra arguments go to ctest (e.g. -L unit, -R tst_httpcore, -L '^soak$' for the
# 20,000-order soak) and skip the fuzz run. Without arguments the long soak (label
# soak) is left out; its bounded 2,000-order form runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/installer/build.sh"
build="${STOREFRONT_BUILD_DIR:-$root/build}"
status=0
if [ $# -eq 0 ]; then
    ctest --test-dir "$build" --output-on-failure --no-tests=error -LE '^soak$' || status=$?
else
    ctest --test-dir "$build" --output-on-failure --no-tests=error "$@" || status=$?
fi
if [ $# -eq 0 ] && [ -z "${STOREFRONT_SKIP_FUZZ:-}" ]; then
    echo "== bounded fuzz run (${STOREFRONT_FUZZ_SECONDS:-10} s per target) =="
    STOREFRONT_FUZZ_SECONDS="${STOREFRONT_FUZZ_SECONDS:-10}" "$root/installer/hardening.sh" fuzz || status=$?
fi
exit "$status"

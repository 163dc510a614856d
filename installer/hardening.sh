#!/usr/bin/env bash
# Hardening suites (README, "Hardening suites"): each in its own build folder, so the
# default build/ and its suite never change.
#   build-fuzz  clang, STOREFRONT_FUZZ=ON         -> ctest -L fuzz (each fuzzer bounded)
#   build-asan  STOREFRONT_SANITIZE=address       -> ctest -L 'unit|integration' under ASan+UBSan
#   build-tsan  STOREFRONT_SANITIZE=thread        -> tst_httpcore, the race tests and the order batches under TSan
# Usage: installer/hardening.sh [fuzz] [asan] [tsan]     (default: all three)
# Environment: STOREFRONT_FUZZ_SECONDS (seconds per fuzzer, default 30),
#              STOREFRONT_BUILD_JOBS (default 2).
# Builds take /tmp/storefront-build.lock: this machine's builds run one at a time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="${STOREFRONT_BUILD_JOBS:-2}"
lock=/tmp/storefront-build.lock
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(fuzz asan tsan)

build() { # build <dir> <cmake -D options...>
    local dir="$1"; shift
    flock "$lock" cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSTOREFRONT_BUILD_GUI=OFF "$@" >/dev/null
    flock "$lock" cmake --build "$dir" --parallel "$jobs"
}

for suite in "${suites[@]}"; do
    case "$suite" in
    fuzz)
        if ! command -v clang++ >/dev/null || ! compgen -G '/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a' >/dev/null; then
            echo "the fuzz build needs clang and libFuzzer: apt-get install clang libclang-rt-14-dev" >&2
            exit 2
        fi
        build "$root/build-fuzz" -DCMAKE_CXX_COMPILER=clang++ -DSTOREFRONT_FUZZ=ON
        # A failure leaves its input in build-fuzz/tests/fuzz/<target>/artifacts/:
        # copy it into tests/fuzz/<target>/regressions/ with the fix.
        ctest --test-dir "$root/build-fuzz" -L fuzz --output-on-failure --no-tests=error
        ;;
    asan)
        build "$root/build-asan" -DSTOREFRONT_SANITIZE=address
        # Halt on the first report; LSan leak reports fail a test too. Child processes
        # (storefront-server) inherit these.
        ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1" \
        UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
        LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0" \
            ctest --test-dir "$root/build-asan" -L 'unit|integration' --output-on-failure --no-tests=error
        ;;
    tsan)
        build "$root/build-tsan" -DSTOREFRONT_SANITIZE=thread
        # die_after_fork=0: QProcess (the private mariadbd, redis-server) forks a process
        # with threads and execs at once; TSan otherwise kills the child (see tsan.supp).
        TSAN_OPTIONS="halt_on_error=1:die_after_fork=0:second_deadlock_stack=1:suppressions=$root/tests/sanitizers/tsan.supp" \
            ctest --test-dir "$root/build-tsan" -R '^(tst_httpcore|tst_shopraces|tst_shopraces_redislock|tst_orderbatches)$' \
            --output-on-failure --no-tests=error
        ;;
    *)
        echo "unknown suite '$suite' (fuzz, asan, tsan)" >&2
        exit 2
        ;;
    esac
done

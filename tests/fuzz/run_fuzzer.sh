#!/usr/bin/env bash
# Runs one libFuzzer target the way ctest (label fuzz) and CI do:
#   1. replays every file in <src>/regressions and <src>/corpus once (a crash that was
#      ever found must stay fixed);
#   2. fuzzes for STOREFRONT_FUZZ_SECONDS (default: the CMake cache value, 30 s) starting
#      from those inputs.
# Fails on any crash, sanitizer report, leak, timeout or broken property. libFuzzer
# writes the input that failed to <work>/artifacts/; copy it into <src>/regressions/
# (kept forever), fix the code, and re-run.
# Usage: run_fuzzer.sh <fuzzer binary> <source dir of the target> <work dir> [max_len]
set -euo pipefail
fuzzer="$1" src="$2" work="$3" max_len="${4:-4096}"
seconds="${STOREFRONT_FUZZ_SECONDS:-${STOREFRONT_FUZZ_DEFAULT_SECONDS:-30}}"
name="$(basename "$src")"
mkdir -p "$work/corpus" "$work/artifacts"
# Halt on the first report; leaks count as failures too.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
dict=()
[ -f "$src/$name.dict" ] && dict=("-dict=$src/$name.dict")

regressions=()
while IFS= read -r -d '' f; do regressions+=("$f"); done \
    < <(find "$src/regressions" "$src/corpus" -type f ! -name .gitkeep -print0 | sort -z)
echo "== $name: replaying ${#regressions[@]} corpus and regression inputs"
"$fuzzer" -runs=1 "${regressions[@]}"

echo "== $name: fuzzing for ${seconds}s (new inputs in $work/corpus, failures in $work/artifacts/)"
# The first folder receives new inputs: the build's, never the seed corpus in the repo.
"$fuzzer" "$work/corpus" "$src/corpus" "$src/regressions" "${dict[@]}" \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1

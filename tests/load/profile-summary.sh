#!/usr/bin/env bash
# Summarises a whole-box `perf record -a -g` taken during a load scenario: the share of
# samples by thread, then the leading functions of the server (all its threads) and of
# MariaDB (self time: shares of all samples, so they add up), then the server's share
# by library (kernel, libc, Qt, ours). Self time only: Debian's Qt has no frame
# pointers, so `-g` call chains through it are not reliable.
# Usage: tests/load/profile-summary.sh <perf.data>
set -eu  # no pipefail: `head` closing the pipe early is expected
data="$1"
report() { perf report -i "$data" --stdio "$@" 2>/dev/null | grep -E '^ +[0-9]'; }
echo "== samples by thread (self) =="
report --no-children --sort comm | head -24
# The server's threads: its HTTP workers and the rest it names (relay, housekeeper, main).
server=$(report --no-children --sort comm | awk '{print $2}' |
    grep -E '^(http-worker|storefront|outbox|house|relay|events)' | paste -sd, -)
echo "== server threads: leading functions (self) =="
[ -n "$server" ] && report --no-children --comms "$server" --sort dso,sym -g none | head -30
echo "== mariadbd: leading functions (self) =="
report --no-children --comms mariadbd --sort dso,sym -g none | head -25
echo "== server threads: by library (self, share of all samples) =="
report --no-children --sort comm,dso -g none | awk '$2 ~ /^(http-worker|storefront|outbox|house|relay|events)/ {
    sub(/%/, "", $1); share[$3] += $1 } END { for (d in share) printf "  %6.2f%%  %s\n", share[d], d }' | sort -rn | head -10

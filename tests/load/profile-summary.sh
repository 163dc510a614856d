#!/usr/bin/env bash
# Summarises a whole-box `perf record -a -g` taken during a load scenario: the share of
# samples by thread, then the leading functions of the server (all its threads) and of
# MariaDB (self time: shares of all samples, so they add up), then the server's leading
# inclusive frames (children: where its time goes, call chains folded).
# Usage: tests/load/profile-summary.sh <perf.data>
set -euo pipefail
data="$1"
report() { perf report -i "$data" --stdio "$@" 2>/dev/null | grep -E '^ +[0-9]'; }
echo "== samples by thread (self) =="
report --no-children --sort comm | head -24
# The server's threads: its HTTP workers and the rest it names (relay, housekeeper, main).
server=$(report --no-children --sort comm | awk '{print $2}' |
    grep -E '^(http-worker|storefront|outbox|house|Qt|redis|relay|events|kafka|rdk)' | paste -sd, -)
echo "== server threads: leading functions (self) =="
[ -n "$server" ] && report --no-children --comms "$server" --sort dso,sym -g none | head -30
echo "== mariadbd: leading functions (self) =="
report --no-children --comms mariadbd --sort dso,sym -g none | head -25
echo "== server threads: leading frames (children) =="
[ -n "$server" ] && report --children --comms "$server" --sort sym -g none | head -45

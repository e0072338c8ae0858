#!/bin/sh
# make bench: optimized build, then scripts/bench.py (see there).
set -e
cd "$(dirname "$0")/.."
make --no-print-directory BUILD=build-bench OPT="-O3 -march=native -g -DNDEBUG" all >/dev/null
exec python3 scripts/bench.py "$@"

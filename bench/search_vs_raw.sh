#!/usr/bin/env bash
# Search through the HTTP API next to raw FTS5 queries on the same SQLite file (perf-anchors
# §B2/G10 and the product goal p95 ≤ 100 ms). Prints figures; it is not a test (exits 0 once the
# runs are done; a missed goal is printed as MISS). See bench/README.md.
#
# Usage: bench/search_vs_raw.sh [--paragraphs N] [--runs R] [--passes P]
#   --paragraphs N  corpus size (default 1000000; 100000 is a smoke run of under a minute)
#   --runs R        runs, each HTTP (officer, observer) then raw; medians over runs (default 3)
#   --passes P      timed passes per run, after one warm-up pass (default 3)
#
# Everything lives in a mktemp -d scratch folder (removed on exit), the server listens on
# 127.0.0.1 only and is stopped by its PID.
set -euo pipefail

N=1000000 RUNS=3 PASSES=3
usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }
while (($#)); do
  case "$1" in
    --paragraphs) N="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --passes) PASSES="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$ROOT/build/chancery"
BENCH="$ROOT/build/bench/search_bench"
HTTP="$ROOT/bench/search_http.py"
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
[ -x "$BIN" ] && [ -x "$BENCH" ] || die "build first (scripts/build.sh): $BIN and $BENCH are needed"

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/chancery-search-bench-XXXXXX")"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# vmstat's idle% over the next second (column located by name: vmstat versions differ).
idle_pct() {
  vmstat 1 2 | awk 'NR == 2 { for (i = 1; i <= NF; i++) if ($i == "id") c = i } NR == 4 { print $c }'
}

echo "== machine: $(nproc) cores, loadavg $(cut -d' ' -f1-3 /proc/loadavg), sqlite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo '?')"
DATA="$SCRATCH/data"
# The registry and one demo user per role (passwords printed once): the officer reads
# everything, the observer delegate neither Member-States-only documents nor closed items.
INIT="$("$BIN" init --data "$DATA" --demo cica-2021 --registry-only)"
password_of() { printf '%s\n' "$INIT" | awk -v u="$1" '$1 == u { print $NF }'; }
export BENCH_OFFICER_PASSWORD BENCH_OBSERVER_PASSWORD
BENCH_OFFICER_PASSWORD="$(password_of officer)"
BENCH_OBSERVER_PASSWORD="$(password_of observer.jpn)"
[ -n "$BENCH_OFFICER_PASSWORD" ] && [ -n "$BENCH_OBSERVER_PASSWORD" ] || die "no demo passwords in: $INIT"

echo "== fill: $N paragraphs as documents into $DATA/chancery.sqlite"
"$BENCH" fill --db "$DATA/chancery.sqlite" --paragraphs "$N" --queries "$SCRATCH/queries.tsv"
echo "   file $(du -m "$DATA/chancery.sqlite" | cut -f1) MB"

: >"$SCRATCH/server.log"  # before the server's own redirection: the loop below reads it at once
"$BIN" serve --data "$DATA" --listen 127.0.0.1:0 >"$SCRATCH/server.log" 2>&1 &
SERVER_PID=$!
PORT=""
for _ in $(seq 100); do
  PORT="$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$SCRATCH/server.log")"
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || die "the server stopped: $(cat "$SCRATCH/server.log")"
  sleep 0.1
done
[ -n "$PORT" ] || die "the server did not say where it listens: $(cat "$SCRATCH/server.log")"

RAW=() OFFICER=() OBSERVER=()
for run in $(seq "$RUNS"); do
  idle="$(idle_pct)"
  echo "== run $run of $RUNS: loadavg $(cut -d' ' -f1-3 /proc/loadavg), idle ${idle}%$( ((idle < 90)) && echo '  DISTURBED (another process was busy; see README)')"
  python3 "$HTTP" time --port "$PORT" --user officer --password-env BENCH_OFFICER_PASSWORD \
    --queries "$SCRATCH/queries.tsv" --passes "$PASSES" --out "$SCRATCH/officer.$run"
  python3 "$HTTP" time --port "$PORT" --user observer.jpn --password-env BENCH_OBSERVER_PASSWORD \
    --queries "$SCRATCH/queries.tsv" --passes "$PASSES" --out "$SCRATCH/observer.$run"
  "$BENCH" raw --db "$DATA/chancery.sqlite" --queries "$SCRATCH/queries.tsv" --passes "$PASSES" --out "$SCRATCH/raw.$run"
  RAW+=("$SCRATCH/raw.$run") OFFICER+=("$SCRATCH/officer.$run") OBSERVER+=("$SCRATCH/observer.$run")
done

join() { local IFS=,; echo "$*"; }
python3 "$HTTP" report --queries "$SCRATCH/queries.tsv" --raw "${RAW[@]}" \
  --http "officer:$(join "${OFFICER[@]}")" --http "observer:$(join "${OBSERVER[@]}")"
echo
echo "== server log"
cat "$SCRATCH/server.log"

#!/usr/bin/env bash
# Full-text search: the SQLite adapter's SearchIndex::Query next to a raw FTS5
# "SELECT rowid … MATCH … ORDER BY rank LIMIT 20" on the same file, for a rare, a medium and a
# very frequent word. Prints figures; it is not a test (exits 0 once the runs are done).
# See bench/README.md.
#
# Usage: bench/search_vs_raw.sh [N [R]]   N paragraphs (default 1000000), R timed runs (default 21)
set -euo pipefail

N="${1:-1000000}"
RUNS="${2:-21}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$ROOT/build/bench/search_bench"

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
[ -x "$BIN" ] || die "$BIN is missing: build first (scripts/build.sh)"

echo "== machine: $(nproc) cores, loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== sqlite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo '?'), libstemmer $(dpkg-query -W -f='${Version}' libstemmer-dev 2>/dev/null || echo '?')"
"$BIN" --paragraphs "$N" --runs "$RUNS"

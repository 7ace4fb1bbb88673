#!/usr/bin/env bash
# PDF rendering: chancery (cairo + pango, in process) vs LibreOffice converting the same document
# from DOCX: the seed's minutes (goal: chancery's median ≤ 0.05 × LibreOffice's, issue 4) or Note
# Verbale № 17-1/435 in its three languages (goal ≤ 0.10 ×, perf-anchors G13).
#
# Prints figures; it is not a test: it exits 0 once the runs are done and prints MISS, not a
# failure, when the goal is missed. See bench/README.md.
#
# Usage: bench/render_vs_libreoffice.sh [minutes|note] [N]   N = PDF renders to take the median of
#        (default 20); a number alone means the minutes (the earlier usage).
set -euo pipefail

SUBJECT=minutes
case "${1:-}" in minutes|note) SUBJECT="$1"; shift ;; esac
N="${1:-20}"
LO_RUNS=3
GOAL_RATIO=0.05
[ "$SUBJECT" = note ] && GOAL_RATIO=0.10

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$ROOT/build/bench/render_bench"
INPUT="$ROOT/tests/data/seed-soc-2021-06-23.txt"
[ "$SUBJECT" = note ] && INPUT="$ROOT/data/templates/notes"

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
[ -x "$BIN" ] || die "$BIN is missing: build first (scripts/build.sh)"
"$ROOT/scripts/install-deps.sh"   # LibreOffice and poppler-utils among them; a no-op when present
command -v libreoffice >/dev/null || die "libreoffice is not installed"

SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }   # arithmetic on decimals, without bc
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== machine: $(nproc) cores, loadavg $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== chancery: PDF of the $SUBJECT, $N runs in one process"
"$BIN" "$SUBJECT" "$INPUT" "$SCRATCH" "$N" | tee "$SCRATCH/chancery.txt"
PDF_MS="$(awk '$1 == "median_ms" { print $2 }' "$SCRATCH/chancery.txt")"
echo "pages $(pdfinfo "$SCRATCH/$SUBJECT.pdf" | awk '$1 == "Pages:" { print $2 }')"

echo "== LibreOffice: the same $SUBJECT as DOCX → PDF, $LO_RUNS runs after a warm-up"
echo "$(libreoffice --version 2>/dev/null | head -1)"
PROFILE="file://$SCRATCH/lo-profile"
convert() {
  rm -f "$SCRATCH/out/$SUBJECT.pdf"
  libreoffice -env:UserInstallation="$PROFILE" --headless --convert-to pdf --outdir "$SCRATCH/out" \
    "$SCRATCH/$SUBJECT.docx" >"$SCRATCH/lo.log" 2>&1 || { cat "$SCRATCH/lo.log" >&2; die "LibreOffice failed"; }
  [ -s "$SCRATCH/out/$SUBJECT.pdf" ] || die "LibreOffice wrote no PDF"
}
start="$(now)"; convert; end="$(now)"
printf 'cold_s %.2f   (new profile; not counted)\n' "$(calc "$end - $start")"
: >"$SCRATCH/lo-times.txt"
for i in $(seq "$LO_RUNS"); do
  start="$(now)"; convert; end="$(now)"
  t="$(calc "$end - $start")"
  printf 'run_%d_s %.2f\n' "$i" "$t"
  echo "$t" >>"$SCRATCH/lo-times.txt"
done
LO_S="$(median <"$SCRATCH/lo-times.txt")"
printf 'median_s %.2f\n' "$LO_S"
echo "pages $(pdfinfo "$SCRATCH/out/$SUBJECT.pdf" | awk '$1 == "Pages:" { print $2 }')"

echo "== result"
RATIO="$(calc "$PDF_MS / ($LO_S * 1000)")"
VERDICT="$(calc "($RATIO <= $GOAL_RATIO) ? 1 : 0")"
printf 'chancery PDF   %8.2f ms (median of %d)\n' "$PDF_MS" "$N"
printf 'LibreOffice    %8.2f ms (median of %d, warm profile)\n' "$(calc "$LO_S * 1000")" "$LO_RUNS"
printf 'ratio          %8.4f  goal <= %s  %s   (LibreOffice is %.0f x slower)\n' "$RATIO" "$GOAL_RATIO" \
  "$([ "$VERDICT" = 1 ] && echo PASS || echo MISS)" "$(calc "$LO_S * 1000 / $PDF_MS")"

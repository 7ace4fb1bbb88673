#!/usr/bin/env bash
# Side-by-side HTTP benchmark: chancery's ~2 KB JSON read endpoint vs nginx serving the very same
# bytes as a static file (the "physical limit" anchor of docs perf-anchors §B1/G1–G3/G14).
#
# Prints figures; it is not a test and always exits 0 once the runs are done (a missing goal is
# printed as MISS, not turned into a failure). See bench/README.md for how to read the output.
#
# Usage: bench/http_vs_nginx.sh [--quick] [--pinned]
#   --quick   1 pair per connection count and -d5s instead of 3 pairs and -d10s (smoke run)
#   --pinned  servers on CPU 0 (chancery --threads 1, nginx worker_processes 1), wrk on CPU 1:
#             without it the load generator and the server fight for the same 2 cores, which
#             shows up as a latency tail at 1000 connections (perf-anchors §B3)
#
# Everything listens on 127.0.0.1 only, lives in a mktemp -d scratch folder, every load run is
# time-bounded, and both servers are stopped by PID on exit.
set -euo pipefail

# ---- settings ---------------------------------------------------------------------------------

PAIRS=3          # A/B pairs per connection count; medians need an odd number
DURATION=10      # seconds per wrk run
CONNECTIONS=(100 1000)
WRK_THREADS=2
IDLE_MIN=90      # vmstat idle% below this before a run marks its pair "disturbed" (perf-anchors §0)
TARGET_BYTES=2048
PINNED=0         # --pinned: see usage

# Goals (ratios chancery / nginx, measured in the same run).
GOAL_RPS_RATIO=0.75   # req/s: chancery ≥ 0.75 × nginx
GOAL_P99_RATIO=1.5    # p99:   chancery ≤ 1.5 × nginx
# Footprint: chancery idle RSS ≤ nginx (master + workers) idle RSS.

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }

for arg in "$@"; do
  case "$arg" in
    --quick) PAIRS=1; DURATION=5 ;;
    --pinned) PINNED=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

PIN_SERVER="" PIN_CLIENT="" NGINX_WORKERS=2
if ((PINNED)); then
  PIN_SERVER="taskset -c 0" PIN_CLIENT="taskset -c 1" NGINX_WORKERS=1 WRK_THREADS=1
fi

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$ROOT/build/chancery"

# ---- helpers ----------------------------------------------------------------------------------

log() { printf '%s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# A TCP port that is free right now on loopback (the kernel picks it; tiny race, fine here).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# VmRSS of one process, in KiB (0 if it is gone).
rss_kib() { awk '/^VmRSS:/ {print $2; found=1} END {if (!found) print 0}' "/proc/$1/status" 2>/dev/null || echo 0; }

# PSS of one process, in KiB: shared pages split between sharers, fairer for multi-process nginx.
pss_kib() { awk '/^Pss:/ {print $2; found=1} END {if (!found) print 0}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }

# The nginx master and its workers.
nginx_pids() { printf '%s\n' "$NGINX_PID"; pgrep -P "$NGINX_PID" || true; }

sum_over() {  # sum_over FUNC PID... → sum of FUNC(pid) in KiB
  local fn=$1 total=0 pid; shift
  for pid in "$@"; do total=$((total + $("$fn" "$pid"))); done
  echo "$total"
}

mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }

# vmstat's idle% over the next second (column located by name: vmstat versions differ).
idle_pct() {
  vmstat 1 2 | awk 'NR == 2 {for (i = 1; i <= NF; i++) if ($i == "id") col = i} NR == 4 {print $col}'
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

median() {  # median FORMAT VALUE... (printf format, e.g. %.0f; "-" if no values)
  local fmt=$1; shift
  [ $# -eq 0 ] && { echo "-"; return; }
  printf '%s\n' "$@" | sort -g | awk -v f="$fmt" '{v[NR] = $1} END {
    if (NR % 2) printf f, v[(NR + 1) / 2]; else printf f, (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b}'; }

# verdict VALUE OP GOAL → PASS / MISS (OP is ge or le)
verdict() {
  awk -v v="$1" -v op="$2" -v g="$3" 'BEGIN {
    if (v == "-") {print "n/a"; exit}
    ok = (op == "ge") ? (v + 0 >= g + 0) : (v + 0 <= g + 0); print ok ? "PASS" : "MISS" }'
}

# Extracts from one wrk output: rps p50_ms p99_ms socket_errors non2xx max_ms
# (socket_errors is the sum of connect/read/write/timeout; details stay in the saved output).
parse_wrk() {
  awk '
    function ms(v,   n, u) {
      n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
      if (u == "us") return n / 1000; if (u == "ms") return n; if (u == "s") return n * 1000
      if (u == "m") return n * 60000; if (u == "h") return n * 3600000; return -1
    }
    /^ +Latency +[0-9]/          {max = ms($4)}
    /^Requests\/sec:/            {rps = $2}
    /^ +50% /                    {p50 = ms($2)}
    /^ +99% /                    {p99 = ms($2)}
    /Socket errors:/             {gsub(/,/, ""); errs = $4 + $6 + $8 + $10}
    /Non-2xx or 3xx responses:/  {non2xx = $NF}
    END {
      if (rps == "") {print "- - - - - -"; exit}
      printf "%.0f %.2f %.2f %d %d %.2f\n", rps, p50, p99, errs, non2xx, max
    }' "$1"
}

# ---- cleanup ----------------------------------------------------------------------------------

D=""
SERVER_PID=""
NGINX_PID=""

stop_pid() {  # TERM, wait up to 5 s, then KILL; only the PID we started
  local pid=$1 _
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  stop_pid "$SERVER_PID"
  stop_pid "$NGINX_PID"  # nginx's master stops its workers on TERM
  if [ -n "$D" ]; then rm -rf "$D"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # run the EXIT trap on Ctrl-C too

# ---- prerequisites ----------------------------------------------------------------------------

"$ROOT/scripts/install-deps.sh" wrk nginx-light
[ -x "$BIN" ] || die "$BIN not found: build it first with scripts/build.sh"
for tool in wrk nginx curl python3 vmstat pgrep; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

D="$(mktemp -d -t chancery-bench.XXXXXX)"

# ---- chancery: demo data, server, token -------------------------------------------------------

start_chancery() {
  "$BIN" init --data "$D/data" --demo cica-2021 >"$D/init.log" 2>&1 || { cat "$D/init.log" >&2; die "chancery init failed"; }
  # "  admin          administrator           password: XYZ"; the password may start with '-'.
  ADMIN_PASSWORD="$(awk '$1 == "admin" {for (i = 1; i < NF; i++) if ($i == "password:") print $(i + 1)}' "$D/init.log")"
  [ -n "$ADMIN_PASSWORD" ] || { cat "$D/init.log" >&2; die "no admin password in chancery init output"; }

  if ((PINNED)); then
    taskset -c 0 "$BIN" serve --data "$D/data" --listen 127.0.0.1:0 --threads 1 >"$D/serve.log" 2>&1 &
  else
    "$BIN" serve --data "$D/data" --listen 127.0.0.1:0 >"$D/serve.log" 2>&1 &
  fi
  SERVER_PID=$!
  # The first stdout line is "chancery listening on http://127.0.0.1:PORT (...)": it carries the
  # port chosen by the kernel for --listen …:0.
  local _ line=""
  for _ in $(seq 100); do
    line="$(head -n 1 "$D/serve.log")"
    [[ "$line" == "chancery listening on "* ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$D/serve.log" >&2; die "chancery serve exited"; }
    sleep 0.1
  done
  [[ "$line" == "chancery listening on "* ]] || { cat "$D/serve.log" >&2; die "chancery serve did not start in 10 s"; }
  CHANCERY_PORT="$(sed -E 's|^chancery listening on http://127\.0\.0\.1:([0-9]+).*|\1|' <<<"$line")"
  [[ "$CHANCERY_PORT" =~ ^[0-9]+$ ]] || die "cannot read the port from: $line"
}

sign_in() {
  # JSON built and parsed with python3 so any character in the password is escaped correctly.
  local body
  body="$(PASSWORD="$ADMIN_PASSWORD" python3 -c 'import json, os
print(json.dumps({"username": "admin", "password": os.environ["PASSWORD"], "mode": "token"}))')"
  curl -sS --max-time 10 -H 'Content-Type: application/json' --data-binary "$body" \
    -o "$D/login.json" "http://127.0.0.1:$CHANCERY_PORT/api/v1/auth/login" || die "login request failed"
  TOKEN="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["token"])' "$D/login.json" 2>/dev/null)" \
    || { cat "$D/login.json" >&2; die "no token in the login response"; }
  AUTH="Authorization: Bearer $TOKEN"
}

# Fetches chancery's list with LIMIT into $D/body-LIMIT.json; prints the body size (dies on non-200).
fetch_body() {
  local limit=$1 code
  code="$(curl -sS --max-time 10 -H "$AUTH" -o "$D/body-$limit.json" -w '%{http_code}' \
    "http://127.0.0.1:$CHANCERY_PORT$(endpoint_path "$limit")")"
  [ "$code" = 200 ] || { cat "$D/body-$limit.json" >&2; die "GET $(endpoint_path "$limit") answered $code"; }
  stat -c %s "$D/body-$limit.json"
}

endpoint_path() { echo "/api/v1/participants?status=member&on=2021-06-23&limit=$1"; }

# The ~2 KB endpoint: limit=2 unless it is far (> 25 %) from 2,048 bytes, then the closest of 1..3.
choose_endpoint() {
  local size best_limit=2 best_size best_dist d limit
  best_size="$(fetch_body 2)"
  best_dist=$(( best_size > TARGET_BYTES ? best_size - TARGET_BYTES : TARGET_BYTES - best_size ))
  log "  limit=2: $best_size bytes"
  if (( best_dist * 4 > TARGET_BYTES )); then
    for limit in 1 3; do
      size="$(fetch_body "$limit")"
      log "  limit=$limit: $size bytes"
      d=$(( size > TARGET_BYTES ? size - TARGET_BYTES : TARGET_BYTES - size ))
      if (( d < best_dist )); then best_limit=$limit; best_size=$size; best_dist=$d; fi
    done
  fi
  PATH_Q="$(endpoint_path "$best_limit")"
  BODY_BYTES=$best_size
  mkdir -p "$D/www/api/v1"
  cp "$D/body-$best_limit.json" "$D/www/api/v1/participants"   # same path, same bytes for nginx
}

# ---- nginx serving the same bytes -------------------------------------------------------------

start_nginx() {
  NGINX_PORT="$(free_port)"
  # Same settings as the §B1 anchor. Every path nginx writes lives under $D.
  cat >"$D/nginx.conf" <<EOF
worker_processes $NGINX_WORKERS;
pid $D/nginx.pid;
error_log $D/nginx-error.log warn;
events { worker_connections 20000; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type application/json;
  client_body_temp_path $D/tmp/body;
  proxy_temp_path $D/tmp/proxy;
  fastcgi_temp_path $D/tmp/fastcgi;
  uwsgi_temp_path $D/tmp/uwsgi;
  scgi_temp_path $D/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $D/www;
    location = /api/v1/participants { }
  }
}
EOF
  mkdir -p "$D/tmp"
  # mktemp -d is 0700; nginx workers run as an unprivileged user when started as root and must
  # be able to reach the file (traverse only, no listing).
  chmod 711 "$D"
  chmod -R a+rX "$D/www"
  $PIN_SERVER nginx -c "$D/nginx.conf" -p "$D/" -e "$D/nginx-error.log" -g 'daemon off;' >"$D/nginx.out" 2>&1 &
  NGINX_PID=$!
  local _
  for _ in $(seq 50); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$NGINX_PORT$PATH_Q" && break
    kill -0 "$NGINX_PID" 2>/dev/null || { cat "$D/nginx.out" "$D/nginx-error.log" >&2 2>/dev/null; die "nginx exited"; }
    sleep 0.1
  done
  curl -sS --max-time 5 -H "$AUTH" -o "$D/nginx-body.json" "http://127.0.0.1:$NGINX_PORT$PATH_Q" \
    || die "nginx does not answer"
  cmp -s "$D/nginx-body.json" "$D/www/api/v1/participants" || die "nginx does not serve the same bytes"
}

# Header bytes of one response (the bodies are identical; headers are not).
header_bytes() { curl -sS --max-time 5 -H "$AUTH" -D - -o /dev/null "$1" | wc -c; }

# ---- footprint --------------------------------------------------------------------------------

# Prints "chancery_rss nginx_rss chancery_pss nginx_pss" in KiB.
footprint() {
  local pids
  mapfile -t pids < <(nginx_pids)
  echo "$(rss_kib "$SERVER_PID") $(sum_over rss_kib "${pids[@]}") $(pss_kib "$SERVER_PID") $(sum_over pss_kib "${pids[@]}")"
}

# ---- load runs --------------------------------------------------------------------------------

# run_wrk NAME URL CONNS TAG → appends "c tag name pair idle rps p50 p99 errs non2xx status" to results.
run_wrk() {
  local name=$1 url=$2 conns=$3 pair=$4 out idle load status=ok
  out="$D/wrk-c$conns-$pair-$name.txt"
  # Let the previous run's tail (closing up to 1,000 sockets, a server finishing queued requests)
  # pass first, so that the idle check below sees other processes, not our own last run.
  sleep 2
  load="$(loadavg)"
  idle="$(idle_pct)"
  printf '  c=%-4s pair %d  %-8s  loadavg %s  idle %3s%%  ' "$conns" "$pair" "$name" "$load" "$idle"
  # wrk stops itself after -d; timeout is the outer guard should it hang (e.g. a stuck server).
  if ! timeout 30 $PIN_CLIENT wrk -t"$WRK_THREADS" -c"$conns" -d"${DURATION}s" --latency -H "$AUTH" "$url" >"$out" 2>&1; then
    status=failed
  fi
  local rps p50 p99 errs non2xx max
  read -r rps p50 p99 errs non2xx max < <(parse_wrk "$out")
  [ "$rps" = "-" ] && status=failed
  [ "$status" = ok ] && { [ "$errs" != 0 ] || [ "$non2xx" != 0 ]; } && status=flagged
  printf '%8s req/s  p50 %7s ms  p99 %8s ms  max %8s ms' "$rps" "$p50" "$p99" "$max"
  [ "$status" != ok ] && printf '  <-- %s: %s' "${status^^}" "$(grep -hE 'Socket errors|Non-2xx' "$out" | xargs echo)"
  [ "$status" = failed ] && printf ' (wrk output: %s)' "$(tail -n 2 "$out" | xargs echo)"
  printf '\n'
  echo "$conns $pair $name $idle $rps $p50 $p99 $errs $non2xx $status" >>"$D/results.txt"
  kill -0 "$SERVER_PID" 2>/dev/null || { log "chancery died during the run:"; tail -n 20 "$D/serve.log"; exit 1; }
}

# ---- report -----------------------------------------------------------------------------------

report_connections() {
  local c=$1 pair name idle rps p50 p99 errs non2xx status
  local -a c_rps=() c_p50=() c_p99=() n_rps=() n_p50=() n_p99=()
  local disturbed_pairs=0 used=0
  log ""
  log "== c=$c: wrk -t$WRK_THREADS -c$c -d${DURATION}s --latency (p50/p99 in ms) =="
  printf '  %-5s %10s %8s %8s   %10s %8s %8s   %s\n' pair "chancery" p50 p99 "nginx" p50 p99 notes
  for pair in $(seq "$PAIRS"); do
    local line_c line_n notes="" disturbed=0
    line_c="$(awk -v c="$c" -v p="$pair" '$1 == c && $2 == p && $3 == "chancery"' "$D/results.txt")"
    line_n="$(awk -v c="$c" -v p="$pair" '$1 == c && $2 == p && $3 == "nginx"' "$D/results.txt")"
    read -r _ _ _ idle rps p50 p99 errs non2xx status <<<"$line_c"
    local crps=$rps cp50=$p50 cp99=$p99 cidle=$idle cstatus=$status cerr=$errs cnon=$non2xx
    read -r _ _ _ idle rps p50 p99 errs non2xx status <<<"$line_n"
    awk -v a="$cidle" -v b="$idle" -v m="$IDLE_MIN" 'BEGIN {exit !(a < m || b < m)}' && disturbed=1
    (( disturbed )) && { notes+="DISTURBED (idle $cidle%/$idle% before runs) "; disturbed_pairs=$((disturbed_pairs + 1)); }
    [ "$cstatus" != ok ] && notes+="chancery ${cstatus^^} (socket errors $cerr, non-2xx $cnon) "
    [ "$status" != ok ] && notes+="nginx ${status^^} (socket errors $errs, non-2xx $non2xx) "
    printf '  %-5s %10s %8s %8s   %10s %8s %8s   %s\n' "$pair" "$crps" "$cp50" "$cp99" "$rps" "$p50" "$p99" "$notes"
    # Medians use undisturbed pairs whose runs completed (failed runs have no figures at all).
    if (( ! disturbed )) && [ "$cstatus" != failed ] && [ "$status" != failed ]; then
      c_rps+=("$crps"); c_p50+=("$cp50"); c_p99+=("$cp99"); n_rps+=("$rps"); n_p50+=("$p50"); n_p99+=("$p99")
      used=$((used + 1))
    fi
  done
  if (( used == 0 )); then
    log "  every pair was disturbed or failed: medians below use all completed pairs (treat them with care)"
    for pair in $(seq "$PAIRS"); do
      read -r _ _ _ _ rps p50 p99 _ _ status < <(awk -v c="$c" -v p="$pair" '$1 == c && $2 == p && $3 == "chancery"' "$D/results.txt")
      [ "$status" != failed ] && { c_rps+=("$rps"); c_p50+=("$p50"); c_p99+=("$p99"); }
      read -r _ _ _ _ rps p50 p99 _ _ status < <(awk -v c="$c" -v p="$pair" '$1 == c && $2 == p && $3 == "nginx"' "$D/results.txt")
      [ "$status" != failed ] && { n_rps+=("$rps"); n_p50+=("$p50"); n_p99+=("$p99"); }
    done
  fi
  local mcr mcp50 mcp99 mnr mnp50 mnp99 rr pr
  mcr="$(median %.0f "${c_rps[@]}")"; mcp50="$(median %.2f "${c_p50[@]}")"; mcp99="$(median %.2f "${c_p99[@]}")"
  mnr="$(median %.0f "${n_rps[@]}")"; mnp50="$(median %.2f "${n_p50[@]}")"; mnp99="$(median %.2f "${n_p99[@]}")"
  printf '  %-5s %10s %8s %8s   %10s %8s %8s   %s\n' median "$mcr" "$mcp50" "$mcp99" "$mnr" "$mnp50" "$mnp99" \
    "(over $((used > 0 ? used : PAIRS)) of $PAIRS pairs; $disturbed_pairs disturbed)"
  rr="$(ratio "$mcr" "$mnr")"; pr="$(ratio "$mcp99" "$mnp99")"
  printf '  ratio chancery/nginx  req/s %5s  (goal >= %s)  %s\n' "$rr" "$GOAL_RPS_RATIO" "$(verdict "$rr" ge "$GOAL_RPS_RATIO")"
  printf '  ratio chancery/nginx  p99   %5s  (goal <= %s)  %s\n' "$pr" "$GOAL_P99_RATIO" "$(verdict "$pr" le "$GOAL_P99_RATIO")"
  printf '  ratio chancery/nginx  p50   %5s  (no goal, for reference)\n' "$(ratio "$mcp50" "$mnp50")"
  local flagged
  flagged="$(awk -v c="$c" '$1 == c && $10 != "ok"' "$D/results.txt" | wc -l)"
  (( flagged > 0 )) && log "  WARNING: $flagged run(s) at c=$c had socket errors, non-2xx responses or failed (see notes)"
  return 0
}

report_footprint() {
  local label=$1 cr nr cp np
  read -r cr nr cp np <<<"$2"
  printf '  %-22s chancery RSS %6s MiB (PSS %6s)   nginx master+%d workers RSS %6s MiB (PSS %6s)\n' \
    "$label" "$(mib "$cr")" "$(mib "$cp")" "$NGINX_WORKERS" "$(mib "$nr")" "$(mib "$np")"
}

# ---- main -------------------------------------------------------------------------------------

log "== machine =="
log "  nproc: $(nproc); CPU: $(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
log "  $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2); $(nginx -v 2>&1); $("$BIN" --version)"
log "  ulimit -n: $(ulimit -n); kernel $(uname -r)"
log "  mode: $PAIRS pair(s) per connection count, ${DURATION}s per run, alternating chancery/nginx$( ((PINNED)) && echo "; pinned: servers on CPU 0, wrk on CPU 1")"

log ""
log "== setup =="
start_chancery
log "  chancery pid $SERVER_PID on 127.0.0.1:$CHANCERY_PORT (demo cica-2021 in $D/data)"
sign_in
log "  signed in as admin (bearer token)"
log "  choosing the ~$TARGET_BYTES-byte endpoint:"
choose_endpoint
start_nginx
NGINX_WORKERS="$(pgrep -c -P "$NGINX_PID" || true)"
CHANCERY_URL="http://127.0.0.1:$CHANCERY_PORT$PATH_Q"
NGINX_URL="http://127.0.0.1:$NGINX_PORT$PATH_Q"
log "  nginx pid $NGINX_PID ($NGINX_WORKERS workers) on 127.0.0.1:$NGINX_PORT, serving the same $BODY_BYTES bytes"
log "  URL: $PATH_Q  (body $BODY_BYTES bytes; response headers: chancery $(header_bytes "$CHANCERY_URL") B, nginx $(header_bytes "$NGINX_URL") B)"
log "  request header for both: Authorization: Bearer <token, ${#TOKEN} chars>"

sleep 3   # idle footprint: both servers up, no client for 3 s
FOOT_BEFORE="$(footprint)"

: >"$D/results.txt"
for c in "${CONNECTIONS[@]}"; do
  log ""
  log "== load, c=$c =="
  for pair in $(seq "$PAIRS"); do
    run_wrk chancery "$CHANCERY_URL" "$c" "$pair"
    run_wrk nginx "$NGINX_URL" "$c" "$pair"
  done
done

sleep 3   # let the last connections close before measuring the footprint again
FOOT_AFTER="$(footprint)"

log ""
log "================================ results ================================"
for c in "${CONNECTIONS[@]}"; do report_connections "$c"; done

log ""
log "== footprint (VmRSS from /proc; MiB = 1024 KiB) =="
report_footprint "idle, before load:" "$FOOT_BEFORE"
report_footprint "after all load runs:" "$FOOT_AFTER"
read -r cr nr _ _ <<<"$FOOT_BEFORE"
rr="$(ratio "$cr" "$nr")"
printf '  idle RSS ratio chancery/nginx %s  (goal <= 1.0)  %s\n' "$rr" "$(verdict "$rr" le 1.0)"

log ""
log "== server log =="
log "  chancery wrote $(wc -l <"$D/serve.log") line(s); last lines:"
tail -n 5 "$D/serve.log" | sed 's/^/    /'
if [ -s "$D/nginx-error.log" ]; then
  log "  nginx error log (last lines):"
  tail -n 5 "$D/nginx-error.log" | sed 's/^/    /'
fi

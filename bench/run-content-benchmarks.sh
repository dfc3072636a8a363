#!/usr/bin/env bash
# Content benchmarks of PoleKnowledge (see docs/benchmarks.md): generate COUNT items, import them, measure cold
# starts (database, then snapshot), memory after page traffic, save+publish latency and wrk throughput.
#
# Usage: bench/run-content-benchmarks.sh            (from anywhere; results in $WORK/results.env and on stdout)
# Environment:
#   COUNT=100000 SEED=42 PORT=5099        items to generate, generator seed, site port
#   WORK=/tmp/...                         work folder (default: a fresh mktemp folder)
#   IMPORT_TIMEOUT=900                    seconds; a slower import is stopped, its rate recorded, and the other
#                                         measurements run on FALLBACK_COUNT items (default 20000) instead
#   REUSE=1                               skip generate+import: reuse $WORK/items and $WORK/data from an earlier run
#                                         (the earlier timings in $WORK/results.env are kept)
# One heavy process at a time: every step waits for the previous one.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COUNT=${COUNT:-100000}
SEED=${SEED:-42}
PORT=${PORT:-5099}
IMPORT_TIMEOUT=${IMPORT_TIMEOUT:-900}
FALLBACK_COUNT=${FALLBACK_COUNT:-20000}
REUSE=${REUSE:-0}
WORK=${WORK:-$(mktemp -d /tmp/pk-bench.XXXXXX)}
mkdir -p "$WORK"
RESULTS=$WORK/results.env
SITE_BIN=$ROOT/src/Site/bin/Release/net10.0
SITE_DLL=$SITE_BIN/PoleKnowledge.Site.dll
GENERATOR=$ROOT/bench/Generator/bin/Release/net10.0/PoleKnowledge.Generator.dll
PROBE=$ROOT/bench/Probe/bin/Release/net10.0/PoleKnowledge.Probe.dll
BASE=http://127.0.0.1:$PORT
SITE_PID=

now_ms() { date +%s%3N; }
record() { echo "$1=$2" | tee -a "$RESULTS"; }
log() { echo "== $(date +%T) $*" >&2; }

cleanup() {
  if [[ -n "$SITE_PID" ]] && kill -0 "$SITE_PID" 2>/dev/null; then
    kill -TERM "$SITE_PID" 2>/dev/null || true
    wait "$SITE_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# ---- machine and build -------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  log "installing wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null
fi
[[ $REUSE == 1 ]] || : >"$RESULTS"
record machine_nproc "$(nproc)"
record machine_cpu "\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')\""
record machine_ram_gib "$(awk '/MemTotal/ {printf "%.1f", $2/1024/1024}' /proc/meminfo)"
record machine_os "\"$(. /etc/os-release && echo "$PRETTY_NAME")\""
record dotnet_version "$(dotnet --version)"

log "building (Release)"
dotnet build -c Release "$ROOT/src/Site" -v q -nologo >/dev/null
dotnet build -c Release "$ROOT/bench/Generator" -v q -nologo >/dev/null
dotnet build -c Release "$ROOT/bench/Probe" -v q -nologo >/dev/null

# The CLI and the site run from the build output with the project folder as content root (STACK.md gotcha 5).
site_cli() { (cd "$SITE_BIN" && dotnet "$SITE_DLL" "$@" --contentRoot "$ROOT/src/Site" --PoleKnowledge:DataPath="$WORK/data" --PoleKnowledge:ImportDemoContent=false); }

# ---- (a) generate, (b) import ---------------------------------------------------------------------------------
generate() {
  local count=$1 folder=$2
  rm -rf "$folder"
  local start; start=$(now_ms)
  dotnet "$GENERATOR" "$folder" "$count" "$SEED" --schema "$ROOT/content-schema" | tail -1 >&2
  record generate_seconds "$(awk "BEGIN {printf \"%.1f\", ($(now_ms) - $start)/1000}")"
}

import() {
  local folder=$1
  rm -rf "$WORK/data" && mkdir -p "$WORK/data"
  local start; start=$(now_ms)
  site_cli import "$folder" >"$WORK/import.log" 2>&1 &
  local pid=$! rc=0 timed_out=0
  while kill -0 "$pid" 2>/dev/null; do
    if (( $(now_ms) - start > IMPORT_TIMEOUT * 1000 )); then
      timed_out=1
      kill -TERM "$pid" 2>/dev/null || true
      break
    fi
    sleep 1
  done
  wait "$pid" || rc=$?
  local elapsed=$(( $(now_ms) - start ))
  local nodes; nodes=$(sqlite3 -readonly "$WORK/data/hub.db" 'select count(*) from ContentNode' 2>/dev/null || echo 0)
  record import_items_in_db "$nodes"
  record import_seconds "$(awk "BEGIN {printf \"%.1f\", $elapsed/1000}")"
  record import_items_per_second "$(awk "BEGIN {printf \"%.0f\", $nodes*1000/$elapsed}")"
  record import_exit_code "$rc"
  record import_timed_out "$timed_out"
  tr '\r' '\n' <"$WORK/import.log" | grep -E 'fichiers :' | tail -1 | sed 's/^/import_summary: /' >&2 || true
  return $timed_out
}

if [[ $REUSE != 1 ]]; then
  log "(a) generating $COUNT items"
  record items_requested "$COUNT"
  generate "$COUNT" "$WORK/items"
  log "(b) importing"
  if ! import "$WORK/items"; then
    log "import slower than ${IMPORT_TIMEOUT}s: stopped; measuring the rest on $FALLBACK_COUNT items"
    record items_measured "$FALLBACK_COUNT"
    generate "$FALLBACK_COUNT" "$WORK/items"
    import "$WORK/items" || true
  else
    record items_measured "$COUNT"
  fi
fi
MANIFEST=$WORK/items/manifest.tsv
DEEP=$(awk -F'\t' '$1 == "resource" { r = $4 } END { print r }' "$MANIFEST")
record deep_page "$DEEP"

log "creating an API token"
TOKEN=$(site_cli create-api-token --name bench 2>/dev/null | tail -1)

# ---- (c) cold starts ------------------------------------------------------------------------------------------
start_site() {
  local label=$1 start
  start=$(now_ms)
  (cd "$SITE_BIN" && exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
    dotnet "$SITE_DLL" --contentRoot "$ROOT/src/Site" --urls "$BASE" \
    --PoleKnowledge:DataPath="$WORK/data" --PoleKnowledge:ImportDemoContent=false >"$WORK/site-$label.log" 2>&1) &
  SITE_PID=$!
  local out; out=$(dotnet "$PROBE" coldstart "$BASE" "$start" 120 / "$DEEP")
  record "coldstart_${label}_home_ms" "$(sed -n 's/^first_ok_ms_1=//p' <<<"$out")"
  record "coldstart_${label}_deep_ms" "$(sed -n 's/^first_ok_ms_2=//p' <<<"$out")"
  grep -m1 'Published cache' "$WORK/site-$label.log" | sed "s/^ */cache_${label}: /" >&2 || true
}

stop_site() {
  kill -TERM "$SITE_PID"
  wait "$SITE_PID" 2>/dev/null || true
  SITE_PID=
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
hwm_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
site_pid() { echo "$SITE_PID"; }  # the subshell execs env, which execs dotnet: $! is the site process

# Other work on the machine skews everything below: record the load average first.
record load_average_before_starts "\"$(cut -d' ' -f1-3 /proc/loadavg)\""
log "(c) cold start 1: published cache built from the database"
rm -f "$WORK/data/cache/published.snapshot"   # (REUSE) an earlier run's snapshot would turn this into a snapshot start
start_site database
sleep 2
record rss_after_start_database_mb "$(rss_mb "$(site_pid)")"
stop_site
[[ -f $WORK/data/cache/published.snapshot ]] && record snapshot_mb "$(du -m "$WORK/data/cache/published.snapshot" | cut -f1)"

log "(c) cold start 2: published cache loaded from the snapshot"
start_site snapshot
PID=$(site_pid)
record rss_after_start_snapshot_mb "$(rss_mb "$PID")"

# ---- (d) memory after 1000 random pages -----------------------------------------------------------------------
log "(d) 1000 random pages"
dotnet "$PROBE" pages "$BASE" "$MANIFEST" 1000 "$SEED" | tee -a "$RESULTS" || true
sleep 2
record rss_after_1000_pages_mb "$(rss_mb "$PID")"

# ---- (e) save + publish latency -------------------------------------------------------------------------------
log "(e) 200 sequential PUT + publish, each polled until visible"
dotnet "$PROBE" publish "$BASE" "$TOKEN" "$MANIFEST" 200 "$SEED" | tee -a "$RESULTS" || true
record rss_after_publish_mb "$(rss_mb "$PID")"

# ---- (f) wrk ---------------------------------------------------------------------------------------------------
run_wrk() {
  local label=$1 url=$2 out
  out=$(wrk -t2 -c64 -d10s --latency "$url")
  echo "$out" >"$WORK/wrk-$label.txt"
  record "wrk_${label}_rps" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  record "wrk_${label}_p50" "$(awk '$1 == "50%" {print $2}' <<<"$out")"
  record "wrk_${label}_p99" "$(awk '$1 == "99%" {print $2}' <<<"$out")"
  record "wrk_${label}_non2xx" "$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
}
log "(f) wrk /healthz and $DEEP"
run_wrk healthz "$BASE/healthz"
run_wrk page "$BASE$DEEP"
record rss_after_wrk_mb "$(rss_mb "$PID")"
record rss_peak_mb "$(hwm_mb "$PID")"
stop_site

log "done; results in $RESULTS"

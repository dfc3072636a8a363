#!/usr/bin/env bash
# Search benchmarks of PoleKnowledge (see docs/benchmarks.md, "Search"): on a data folder that already holds
# content (the corpus, or the items of run-content-benchmarks.sh), measures a full index rebuild (`reindex`),
# the index size, in-process query latency (BenchmarkDotNet, bench/SearchBench) and API throughput (wrk).
#
# Usage: DATA=/path/to/App_Data bench/run-search-benchmarks.sh
# Environment: DATA (required), PORT=5098, DURATION=15s, BDN_JOB=short (BenchmarkDotNet job: short, medium, default),
# GEN0=0x2000000 (the site's DOTNET_GCgen0size, docs/operations.md),
# RESULTS=$DATA/../search-results.env
# One heavy process at a time: every step waits for the previous one.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${DATA:?set DATA to a hub data folder with content}
PORT=${PORT:-5098}
DURATION=${DURATION:-15s}
RESULTS=${RESULTS:-$(dirname "$DATA")/search-results.env}
SITE_DLL=$ROOT/src/Site/bin/Release/net10.0/PoleKnowledge.Site.dll
BENCH_DLL=$ROOT/bench/SearchBench/bin/Release/net10.0/PoleKnowledge.SearchBench.dll
BASE=http://127.0.0.1:$PORT
BDN_JOB=${BDN_JOB:-short}
SITE_PID=

record() { echo "$1=$2" | tee -a "$RESULTS"; }
log() { echo "== $(date +%T) $*" >&2; }
cleanup() { [[ -n "$SITE_PID" ]] && kill -TERM "$SITE_PID" 2>/dev/null && wait "$SITE_PID" 2>/dev/null || true; }
trap cleanup EXIT

: >"$RESULTS"
record machine_nproc "$(nproc)"
record machine_load_before "\"$(cut -d' ' -f1-3 /proc/loadavg)\""

log "building (Release)"
dotnet build -c Release "$ROOT/src/Site" -v q -nologo >/dev/null
dotnet build -c Release "$ROOT/bench/SearchBench" -v q -nologo >/dev/null

log "rebuild beside the live index (reindex)"
start=$(date +%s%3N)
(cd "$ROOT/src/Site" && PoleKnowledge__DataPath="$DATA" /usr/bin/time -f "reindex_process %e s wall %U s user %S s sys %M KiB peak RSS" dotnet "$SITE_DLL" reindex 2>&1 | grep -aE "Content index rebuilt|Content index merged|reindex_process" | tee "$(dirname "$RESULTS")/search-reindex.log" >&2)
record reindex_ms $(( $(date +%s%3N) - start ))
# The process waits for the background merge of the new generation into one segment (part of reindex_ms).
record reindex_merge_s "$(sed -nE 's/.*Content index merged: .* in ([0-9.]+) s .*/\1/p' "$(dirname "$RESULTS")/search-reindex.log" | tail -1)"
record index_bytes "$(du -sb "$DATA/index" | cut -f1)"

log "in-process latency (BenchmarkDotNet, in-process toolchain)"
dotnet "$BENCH_DLL" "$DATA" profile | tee "$(dirname "$RESULTS")/search-profile.log" >&2
dotnet "$BENCH_DLL" "$DATA" --inProcess --job "$BDN_JOB" --filter '*' --artifacts "$(dirname "$RESULTS")/search-bdn" | tee "$(dirname "$RESULTS")/search-bdn.log" | grep -E '^\|' || true

for cache in true false; do
  log "API throughput (wrk -t2 -c32), result cache $cache"
  # exec: the PID is the site's own (kill and VmRSS reach it, not a subshell). The GC budget is the one
  # docs/operations.md asks of a deployment (and launchSettings.json gives `dotnet run`); GEN0 overrides it.
  (cd "$ROOT/src/Site" && DOTNET_GCgen0size=${GEN0:-0x2000000} PoleKnowledge__DataPath="$DATA" PoleKnowledge__Search__CacheResults=$cache ASPNETCORE_URLS=$BASE exec dotnet "$SITE_DLL" >/dev/null 2>&1) &
  SITE_PID=$!
  until curl -sf "$BASE/api/search/v1?q=x" -o /dev/null; do sleep 0.5; done
  for q in "financement%20association" "statuts%20association%20loi" "economie%20sociale%20solidaire" "dissolutoin%20associaton"; do
    name="wrk_cache_${cache}_${q//%20/_}"
    curl -s "$BASE/api/search/v1?q=$q" -o /dev/null
    wrk -t2 -c32 -d5s "$BASE/api/search/v1?q=$q" >/dev/null
    out=$(wrk -t2 -c32 -d"$DURATION" --latency -s "$ROOT/bench/wrk-p95.lua" "$BASE/api/search/v1?q=$q")
    record "${name}_rps" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
    record "${name}_p50" "$(echo "$out" | awk '$1=="50%" {print $2}')"
    record "${name}_p95" "$(echo "$out" | awk '/^p95/ {print $2}')"
    record "${name}_p99" "$(echo "$out" | awk '$1=="99%" {print $2}')"
  done
  # A mix of real queries (the judged set, 96 different ones) rather than one repeated.
  out=$(wrk -t2 -c32 -d"$DURATION" --latency -s "$ROOT/bench/wrk-judged.lua" "$BASE" -- "$ROOT/tests/Site.Tests/Search/judged-queries.tsv")
  record "wrk_cache_${cache}_judged_mix_rps" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  record "wrk_cache_${cache}_judged_mix_p50" "$(echo "$out" | awk '$1=="50%" {print $2}')"
  record "wrk_cache_${cache}_judged_mix_p95" "$(echo "$out" | awk '/^p95/ {print $2}')"
  record "site_rss_kib_cache_$cache" "$(awk '/VmRSS/ {print $2}' /proc/$SITE_PID/status 2>/dev/null || echo unknown)"
  kill -TERM "$SITE_PID" 2>/dev/null; wait "$SITE_PID" 2>/dev/null || true
  SITE_PID=
done
record machine_load_after "\"$(cut -d' ' -f1-3 /proc/loadavg)\""

#!/usr/bin/env bash
# Delivery API and media benchmarks (see docs/benchmarks.md, "Delivery API"): on the data of an earlier
# bench/run-content-benchmarks.sh run (100,000 generated items), each endpoint under `wrk -t2 -c64 -d15s`
# three times, the median next to P (the requests/s of /healthz measured in the same run); then new image
# variants of a 6-megapixel JPEG and save+publish → visible in the Delivery API.
#
# Usage: WORK=/tmp/pk-bench.XXXX bench/run-delivery-benchmarks.sh   (WORK holds data/ and items/ from the content run)
# Environment: PORT=5098 RUNS=3 DURATION=15s IMAGE_VARIANTS=60 PUBLISHES=100 SEED=42
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${WORK:?set WORK to the folder of a content benchmark run}
PORT=${PORT:-5098}
RUNS=${RUNS:-3}
DURATION=${DURATION:-15s}
IMAGE_VARIANTS=${IMAGE_VARIANTS:-60}
PUBLISHES=${PUBLISHES:-100}
SEED=${SEED:-42}
RESULTS=$WORK/delivery-results.env
SITE_BIN=$ROOT/src/Site/bin/Release/net10.0
SITE_DLL=$SITE_BIN/PoleKnowledge.Site.dll
PROBE=$ROOT/bench/Probe/bin/Release/net10.0/PoleKnowledge.Probe.dll
BASE=http://127.0.0.1:$PORT
API=$BASE/umbraco/delivery/api/v2
SITE_PID=

record() { echo "$1=$2" | tee -a "$RESULTS"; }
log() { echo "== $(date +%T) $*" >&2; }
cleanup() { [[ -n "$SITE_PID" ]] && kill -TERM "$SITE_PID" 2>/dev/null && wait "$SITE_PID" 2>/dev/null || true; }
trap cleanup EXIT

command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null
: >"$RESULTS"
record machine_nproc "$(nproc)"
record machine_cpu "\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')\""
record load_before "\"$(cut -d' ' -f1-3 /proc/loadavg)\""

log "building (Release)"
dotnet build -c Release "$ROOT/src/Site" -v q -nologo >/dev/null
dotnet build -c Release "$ROOT/bench/Probe" -v q -nologo >/dev/null
site_cli() { (cd "$SITE_BIN" && dotnet "$SITE_DLL" "$@" --contentRoot "$ROOT/src/Site" --PoleKnowledge:DataPath="$WORK/data" --PoleKnowledge:ImportDemoContent=false); }
TOKEN=$(site_cli create-api-token --name delivery-bench 2>/dev/null | tail -1)

log "starting the site"
(cd "$SITE_BIN" && ASPNETCORE_ENVIRONMENT=Production exec dotnet "$SITE_DLL" --contentRoot "$ROOT/src/Site" \
  --PoleKnowledge:DataPath="$WORK/data" --PoleKnowledge:ImportDemoContent=false --urls "$BASE" >"$WORK/delivery-site.log" 2>&1) &
SITE_PID=$!
for _ in $(seq 1 600); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$API/content?take=1" || true) == 200 ]] && break
  sleep 0.2
done

MANIFEST=$WORK/items/manifest.tsv
read -r ID PATH_ROUTE < <(awk -F'\t' '$1 == "resource" { g = $3; r = $4 } END { print g, r }' "$MANIFEST")
QUERY="$API/content?fetch=children:/ressources/&filter=theme:benevolat&sort=updateDate:desc&take=10"

log "images: upload, $IMAGE_VARIANTS new variants"
IMAGES=$(dotnet "$PROBE" images "$BASE" "$TOKEN" "$WORK/data" "$IMAGE_VARIANTS")
echo "$IMAGES" | grep -v '^image_cached_url=' | tee -a "$RESULTS"
CACHED_IMAGE=$(awk -F= '/^image_cached_url=/ {sub(/^image_cached_url=/, ""); print}' <<<"$IMAGES")

# Warm every endpoint (JIT, caches) before measuring.
for url in "$BASE/healthz" "$API/content/item/$ID" "$API/content/item$PATH_ROUTE" "$QUERY" "$CACHED_IMAGE"; do
  wrk -t2 -c64 -d3s "$url" >/dev/null
done

measure() {
  local label=$1 url=$2 run=$3 out
  out=$(wrk -t2 -c64 -d"$DURATION" --latency "$url")
  echo "$out" >"$WORK/wrk-delivery-$label-$run.txt"
  record "wrk_${label}_${run}_rps" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  record "wrk_${label}_${run}_p50" "$(awk '$1 == "50%" {print $2}' <<<"$out")"
  record "wrk_${label}_${run}_p90" "$(awk '$1 == "90%" {print $2}' <<<"$out")"
  record "wrk_${label}_${run}_p99" "$(awk '$1 == "99%" {print $2}' <<<"$out")"
  record "wrk_${label}_${run}_non2xx" "$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
}
# Interleaved rounds, so a slow minute of the machine hits every endpoint alike; P is /healthz of the same round.
for run in $(seq 1 "$RUNS"); do
  for label_url in "healthz $BASE/healthz" "item_id $API/content/item/$ID" "item_path $API/content/item$PATH_ROUTE" "query $QUERY" "image_cached $CACHED_IMAGE"; do
    read -r label url <<<"$label_url"
    log "round $run: wrk $label"
    measure "$label" "$url" "$run"
  done
done

log "$PUBLISHES save+publish → visible on the page, in the API item, in an API query"
dotnet "$PROBE" publish "$BASE" "$TOKEN" "$MANIFEST" "$PUBLISHES" "$SEED" | tee -a "$RESULTS" || true
record load_after "\"$(cut -d' ' -f1-3 /proc/loadavg)\""
log "done; results in $RESULTS"

#!/usr/bin/env bash
# Issue 12: what shared-guard's limiter and Idempotency-Key cost on POST /posts and GET /feed, as the
# ratio of guard on to guard off, measured in one run on this machine.
#   perf/guard-bench.sh [seconds per wrk run, default 15]
# Set-up: posts and feed twice each as JVM processes on the dev shards, Redis 6379 and Kafka 9092:
# guard on (posts :8183, feed :8184) and guard off (surge.guard.enabled=false; posts :8193, feed
# :8194). With guard on the limit classes are raised so that every request pays the check (one Lua
# call per request, plus SET NX and the stored response for POST /posts) and none is refused: the
# benchmark measures the cost of guarding, not the refusals. Kill switches and load shedding stay on
# in both (they cost no Redis call on a request). On and off runs alternate, twice each, so drift
# hits both sides alike; wrk -t2 -c32 per run. The 32 bench users follow nobody, so GET /feed does
# little work of its own: the guard's share is the largest it can be (a conservative ratio).
# Output: target/perf-guard/results.txt and the ratios on stdout. Writes nothing to RESULTS.md.
# Needs: dev/platform up, wrk, the functions built:
#   ./mvnw -q -B install -DskipTests -pl functions/posts,functions/feed -am
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-15}"
export JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
OUT=target/perf-guard
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$OUT"
: >"$OUT/results.txt"
# shellcheck source=/dev/null
source .surge/env
# shellcheck source=perf/functions.sh
source perf/functions.sh
for fn in posts feed; do
  [ -f "functions/$fn/target/quarkus-app/quarkus-run.jar" ] || { echo "build first (see $0)" >&2; exit 1; }
done

RAISED="-Dsurge.guard.limits.compose.capacity=1000000000 -Dsurge.guard.limits.read.capacity=1000000000"
OFF="-Dsurge.guard.enabled=false"
start posts 8183 "$RAISED"
start feed 8184 "$RAISED"
# start() logs to $OUT/<fn>.log: the second pair gets its own names through a copied link.
OUT_MAIN="$OUT"
OUT="$OUT/off"; mkdir -p "$OUT"
start posts 8193 "$OFF"
start feed 8194 "$OFF"
OUT="$OUT_MAIN"
wait_ready 8183 8184 8193 8194

echo "[guard-bench] 32 user tokens"
: >"$OUT/tokens.txt"
for i in $(seq 1 32); do
  id=$(( (1234567 << 22) | (i * 31 % 1024) << 12 | i ))
  echo "$id $(dev/token "$id" 120)" >>"$OUT/tokens.txt"
done

run() { # mode, port -> "rps p50_us p99_us non2xx"
  MODE="$1" TOKENS_FILE="$OUT/tokens.txt" wrk -t2 -c32 -d"${SECS}s" -s perf/guard.lua \
    "http://127.0.0.1:$2" | awk '/^rps/{r=$2}/^p50_us/{p=$2}/^p99_us/{q=$2}/^non2xx/{e=$2}END{print r, p, q, e}'
}

declare -A RPS
for mode in feed compose; do
  on_port=8184; off_port=8194
  [ "$mode" = compose ] && { on_port=8183; off_port=8193; }
  run "$mode" "$on_port" >/dev/null   # warm-up, both JITs
  run "$mode" "$off_port" >/dev/null
  for round in 1 2; do
    for side in on off; do
      port=$on_port; [ "$side" = off ] && port=$off_port
      result=$(run "$mode" "$port")
      echo "$mode $side round$round rps/p50_us/p99_us/non2xx: $result" | tee -a "$OUT/results.txt"
      RPS[$mode-$side]="${RPS[$mode-$side]:-} ${result%% *}"
    done
  done
done

echo "[guard-bench] ratio = throughput off / throughput on (target <= 1.1):"
for mode in feed compose; do
  python3 perf/ratio.py "$mode" off on ${RPS[$mode-off]} -- ${RPS[$mode-on]} | tee -a "$OUT/results.txt"
done

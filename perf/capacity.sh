#!/usr/bin/env bash
# Issue 16 capacity model. Starts the five functions as JVM processes (perf/functions.sh, as
# perf/social-bench.sh does), seeds the same power-law graph, runs only the mixed workload (60 %
# home feed, 30 % author timeline, 10 % compose; once to warm up, once measured) and measures what
# each function, PostgreSQL instance, Redis and Kafka spent on it (perf/capacity_measure.py), then
# derives the fleet for 1,000,000 requests/s of that mix (perf/capacity.py).
#   perf/capacity.sh [seconds, default 20]      (WARMUP=<seconds> sets the warm-up, default the same)
# Needs: dev/platform up, openssl, psql, redis-cli, the functions built:
#   ./mvnw -q -B install -DskipTests -pl functions/users,functions/graph,functions/posts,functions/feed,functions/recommendations -am
# Output: target/perf-capacity/measured.json and perf/CAPACITY.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-20}"
export JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
OUT=target/perf-capacity
if pgrep -f social_bench >/dev/null || pgrep -x wrk >/dev/null; then
  echo "another benchmark is running (social_bench or wrk): run this alone" >&2
  exit 1
fi
mkdir -p "$OUT"
# shellcheck source=/dev/null
source .surge/env
# shellcheck source=perf/functions.sh
source perf/functions.sh
start_functions
wait_ready 8180 8182 8183 8184 8185
FN_PIDS="${FN_PIDS[*]}" python3 perf/capacity_measure.py "$OUT" "$SECS"
python3 perf/capacity.py "$OUT/measured.json" >perf/CAPACITY.md
echo "[capacity] wrote $OUT/measured.json and perf/CAPACITY.md"

#!/usr/bin/env bash
# Issue 6 benchmark: sign-up with welcome recommendations synchronous vs through Kafka, the home
# feed built by chained REST calls (perf/NaiveFeed.java, benchmark only) vs the event-driven feed
# function, and a mixed workload (60 % home feed, 30 % author timeline, 10 % compose) over a
# power-law follow graph. One run, all five functions as JVM processes on the dev shards (5433/
# 5434, replica 5435), Redis 6379 and Kafka 9092; wrk 4.1 and a Python client.
#   perf/social-bench.sh [seconds per wrk run, default 15]
# Needs: dev/platform up, wrk, openssl, the functions built:
#   ./mvnw -q -B install -DskipTests -pl functions/users,functions/graph,functions/posts,functions/feed,functions/recommendations -am
# Output: target/perf-social/results.json and a summary on stdout (a partial STEPS run overwrites it).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-15}"
export JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
OUT=target/perf-social
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$OUT"
# shellcheck source=/dev/null
source .surge/env
# shellcheck source=perf/functions.sh
source perf/functions.sh
start_functions
"$JAVA" perf/NaiveFeed.java 8190 http://127.0.0.1:8182 http://127.0.0.1:8183 http://127.0.0.1:8180 >"$OUT/naive.log" 2>&1 &
PIDS+=($!)
wait_ready 8180 8182 8183 8184 8185
# STEPS=mixed (say) reruns parts against the users, graph and posts seeded by an earlier run.
python3 perf/social_bench.py "$OUT" "$SECS"

#!/usr/bin/env bash
# Event delivery latency of the plain Kafka consumer: post published -> post in a follower's Redis
# timeline, on the feed function, with the connector's default poll-timeout (1000 ms) and with
# Surge's (100 ms), alternating A B A B A B in one run so machine noise hits both. Each round starts
# a fresh feed process, so its first post is the first record on its partition since the consumer
# joined the group (what every new pod and every rebalance goes through); it is reported apart from
# the steady state that follows.
#   perf/event-latency.sh [posts per round, default 40]
# Needs: dev/platform up and the feed built, native (./native-build.sh feed, preferred: what
# Knative runs) or JVM (./mvnw -q -B install -DskipTests -pl functions/feed -am).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-40}"
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
KAFKA_LIBS="$HOME/.cache/surge/kafka-4.4.0/libs"
OUT=target/perf-event-latency
mkdir -p "$OUT"
# shellcheck source=/dev/null
source .surge/env
[[ -d shared-model/target/classes ]] || ./mvnw -q -B compile -pl shared-model

runner=$(ls functions/feed/target/feed-*-runner 2>/dev/null | head -1 || true)
if [[ -n "$runner" ]]; then
  kind=native
  feed() { exec "$runner" "$@"; }
else
  kind=jvm
  feed() { exec "$JAVA" "$@" -jar functions/feed/target/quarkus-app/quarkus-run.jar; }
fi

round() { # poll-timeout in ms
  # Test profile: the feed's tables and Redis as the tests use them, on port 8194.
  feed -Dquarkus.profile=test -Dquarkus.http.port=8194 -Dquarkus.log.level=WARN \
    -Dmp.messaging.incoming.surge-events.poll-timeout="$1" >"$OUT/feed-$1.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do
    curl -fs localhost:8194/q/health/ready >/dev/null 2>&1 && break
    sleep 0.2
  done
  "$JAVA" -cp "$KAFKA_LIBS/*:shared-model/target/classes" perf/EventLatency.java \
    "$kind poll-timeout=${1}ms" "$COUNT" 2>/dev/null | tee -a "$OUT/results.txt"
  kill "$pid" && wait "$pid" 2>/dev/null || true
}

: >"$OUT/results.txt"
for timeout in 1000 100 1000 100 1000 100; do round "$timeout"; done

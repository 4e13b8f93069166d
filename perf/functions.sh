# Sourced by perf/social-bench.sh and perf/capacity.sh: the five functions as JVM processes on the
# dev shards (5433/5434, replica 5435), Redis 6379 and Kafka 9092, on ports 8180-8185 so they do
# not clash with dev/run's. Needs JAVA, OUT (each function logs to $OUT/<fn>.log) and
# `source .surge/env` done. Sets PIDS (every process started, killed on exit) and FN_PIDS
# ("<function>=<pid>" per function).
PIDS=()
FN_PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

start() { # function, port, extra -D settings
  QUARKUS_PROFILE=dev "$JAVA" -Xmx384m -Dquarkus.http.port="$2" -Dquarkus.log.level=WARN ${3:-} \
    -jar "functions/$1/target/quarkus-app/quarkus-run.jar" >"$OUT/$1.log" 2>&1 &
  PIDS+=($!)
  FN_PIDS+=("$1=$!")
}

start_functions() {
  local fn
  for fn in users graph posts feed recommendations; do
    [ -f "functions/$fn/target/quarkus-app/quarkus-run.jar" ] || {
      echo "functions/$fn not built: ./mvnw -q -B install -DskipTests -pl functions/users,functions/graph,functions/posts,functions/feed,functions/recommendations -am" >&2
      exit 1
    }
  done
  # bcrypt cost 4: sign-up measures the data path and the event path, not password hashing.
  start users 8180 "-Dsurge.users.bcrypt-cost=4"
  start graph 8182
  start posts 8183
  # 200 users: authors above 40 followers count as celebrities (merged at read time).
  start feed 8184 "-Dsurge.feed.celebrity-threshold=40"
  start recommendations 8185
}

wait_ready() { # ports
  local port
  for port in "$@"; do
    for _ in $(seq 1 120); do curl -fs "localhost:$port/q/health/ready" >/dev/null && break; sleep 0.5; done
  done
}

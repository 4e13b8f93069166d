#!/usr/bin/env bash
# Issue 4 benchmark: throughput of GET /users/{id} (uncached) and POST /users with the users
# function on ONE physical shard (all 1,024 logical shards on 5433) and on TWO (halves on 5433
# and 5434), same run, same JVM build; then the routing overhead of ShardRouter against a direct
# reactive query (perf/sharding-overhead.java). Loads only 127.0.0.1, bounded runs (wrk -d).
#   perf/sharding-bench.sh [seconds per wrk run, default 10]
# Needs: dev/platform up (shards 5433/5434, Kafka, Redis), a built users JVM app
# (./mvnw -pl shared-model,shared-data,functions/users install -DskipTests), wrk.
# "Uncached": the function's Redis is a separate redis-server with maxmemory 1 byte, so every
# cache write is refused (the cache treats that as a miss) and every GET reads PostgreSQL.
# bcrypt cost is 4 in both layouts so POST measures the data path, not password hashing
# (cost 10 costs ~50 ms of CPU per sign-up and would hide everything else).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-10}"
PORT=8090 REDIS_PORT=6390
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
JAR=functions/users/target/quarkus-app/quarkus-run.jar
OUT=target/perf-sharding
mkdir -p "$OUT"
[[ -f "$JAR" ]] || { echo "build first: ./mvnw -pl shared-model,shared-data,functions/users install -DskipTests" >&2; exit 1; }
# shellcheck source=/dev/null
source .surge/env

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --maxmemory 1 \
  --maxmemory-policy noeviction --daemonize yes --pidfile "$PWD/$OUT/redis.pid" --logfile "$PWD/$OUT/redis.log"
APP_PID=
cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [[ -f "$OUT/redis.pid" ]] && kill "$(cat "$OUT/redis.pid")" 2>/dev/null || true
}
trap cleanup EXIT

start_app() { # $1 = shard map
  # shellcheck disable=SC2086 # BENCH_OPTS: extra -D settings, word-split on purpose
  "$JAVA" -Xmx512m -Dquarkus.http.port=$PORT ${BENCH_OPTS:-} \
    -Dsurge.data.instances.shard1.primary=postgresql://127.0.0.1:5433/surge \
    -Dsurge.data.instances.shard2.primary=postgresql://127.0.0.1:5434/surge \
    -Dsurge.data.map="$1" -Dsurge.data.password=surge -Dsurge.users.bcrypt-cost=4 \
    -Dquarkus.redis.hosts=redis://127.0.0.1:$REDIS_PORT -Dquarkus.log.level=WARN \
    -jar "$JAR" >"$OUT/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "127.0.0.1:$PORT/q/health/ready" >/dev/null && return
    sleep 0.5
  done
  echo "app did not start, see $OUT/app.log" >&2; exit 1
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

cat >"$OUT/post.lua" <<'LUA'
local counter, prefix = 0, ""
function setup(thread) thread:set("tid", tostring(math.random(1, 1e9))) end
function init(args) prefix = string.format("b%x%x", tonumber(tid), os.time() % 1048576) end
request = function()
  counter = counter + 1
  local h = prefix .. "_" .. counter
  local body = '{"email":"' .. h .. '@bench.example","handle":"' .. h ..
    '","displayName":"Bench","password":"correct horse battery"}'
  return wrk.format("POST", "/users", {["content-type"] = "application/json"}, body)
end
LUA

ids_lua() { # GET script over the ids of users this layout can read (both databases)
  { echo "local ids = {"
    # Only rows the halves map places where they are (layout "one" wrote every shard to 5433).
    PGPASSWORD=surge psql -X -At -h 127.0.0.1 -p 5433 -U surge -d surge \
      -c "select id from users where ((id >> 12) & 1023) < 512 order by random() limit 5000" | sed 's/.*/"&",/'
    PGPASSWORD=surge psql -X -At -h 127.0.0.1 -p 5434 -U surge -d surge \
      -c "select id from users where ((id >> 12) & 1023) >= 512 order by random() limit 5000" | sed 's/.*/"&",/'
    echo "}"
    echo 'request = function() return wrk.format("GET", "/users/" .. ids[math.random(#ids)]) end'
  } >"$OUT/get.lua"
}

declare -A RESULT
for layout in one two; do
  [[ $layout == one ]] && map="0-1023=shard1" || map="0-511=shard1,512-1023=shard2"
  start_app "$map"
  echo "== $layout physical shard(s): map $map"
  wrk -t2 -c32 -d"${SECS}s" -s "$OUT/post.lua" "http://127.0.0.1:$PORT" | tee "$OUT/post-$layout.txt"
  RESULT[post-$layout]=$(awk '/Requests\/sec/ {print $2}' "$OUT/post-$layout.txt")
  # With map "one", ids of shard2's rows route to shard1 and 404: GET only what this layout holds.
  if [[ $layout == one ]]; then
    { echo "local ids = {"
      PGPASSWORD=surge psql -X -At -h 127.0.0.1 -p 5433 -U surge -d surge \
        -c "select id from users order by random() limit 10000" | sed 's/.*/"&",/'
      echo "}"
      echo 'request = function() return wrk.format("GET", "/users/" .. ids[math.random(#ids)]) end'
    } >"$OUT/get.lua"
  else
    ids_lua
  fi
  # Ids are quoted in Lua: 64-bit ids do not survive Lua's doubles.
  curl -s -o /dev/null -w "probe GET: %{http_code}\n" "127.0.0.1:$PORT/users/$(grep -m1 -o '[0-9]\{10,\}' "$OUT/get.lua")"
  curl -s -o /dev/null -w "probe POST: %{http_code} in %{time_total} s\n" -H 'content-type: application/json' \
    -d "{\"email\":\"probe$RANDOM$RANDOM@bench.example\",\"handle\":\"probe$RANDOM$RANDOM\",\"displayName\":\"P\",\"password\":\"correct horse battery\"}" \
    "127.0.0.1:$PORT/users"
  wrk -t2 -c32 -d"${SECS}s" -s "$OUT/get.lua" "http://127.0.0.1:$PORT" | tee "$OUT/get-$layout.txt"
  RESULT[get-$layout]=$(awk '/Requests\/sec/ {print $2}' "$OUT/get-$layout.txt")
  grep -h "Non-2xx" "$OUT/get-$layout.txt" "$OUT/post-$layout.txt" || true
  stop_app
done

echo "== routing overhead (ShardRouter.read vs the same query on a plain pool)"
cp_file=shared-data/target/shard-move.classpath
[[ -f "$cp_file" ]] || ./mvnw -q -B -pl shared-data dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file"
"$JAVA" -cp "shared-data/target/classes:shared-model/target/classes:$(cat "$cp_file")" \
  perf/sharding-overhead.java 20000 9 | tee "$OUT/overhead.txt"

echo
echo "| layout | POST /users req/s | GET /users/{id} uncached req/s |"
echo "| --- | --- | --- |"
echo "| one physical shard (5433) | ${RESULT[post-one]} | ${RESULT[get-one]} |"
echo "| two physical shards (5433 + 5434) | ${RESULT[post-two]} | ${RESULT[get-two]} |"

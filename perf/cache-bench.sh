#!/usr/bin/env bash
# Issue 5 benchmark and checks: the users function on the multi-level cache (shared-cache).
#   perf/cache-bench.sh [seconds per wrk run, default 15]
# Set-up, all on this machine, one run:
#   - 100,000 users seeded straight into the dev shards (5433/5434; shard1's reads go to its
#     replica 5435), ids with the real layout spread over all 1,024 logical shards;
#   - a spare redis-server on 6392 (this script kills and restarts it in the Redis-down check);
#   - three users JVM processes from functions/users/target/quarkus-app: A :8180 and B :8181
#     (two instances sharing Redis, like two pods), C :8182 with surge.cache.enabled=false;
#   - the Bloom filter of user ids rebuilt once through A's admin endpoint.
# Then perf/cache_bench.py runs, in order: the two-instance stampede (1,000 concurrent GETs of one
# uncached id), penetration (10,000 absent ids), consistency (100 PATCH rounds, both instances read
# 150 ms after each write while 4 readers keep their L1s warm), Redis SIGKILLed mid-load, the
# Zipf(0.99) workload over the 100,000 users (cached on A vs uncached on C) and the L1-hit read
# against GET /ping in the same process. Database queries are counted by pg_stat_statements.
# Output: target/perf-cache/results.json (and a summary on stdout).
# Needs: dev/platform up, wrk, a built users app:
#   ./mvnw -q -pl shared-model,shared-data,shared-cache,shared-events install -DskipTests
#   ./mvnw -q -pl functions/users package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-15}"
REDIS_PORT=6392
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
JAR=functions/users/target/quarkus-app/quarkus-run.jar
OUT=target/perf-cache
mkdir -p "$OUT"
[[ -f "$JAR" ]] || { echo "build first (see the header of $0)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
# shellcheck source=/dev/null
source .surge/env
export PGPASSWORD=surge

echo "[cache-bench] seeding 100,000 users (skipped when present)"
python3 - "$OUT" <<'PY'
import random, subprocess, sys
out = sys.argv[1]
ids = []
for i in range(100_000):
    shard, seq = (i * 389) % 1024, i // 1024   # 389 is odd: a bijection on 0..1023
    ids.append(((1_234_567 << 10 | shard) << 12) | seq)
for port, lo, hi in (("5433", 0, 512), ("5434", 512, 1024)):
    mine = [x for x in ids if lo <= (x >> 12) & 1023 < hi]
    have = subprocess.run(["psql", "-X", "-At", "-h", "127.0.0.1", "-p", port, "-U", "surge", "surge",
        "-c", "select count(*) from users where email like '%@bench.surge'"],
        capture_output=True, text=True, check=True).stdout.strip()
    if int(have) >= len(mine):
        continue
    rows = "".join(f"{x}\tb{x}@bench.surge\tb{x}\tBench {x}\tseeded\tnone\t2026-01-15 00:00:00+00\t2026-01-15 00:00:00+00\n" for x in mine)
    sql = ("create temp table seed (like users); copy seed from stdin;\n" + rows + "\\.\n"
           "insert into users select * from seed on conflict do nothing;")
    subprocess.run(["psql", "-X", "-q", "-h", "127.0.0.1", "-p", port, "-U", "surge", "surge"],
                   input=sql, text=True, check=True)
random.Random(42).shuffle(ids)   # rank 1 = first line; hot ids land on every shard
open(f"{out}/ids.txt", "w").write("".join(f"{x}\n" for x in ids))
PY

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
  --pidfile "$PWD/$OUT/redis.pid" --logfile "$PWD/$OUT/redis.log"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ -f "$OUT/redis.pid" ]] && kill "$(cat "$OUT/redis.pid")" 2>/dev/null || true
}
trap cleanup EXIT

start() { # port, extra -D
  QUARKUS_PROFILE=dev "$JAVA" -Xmx384m -Dquarkus.http.port="$1" ${2:-} \
    -Dquarkus.redis.hosts=redis://127.0.0.1:$REDIS_PORT -Dquarkus.log.level=WARN \
    -Dsurge.outbox.enabled=false -jar "$JAR" >"$OUT/app-$1.log" 2>&1 &
  PIDS+=($!)
}
start 8180
start 8181
start 8182 -Dsurge.cache.enabled=false
for port in 8180 8181 8182; do
  for _ in $(seq 1 120); do curl -fs "localhost:$port/q/health/live" >/dev/null && break; sleep 0.5; done
done
echo "[cache-bench] rebuilding the Bloom filter of user ids"
curl -fs -XPOST localhost:8180/admin/caches/profiles/bloom/rebuild; echo
python3 perf/cache_bench.py "$OUT" "$SECS" "$REDIS_PORT"

#!/usr/bin/env bash
# Issue 13: the flash sale, checked and measured in one run on this machine.
#   perf/flash-sale.sh [seconds per wrk run, default 15]
# Set-up: catalog (:8186) and orders (:8187) as JVM processes (SURGE_NATIVE=1: the native
# executables) on the dev shards, Redis 6379 and Kafka 9092, behind an entry of their own on
# 127.0.0.1:8100 (nginx rendered by `deployer/surge-deployer entry nginx` from the route table,
# per-IP limit raised: 2,000 buyers come from one address here). The purchase and checkout limit
# classes are raised so the wrk runs measure the purchase path, not refusals; each sale's own
# perUserLimit still applies. Reconciliation runs every 2 s with a 3 s grace, so a reservation
# whose process died before publishing becomes an order within seconds.
#   1. sale: 2,000 buyers x 2 attempts at once through the entry, quantity 500, perUserLimit 2
#      (perf/flash_sale.py checks: 500 accepted, 0 oversold, nobody above the limit, all persisted
#      within 10 s, a retried key answers the same order);
#   2. kill: the same with `kill -9` of orders after 1,000 purchases, restarted at once;
#   3. throughput, direct on orders: the Redis purchase vs the naive baseline (UPDATE items SET
#      stock = stock - 1 ... inside the request, POST /bench/naive-purchase/{itemId}), alternating,
#      twice each, wrk -t2 -c64, 200 buyers;
#   4. sub-buckets on the Redis Cluster (7000-7002): a 4-bucket sale vs a 1-bucket sale, same way;
#   5. GET /items/{id} under Zipf(0.99) load over 1,000 items: database loads per 1,000 reads.
# Each wrk run also reads the function process' CPU (/proc/<pid>/stat) per accepted purchase or read.
# Output: target/perf-flash/results.txt, and cpu.txt / rps.txt (label value) for perf/capacity.py.
# Writes nothing to RESULTS.md.
# Needs: dev/platform up, nginx, wrk, catalog/orders/deployer built:
#   ./mvnw -q -B install -DskipTests -pl functions/catalog,functions/orders,deployer -am
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-15}"
export JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
OUT=target/perf-flash
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
[ -x "$NGINX" ] || { echo "nginx missing: dev/entry up installs it" >&2; exit 1; }
mkdir -p "$OUT/nginx/tmp"
: >"$OUT/results.txt"
: >"$OUT/rps.txt"
: >"$OUT/cpu.txt"
# shellcheck source=/dev/null
source .surge/env
# shellcheck source=perf/functions.sh
source perf/functions.sh   # wait_ready (its cleanup trap is replaced below)
log() { echo "[flash-sale] $*" | tee -a "$OUT/results.txt"; }

RAISED="-Dsurge.guard.limits.purchase.capacity=1000000000 -Dsurge.guard.limits.checkout.capacity=1000000000 -Dsurge.guard.limits.read.capacity=1000000000 -Dsurge.guard.limits.admin.capacity=1000000"
JOBS="-Dsurge.orders.reconcile-interval=2s -Dsurge.orders.reconcile-grace=3s"
CLUSTER="-Dquarkus.redis.hosts=redis://127.0.0.1:7000 -Dquarkus.redis.client-type=cluster"
# Each process gets a start script, so the kill test restarts orders with the same command line.
start_fn() { # function, port, settings (native when SURGE_NATIVE=1 and built)
  local runner head tail=""
  runner=$(ls "functions/$1"/target/*-runner 2>/dev/null | head -1 || true)
  if [[ "${SURGE_NATIVE:-}" == 1 && -x "$runner" ]]; then
    head="$runner -Xmx128m"
  else
    head="$JAVA -Xmx384m"
    tail="-jar functions/$1/target/quarkus-app/quarkus-run.jar"
  fi
  {
    echo '#!/usr/bin/env bash'
    echo "cd '$PWD' && source .surge/env"
    echo "QUARKUS_PROFILE=dev nohup $head -Dquarkus.http.port=$2 -Dquarkus.log.level=WARN $3 $tail >>'$OUT/$1-$2.log' 2>&1 &"
    echo "echo \$! >'$OUT/$1-$2.pid'"
  } >"$OUT/start-$1-$2.sh"
  bash "$OUT/start-$1-$2.sh"
}
stop_all() {
  kill -QUIT "$(cat "$OUT/nginx/nginx.pid" 2>/dev/null)" 2>/dev/null || true
  for f in "$OUT"/*.pid; do kill "$(cat "$f")" 2>/dev/null || true; done
}
trap stop_all EXIT
rm -f "$OUT"/*.pid
start_fn catalog 8186 "$RAISED"
start_fn orders 8187 "$RAISED $JOBS"
start_fn catalog 8196 "$RAISED $CLUSTER -Dsurge.catalog.sale-buckets=1"
start_fn catalog 8198 "$RAISED $CLUSTER -Dsurge.catalog.sale-buckets=4"
start_fn orders 8197 "$RAISED $JOBS $CLUSTER"
wait_ready 8186 8187 8196 8197 8198

deployer/surge-deployer entry nginx --out "$OUT/nginx/nginx.conf" --prefix "$PWD/$OUT/nginx" \
  --listen 127.0.0.1:8100 --rate 1000000r/s --burst 1000000 \
  --upstream catalog=127.0.0.1:8186,orders=127.0.0.1:8187,users=127.0.0.1:9,graph=127.0.0.1:9,posts=127.0.0.1:9,feed=127.0.0.1:9,recommendations=127.0.0.1:9
"$NGINX" -p "$PWD/$OUT/nginx" -c nginx.conf
sleep 0.5

admin=$(dev/token --admin 120)
# Buyer ids in SurgeIds' layout, spread over every logical shard (orders live on the buyer's).
python3 -c '
import time
ms = int(time.time() * 1000) - 1767225600000
for i in range(1, 2001): print((ms << 22) | ((i * 389) % 1024) << 12 | (i % 4096))' \
  | dev/token --each 120 >"$OUT/buyers.txt"
head -200 "$OUT/buyers.txt" >"$OUT/buyers200.txt"

log "1. sale: 2,000 buyers x 2 attempts through the entry, quantity 500, perUserLimit 2"
python3 perf/flash_sale.py --entry 127.0.0.1:8100 --tokens "$OUT/buyers.txt" \
  --admin-token "$admin" | tee -a "$OUT/results.txt"

log "2. kill: the same, orders killed (kill -9) after 1,000 purchases and restarted"
export KILL_CMD="kill -9 \$(cat $OUT/orders-8187.pid)"
export RESTART_CMD="bash $OUT/start-orders-8187.sh"
python3 perf/flash_sale.py --entry 127.0.0.1:8100 --tokens "$OUT/buyers.txt" \
  --admin-token "$admin" --kill-after 1000 | tee -a "$OUT/results.txt" || true
wait_ready 8187

# A sale (or an item, for the baseline) that cannot sell out during the runs.
mk_item() { # catalog port -> item id
  curl -fs -X POST "localhost:$1/admin/items" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' \
    -d "{\"sku\":\"B-$RANDOM$RANDOM\",\"title\":\"Bench\",\"description\":\"bench\",\"priceCents\":100,\"currency\":\"EUR\",\"stock\":100000000}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
mk_sale() { # catalog port, item -> sale id
  curl -fs -X POST "localhost:$1/admin/sales" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' \
    -d "{\"itemId\":\"$2\",\"quantity\":10000000,\"priceCents\":50,\"startsAt\":\"$(date -u -d '-1 min' +%FT%TZ)\",\"endsAt\":\"$(date -u -d '+2 hour' +%FT%TZ)\",\"perUserLimit\":10000000}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
ticks() { # pid file -> CPU clock ticks (user + system) the process has used
  awk '{print $14 + $15}' "/proc/$(cat "$1")/stat"
}
HZ=$(getconf CLK_TCK)
run() { # port, path -> "accepted_per_s p50_us p99_us refused errors cpu_ms_per_accepted"
  local pidf before out
  pidf=$(ls "$OUT"/*-"$1".pid)
  before=$(ticks "$pidf")
  out=$(PURCHASE_PATH="$2" TOKENS_FILE="$OUT/buyers200.txt" wrk -t2 -c64 -d"${SECS}s" \
    -s perf/purchase.lua "http://127.0.0.1:$1" \
    | awk '/^accepted_per_s/{r=$2}/^p50_us/{p=$2}/^p99_us/{q=$2}/^refused/{f=$2}/^errors/{e=$2}END{print r, p, q, f, e}')
  # CPU of the function process alone (PostgreSQL's and Redis' are not in it), per accepted purchase.
  echo "$out $(python3 -c "print(round(1000 * ($(ticks "$pidf") - $before) / $HZ / max(1, ${out%% *} * $SECS), 3))")"
}
compare() { # label-a, port-a, path-a, label-b, port-b, path-b
  local -A rps=() p99=() cpu=()
  run "$2" "$3" >/dev/null; run "$5" "$6" >/dev/null   # warm-up
  for round in 1 2; do
    for side in a b; do
      local label=$1 port=$2 path=$3
      [ "$side" = b ] && { label=$4; port=$5; path=$6; }
      result=$(run "$port" "$path")
      log "$label round$round accepted/s p50_us p99_us refused errors: $result"
      rps[$side]="${rps[$side]:-} ${result%% *}"
      p99[$side]="${p99[$side]:-} $(echo "$result" | cut -d' ' -f3)"
      cpu[$side]="${cpu[$side]:-} ${result##* }"
    done
  done
  python3 perf/ratio.py "throughput" "$1" "$4" ${rps[a]} -- ${rps[b]} | tee -a "$OUT/results.txt"
  python3 perf/ratio.py "p99" "$1" "$4" ${p99[a]} -- ${p99[b]} | tee -a "$OUT/results.txt"
  log "cpu ms per accepted purchase (function process): $1 ${cpu[a]}, $4 ${cpu[b]}"
  # For perf/capacity.py: the mean of each side's rounds.
  for side in a b; do
    local label=$1
    [ "$side" = b ] && label=$4
    python3 -c "import sys; v=[float(x) for x in sys.argv[2:]]; print(sys.argv[1], sum(v)/len(v))" \
      "$label" ${rps[$side]} >>"$OUT/rps.txt"
    python3 -c "import sys; v=[float(x) for x in sys.argv[2:]]; print(sys.argv[1], sum(v)/len(v))" \
      "$label" ${cpu[$side]} >>"$OUT/cpu.txt"
  done
}

log "3. throughput direct on orders :8187: Redis purchase vs naive PostgreSQL decrement"
item=$(mk_item 8186)
sale=$(mk_sale 8186 "$item")
compare redis 8187 "/sales/$sale/purchases" naive-pg 8187 "/bench/naive-purchase/$item"

log "4. sub-buckets on the Redis Cluster (orders :8197): 4 buckets vs 1"
sale1=$(mk_sale 8196 "$(mk_item 8196)")
sale4=$(mk_sale 8198 "$(mk_item 8198)")
compare buckets-4 8197 "/sales/$sale4/purchases" buckets-1 8197 "/sales/$sale1/purchases"

log "5. GET /items/{id}, Zipf(0.99) over 1,000 items, direct on catalog :8186"
: >"$OUT/items.txt"
for _ in $(seq 1 1000); do mk_item 8186 >>"$OUT/items.txt"; done
loads() { curl -fs localhost:8186/q/metrics | awk '/^surge_cache_loads_total/ {s += $2} END {print s + 0}'; }
before=$(loads)
cpu_before=$(ticks "$OUT/catalog-8186.pid")
result=$(ZIPF_PATH=/items/ IDS_FILE="$OUT/items.txt" wrk -t2 -c32 -d"${SECS}s" -s perf/zipf.lua \
  http://127.0.0.1:8186 | awk '/Requests\/sec/{r=$2}/requests in/{n=$1}END{print n, r}')
after=$(loads)
cpu_after=$(ticks "$OUT/catalog-8186.pid")
reads=${result%% *}
item_cpu=$(python3 -c "print(round(1000 * ($cpu_after - $cpu_before) / $HZ / max(1, $reads), 3))")
log "items zipf: catalog cpu ms per read $item_cpu"
echo "item-read $item_cpu" >>"$OUT/cpu.txt"
log "items zipf: reads $reads, req/s ${result##* }, database loads $((after - before)), per 1,000 reads $(python3 -c "print(round(1000 * ($after - $before) / max(1, $reads), 2))")"

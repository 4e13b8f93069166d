#!/usr/bin/env bash
# Issue 12: what the public entry (nginx rendered from the route table, as dev/entry runs it)
# costs against calling a function directly, measured in one run on this machine.
#   perf/entry-bench.sh [seconds per wrk run, default 15]
# Set-up: users (:8180) and feed (:8184) as JVM processes on the dev shards, Redis and Kafka; an
# entry of its own on 127.0.0.1:8100 (prefix target/perf-entry/nginx, per-IP limit raised so it
# never refuses) rendered by `deployer/surge-deployer entry nginx` with the same arguments dev/entry
# uses. Two reads: GET /users/{id} (an L1-cached profile: the cheapest request there is, so the
# entry's share is the largest it can be) and GET /feed with a token. Direct and entry runs
# alternate, twice each, wrk -t2 -c32; everything shares the 2 cores, nginx included.
# Output: target/perf-entry/results.txt and the ratios on stdout. Writes nothing to RESULTS.md.
# Needs: dev/platform up, nginx (dev/entry installs it), wrk, the functions and the deployer built:
#   ./mvnw -q -B install -DskipTests -pl functions/users,functions/feed,deployer -am
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-15}"
export JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
OUT=target/perf-entry
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
[ -x "$NGINX" ] || { echo "nginx missing: dev/entry up installs it" >&2; exit 1; }
mkdir -p "$OUT/nginx/tmp"
: >"$OUT/results.txt"
# shellcheck source=/dev/null
source .surge/env
# shellcheck source=perf/functions.sh
source perf/functions.sh
# The read class raised as in guard-bench: this measures routing, not the functions' own limits.
RAISED="-Dsurge.guard.limits.read.capacity=1000000000"
start users 8180 "-Dsurge.users.bcrypt-cost=4 $RAISED"
start feed 8184 "$RAISED"
wait_ready 8180 8184

deployer/surge-deployer entry nginx --out "$OUT/nginx/nginx.conf" --prefix "$PWD/$OUT/nginx" \
  --listen 127.0.0.1:8100 --rate 1000000r/s --burst 1000000 \
  --upstream users=127.0.0.1:8180,feed=127.0.0.1:8184,graph=127.0.0.1:9,posts=127.0.0.1:9,recommendations=127.0.0.1:9
"$NGINX" -p "$PWD/$OUT/nginx" -c nginx.conf
trap 'kill -QUIT "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true; cleanup' EXIT
sleep 0.5

email="entry-bench-$(date +%s)@example.com"
id=$(curl -fs -X POST localhost:8100/users -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"handle\":\"eb$(date +%s)\",\"displayName\":\"Entry bench\",\"password\":\"correct horse battery\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
token=$(dev/token "$id" 120)
echo "[entry-bench] user $id created through the entry"

run() { # port, path, [token] -> "rps p50_us p99_us non2xx"
  local header=()
  [ -n "${3:-}" ] && header=(-H "Authorization: Bearer $3")
  wrk -t2 -c32 -d"${SECS}s" --latency "${header[@]}" "http://127.0.0.1:$1$2" | python3 -c '
import re, sys
text = sys.stdin.read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
def us(p):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % p, text, re.M)
    return float(m.group(1)) * {"us": 1, "ms": 1e3, "s": 1e6}[m.group(2)]
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(rps, int(us(50)), int(us(99)), bad.group(1) if bad else 0)'
}

declare -A RPS
for read in profile feed; do
  path="/users/$id"; tok=""
  [ "$read" = feed ] && { path=/feed; tok=$token; }
  direct=8180; [ "$read" = feed ] && direct=8184
  run "$direct" "$path" "$tok" >/dev/null # warm-up: JIT, L1, nginx keep-alive
  run 8100 "$path" "$tok" >/dev/null
  for round in 1 2; do
    for side in direct entry; do
      port=$direct; [ "$side" = entry ] && port=8100
      result=$(run "$port" "$path" "$tok")
      echo "$read $side round$round rps/p50_us/p99_us/non2xx: $result" | tee -a "$OUT/results.txt"
      RPS[$read-$side]="${RPS[$read-$side]:-} ${result%% *}"
    done
  done
done

echo "[entry-bench] throughput direct / through the entry:"
for read in profile feed; do
  python3 perf/ratio.py "$read" direct entry ${RPS[$read-direct]} -- ${RPS[$read-entry]} | tee -a "$OUT/results.txt"
done

#!/usr/bin/env bash
# Cold-start benchmark of the users function, native vs JVM in one run (see coldstart.py).
# Needs the platform up (dev/platform up) and both builds:
#   ./native-build.sh users && ./mvnw -q install -DskipTests
#   perf/cold-start.sh [runs]        default 20 runs per mode and endpoint
#   BASELINE_NATIVE=path/to/users-runner perf/cold-start.sh 10
#                                    adds that executable (say, main before a change) as mode
#                                    native-before, interleaved with the others in the same run
# Besides native and JVM it measures native variants with one piece switched off at run time,
# to show what the start-up time goes into.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=/dev/null
source .surge/env

native=$(ls functions/users/target/users-*-runner)
jar=functions/users/target/quarkus-app/quarkus-run.jar
[[ -x "$native" && -f "$jar" ]] || { echo "build first: ./native-build.sh users && ./mvnw install -DskipTests" >&2; exit 2; }

# A fixed benchmark user, written straight into the dev database (no bcrypt needed to read it).
user_id=4611686018427387
psql -q -h 127.0.0.1 -U surge surge -c "insert into users (id, email, handle, display_name, bio, password_hash, created_at, updated_at)
  values ($user_id, 'coldstart@bench.local', 'coldstart_bench', 'Cold Start', '', 'x', now(), now())
  on conflict (id) do nothing" 

# prod profile, as deployed; the topology (one instance holding all 1,024 logical shards) and the
# keys come from the environment like in the cloud.
export QUARKUS_PROFILE=prod SURGE_DATA_INSTANCES_MAIN_PRIMARY=postgresql://127.0.0.1:5432/surge \
  SURGE_DATA_MAP=0-1023=main
extra=()
[[ -n "${BASELINE_NATIVE:-}" ]] && extra+=(--binary "native-before=$BASELINE_NATIVE")
python3 perf/coldstart.py --native "$native" --jvm "$jar" --user-id "$user_id" --runs "${1:-20}" \
  "${extra[@]}" \
  --variant "native-no-otel=-Dquarkus.otel.sdk.disabled=true" \
  --variant "native-no-kafka-health=-Dquarkus.kafka.health.enabled=false" \
  2>/dev/null

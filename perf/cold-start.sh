#!/usr/bin/env bash
# Cold start of every function with a native executable, in one interleaved run (see coldstart.py
# and coldstart_functions.py): executable size, image heap, exec -> first 200 on the function's
# data endpoint and on /q/health/ready (median / p95), RSS after 1,000 data requests, native build
# time and peak build memory. Functions not built yet are skipped with one line.
# Needs the platform up (dev/platform up) and native builds (./native-build.sh [fn]); users is also
# measured as a JVM app when functions/users/target/quarkus-app exists (./mvnw install -DskipTests).
#   perf/cold-start.sh [runs]        default 20 runs per function, mode and endpoint
#   BASELINE_NATIVE=path/to/users-runner perf/cold-start.sh 10
#                                    adds that executable (say, main before a change) as mode
#                                    native-before of users, interleaved with the others
#   ONLY=feed perf/cold-start.sh 5   just these functions (space-separated)
# Besides native and JVM, users runs as native variants with one piece switched off at run time,
# to show what the start-up time goes into.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=/dev/null
source .surge/env
export PGPASSWORD="${PGPASSWORD:-${QUARKUS_DATASOURCE_PASSWORD:-surge}}"

# prod profile, as deployed; the topology (one instance holding all 1,024 logical shards) and the
# keys come from the environment like in the cloud. Deployed (Knative) consumers get their events
# over HTTP from a KafkaSource, so the plain Kafka consumer stays off here too: a benchmark process
# must not join the feed or recommendations consumer group of a running dev stack.
export QUARKUS_PROFILE=prod SURGE_DATA_INSTANCES_MAIN_PRIMARY=postgresql://127.0.0.1:5432/surge \
  SURGE_DATA_MAP=0-1023=main SURGE_EVENTS_KAFKA_ENABLED=false
args=(--runs "${1:-20}" --jvm users
  --variant "users:native-no-otel=-Dquarkus.otel.sdk.disabled=true"
  --variant "users:native-young-gen-64m=-Xmn64m")
[[ -n "${BASELINE_NATIVE:-}" ]] && args+=(--binary "users:native-before=$BASELINE_NATIVE")
for fn in ${ONLY:-}; do args+=(--only "$fn"); done
python3 perf/coldstart.py "${args[@]}"

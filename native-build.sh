#!/usr/bin/env bash
# Builds every function as a native executable: functions/<fn>/target/<fn>-*-runner.
# Uses GRAALVM_HOME when set, otherwise builds/reuses the toolchain from ../shared/native-toolchain.
# One function at a time: a build takes ~5-10 min and up to ~8 GB on 2 cores.
#   ./native-build.sh            every function
#   ./native-build.sh users      just one
set -euo pipefail
cd "$(dirname "$0")"

if [[ -z "${GRAALVM_HOME:-}" ]]; then
  installer="../shared/native-toolchain/install.sh"
  [[ -f "$installer" ]] || { echo "Set GRAALVM_HOME or provide $installer" >&2; exit 2; }
  echo "[native] GRAALVM_HOME not set: building/reusing the toolchain"
  GRAALVM_HOME="$(bash "$installer" | tail -1 | cut -d= -f2)"
fi
export GRAALVM_HOME

functions=("$@")
if [[ ${#functions[@]} -eq 0 ]]; then
  for dir in functions/*/; do functions+=("$(basename "$dir")"); done
fi

# The shared modules every function depends on, installed once.
./mvnw -q -B install -DskipTests -pl shared-model,shared-data,shared-cache,shared-events
for fn in "${functions[@]}"; do
  echo "[native] $fn ($(date +%T))"
  start=$SECONDS
  ./mvnw -B package -DskipTests -Dnative -pl "functions/$fn" \
    -Dquarkus.native.graalvm-home="$GRAALVM_HOME"
  echo "[native] $fn done in $((SECONDS - start)) s: $(ls functions/"$fn"/target/*-runner)"
done

#!/usr/bin/env bash
# Builds every function as a native executable: functions/<fn>/target/<fn>-*-runner.
# Uses GRAALVM_HOME when set, otherwise builds/reuses the toolchain from ../shared/native-toolchain.
# One function at a time: a build takes minutes and up to ~8 GB on 2 cores.
#   ./native-build.sh                every function
#   ./native-build.sh users          just one
#   ./native-build.sh --key users     print the cache key of users' executable and stop
#   ./native-build.sh --toolchain     print the GRAALVM_HOME builds use (building it if needed)
#
# Content-addressed cache: an executable is stored under a key that hashes every input of its
# build (see key() below). A build whose inputs hash to a stored key copies that executable
# instead of running native-image, and says so. SURGE_NATIVE_CACHE=0 turns the cache off;
# SURGE_NATIVE_CACHE_DIR moves it (default ~/.cache/surge/native, three entries per function).
set -euo pipefail
cd "$(dirname "$0")"
export LC_ALL=C # one sort order for the key on every machine

cache_dir="${SURGE_NATIVE_CACHE_DIR:-$HOME/.cache/surge/native}"
keep_per_function=3

toolchain() {
  [[ -n "${GRAALVM_HOME:-}" ]] && return
  local installer="../shared/native-toolchain/install.sh"
  [[ -f "$installer" ]] || { echo "Set GRAALVM_HOME or provide $installer" >&2; exit 2; }
  echo "[native] GRAALVM_HOME not set: building/reusing the toolchain" >&2
  GRAALVM_HOME="$(bash "$installer" | tail -1 | cut -d= -f2)"
}

# The Maven arguments of a native build. They are part of the key.
build_args() {
  printf '%s\n' -B package -DskipTests -Dnative -am -pl "functions/$1" \
    "-Dquarkus.native.graalvm-home=$GRAALVM_HOME"
}

# Every input of one function's executable: its own main sources and resources, the main sources
# and resources of the shared runtime modules (shared-testing is test scope only), the poms of its
# reactor (`-am`: the root, the shared modules', its own) and the Maven wrapper, the toolchain's
# identity and the build arguments. Tests, docs, perf and dev scripts are not inputs, and neither
# is another function's pom: a new function does not rebuild the others. File paths are hashed
# along with contents, so a rename counts.
key() {
  local fn=$1
  {
    local shared=() dir
    for dir in shared-*/; do [[ "$dir" == shared-testing/ ]] || shared+=("${dir}src/main"); done
    find "functions/$fn/src/main" "${shared[@]}" -type f -print0 | sort -z | xargs -0 sha256sum
    find pom.xml shared-*/pom.xml "functions/$fn/pom.xml" -print0 | sort -z | xargs -0 sha256sum
    find .mvn mvnw -type f -print0 | sort -z | xargs -0 sha256sum
    cat "$GRAALVM_HOME/release" 2>/dev/null || true
    "$GRAALVM_HOME/bin/native-image" --version
    build_args "$fn"
  } | sha256sum | cut -c1-24
}

restore() { # fn key -> copies the cached executable into target/, fails when absent
  local entry="$cache_dir/$1/$2"
  [[ -f "$entry/complete" ]] || return 1
  mkdir -p "functions/$1/target"
  cp -p "$entry"/*-runner "$entry"/*.properties "functions/$1/target/"
  # GraalVM's build report, absent from entries stored before it was cached.
  cp -p "$entry"/*.json "functions/$1/target/" 2>/dev/null || true
  touch "$entry/complete" # most recently used, for pruning
}

store() { # fn key -> copies the fresh executable into the cache, keeps the newest few
  local entry="$cache_dir/$1/$2"
  mkdir -p "$entry"
  cp -p "functions/$1"/target/*-runner "functions/$1"/target/{quarkus-artifact,native-build}.properties "$entry/"
  # GraalVM's build report (image heap, code area), for perf/cold-start.sh.
  cp -p "functions/$1"/target/*-native-image-source-jar/*-build-output-stats.json "$entry/" 2>/dev/null || true
  touch "$entry/complete"
  # shellcheck disable=SC2012 # names are hex keys
  ls -1t "$cache_dir/$1"/*/complete | tail -n +$((keep_per_function + 1)) | xargs -r dirname | xargs -r rm -rf
}

if [[ "${1:-}" == --toolchain ]]; then
  toolchain
  echo "$GRAALVM_HOME"
  exit
fi
if [[ "${1:-}" == --key ]]; then
  toolchain
  key "$2"
  exit
fi

toolchain
export GRAALVM_HOME
functions=("$@")
if [[ ${#functions[@]} -eq 0 ]]; then
  for dir in functions/*/; do functions+=("$(basename "$dir")"); done
fi

for fn in "${functions[@]}"; do
  start=$SECONDS
  rm -f "functions/$fn"/target/*-runner
  if [[ "${SURGE_NATIVE_CACHE:-1}" != 0 ]]; then
    k=$(key "$fn")
    if restore "$fn" "$k"; then
      echo "[native] $fn: reused the cached executable $k ($((SECONDS - start)) s)"
      continue
    fi
    echo "[native] $fn: no cached executable for $k: building ($(date +%T))"
  else
    echo "[native] $fn: cache off (SURGE_NATIVE_CACHE=0): building ($(date +%T))"
  fi
  mapfile -t args < <(build_args "$fn")
  # Wall time and the peak RSS of the largest process (the native-image builder), for perf/.
  stats="functions/$fn/target/native-build.properties"
  mkdir -p "functions/$fn/target"
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f 'build_seconds=%e\npeak_rss_kib=%M' -o "$stats" ./mvnw "${args[@]}"
  else
    echo "[native] /usr/bin/time missing (Debian package time): no build time and memory figures"
    ./mvnw "${args[@]}"
    : >"$stats"
  fi
  [[ "${SURGE_NATIVE_CACHE:-1}" != 0 ]] && store "$fn" "$k"
  echo "[native] $fn: built in $((SECONDS - start)) s: $(ls functions/"$fn"/target/*-runner)"
done

# shellcheck shell=bash
# dev/platform plugin "prometheus": Prometheus (Debian's package, 2.42) on 127.0.0.1:9090 with
# Surge's alert rules loaded (knative/monitoring/rules/surge-alerts.yaml) and one scrape job per
# function on its dev port (job="surge-<fn>", /q/metrics, the cluster's relabelling): the
# configuration is written by ops/prometheus-config. With dev/run's functions up, 9090 shows
# their metrics, the recording rules and the alerts; a function that is not running is a down
# target, nothing more.
# State under .surge/prometheus: prometheus.yml, data/ (2 days kept), prometheus.log, the pid.
# `up` is idempotent: it installs the package when missing (one line and a skip if that is
# impossible), starts Prometheus only when our process is not running, and otherwise reloads it
# (SIGHUP) when the configuration or the rules file changed since it last loaded them.
# Alertmanager is not started: alerts show on :9090/alerts.
PROM_PORT=${SURGE_PROMETHEUS_PORT:-9090}
PROM_DIR="$STATE/prometheus"
PROM_BIN=/usr/bin/prometheus

prom_pid() { cat "$PROM_DIR/prometheus.pid" 2>/dev/null || true; }
# Our process: the pid file names a live prometheus reading our config (guards a recycled pid).
prom_alive() {
  local pid; pid="$(prom_pid)"
  [[ -n "$pid" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "--config.file=$PROM_DIR/prometheus.yml"
}
# GET a path of our port with bash alone (no curl on a bare machine): status line, headers, body.
prom_get() {
  timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" && printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" "$1" >&3 && cat <&3' \
    "$PROM_PORT" "$1" 2>/dev/null
}
prom_ready() { prom_get /-/ready | head -n1 | grep -q ' 200 '; }
prom_fingerprint() { cat "$PROM_DIR/prometheus.yml" "$REPO/knative/monitoring/rules/surge-alerts.yaml" | sha256sum; }

prom_install() {
  [[ -x "$PROM_BIN" ]] && return 0
  # --no-install-recommends: the server and promtool, without the node exporter.
  { as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends prometheus >/dev/null 2>&1 \
    || { as_root apt-get update -q >/dev/null 2>&1 \
      && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends prometheus >/dev/null 2>&1; }; } \
    && [[ -x "$PROM_BIN" ]]
}

prometheus_up() {
  if ! prom_install; then
    log "prometheus: not installed and not installable here (apt-get install prometheus): skipped"
    return 0
  fi
  mkdir -p "$PROM_DIR/data"
  "$REPO/ops/prometheus-config" >"$PROM_DIR/prometheus.yml.tmp" \
    && "${PROM_BIN%/*}/promtool" check config "$PROM_DIR/prometheus.yml.tmp" >/dev/null 2>&1 \
    || { log "prometheus: promtool rejects the configuration or the rules file (promtool check config $PROM_DIR/prometheus.yml.tmp): not (re)loaded"; return 0; }
  mv "$PROM_DIR/prometheus.yml.tmp" "$PROM_DIR/prometheus.yml"
  if prom_alive; then
    if [[ "$(prom_fingerprint)" != "$(cat "$PROM_DIR/loaded.sha" 2>/dev/null)" ]]; then
      log "prometheus: configuration or rules changed, reloading"
      kill -HUP "$(prom_pid)"
      prom_fingerprint >"$PROM_DIR/loaded.sha"
    fi
    log "prometheus: already running on 127.0.0.1:$PROM_PORT"
    return 0
  fi
  if port_open "$PROM_PORT"; then
    # Not ours: perhaps the package's own prometheus.service (it starts on :9090 where systemd runs).
    if prometheus_status; then
      log "prometheus: a Prometheus with the Surge rules already runs on 127.0.0.1:$PROM_PORT (not ours)"
    else
      log "prometheus: 127.0.0.1:$PROM_PORT is taken by something else (Debian's service? systemctl disable --now prometheus; or set SURGE_PROMETHEUS_PORT): skipped"
    fi
    return 0
  fi
  log "prometheus: starting on 127.0.0.1:$PROM_PORT ..."
  # setsid + the inner shell writing its own pid before exec, as for Kafka: it must outlive us.
  # `exec setsid`: no shell stays behind holding our stdout (`dev/platform up | tail` would hang).
  (cd "$PROM_DIR" && exec setsid nohup bash -c 'echo $$ >prometheus.pid; exec "$@"' prometheus "$PROM_BIN" \
    --config.file="$PROM_DIR/prometheus.yml" --storage.tsdb.path="$PROM_DIR/data" \
    --storage.tsdb.retention.time=2d --web.listen-address="127.0.0.1:$PROM_PORT" \
    </dev/null >"$PROM_DIR/prometheus.log" 2>&1 &)
  wait_for 5 test -s "$PROM_DIR/prometheus.pid" || { log "prometheus: the process did not start"; return 1; }
  record prometheus
  prom_fingerprint >"$PROM_DIR/loaded.sha"
  wait_for 30 prom_ready || { tail -n 20 "$PROM_DIR/prometheus.log" >&2; log "prometheus: not ready on :$PROM_PORT (see $PROM_DIR/prometheus.log)"; return 1; }
  log "prometheus: ready on http://127.0.0.1:$PROM_PORT (rules loaded, scraping the functions' dev ports)"
}

# 0 = up: ready with the Surge rules loaded. 10 = skipped, as `up` does: no package on this
# machine, or the port held by something that is not ours (dev/platform does not count it down).
prometheus_status() {
  [[ -x "$PROM_BIN" ]] || return 10
  if prom_ready && prom_get /api/v1/rules | grep -q '"SurgeAvailabilityBurnFast"'; then
    return 0
  fi
  if ! prom_alive && port_open "$PROM_PORT"; then return 10; fi
  return 1
}

prometheus_down() {
  local pid; pid="$(prom_pid)"
  if prom_alive; then
    log "prometheus: stopping pid $pid ..."
    kill -TERM "$pid" 2>/dev/null || true
    wait_for 20 bash -c "! kill -0 $pid" || { log "prometheus: still running, killing"; kill -KILL "$pid" 2>/dev/null || true; }
  fi
  rm -f "$PROM_DIR/prometheus.pid" "$PROM_DIR/loaded.sha"
}

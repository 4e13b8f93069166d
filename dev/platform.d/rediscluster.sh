# shellcheck shell=bash
# dev/platform plugin "rediscluster": a 3-master Redis Cluster on 127.0.0.1:7000-7002, beside the
# single-node Redis on 6379, so the cache (shared-cache) is tested on both topologies.
# State (node configs, logs, pids) lives under .surge/rediscluster; no persistence.
# `up` is idempotent: it starts only nodes that do not answer, and creates the cluster (assigns
# the 16384 slots) only when no node reports cluster_state:ok yet.
RC_PORTS=(7000 7001 7002)
RC_DIR="$STATE/rediscluster"

rc_ping() { [[ "$(redis-cli -p "$1" ping 2>/dev/null)" == PONG ]]; }
rc_ok() { redis-cli -p "${RC_PORTS[0]}" cluster info 2>/dev/null | grep -q '^cluster_state:ok'; }

rediscluster_up() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null || apt_install redis-server redis-tools
  mkdir -p "$RC_DIR"
  local port started_any=0
  for port in "${RC_PORTS[@]}"; do
    if rc_ping "$port"; then continue; fi
    mkdir -p "$RC_DIR/$port"
    # The node config file is the cluster's own state; keep it so a restart rejoins the cluster.
    redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --cluster-enabled yes \
      --cluster-config-file "$RC_DIR/$port/nodes.conf" --cluster-node-timeout 5000 \
      --save "" --appendonly no --dir "$RC_DIR/$port" \
      --logfile "$RC_DIR/$port/redis.log" --pidfile "$RC_DIR/$port/redis.pid"
    wait_for 15 rc_ping "$port" || { log "rediscluster: node $port did not answer (see $RC_DIR/$port/redis.log)"; return 1; }
    started_any=1
  done
  ((started_any)) && record rediscluster
  if ! rc_ok; then
    if [[ "$(redis-cli -p "${RC_PORTS[0]}" cluster info 2>/dev/null | sed -n 's/^cluster_slots_assigned:\([0-9]*\).*/\1/p')" == 0 ]]; then
      log "rediscluster: creating the cluster over ${RC_PORTS[*]} ..."
      redis-cli --cluster create "${RC_PORTS[@]/#/127.0.0.1:}" --cluster-replicas 0 --cluster-yes >"$RC_DIR/create.log" 2>&1 \
        || { log "rediscluster: create failed (see $RC_DIR/create.log)"; return 1; }
    fi
    # Nodes restarted from their nodes.conf need a moment to agree again.
    wait_for 20 rc_ok || { log "rediscluster: cluster_state is not ok"; return 1; }
  fi
  log "rediscluster: ready on 127.0.0.1:${RC_PORTS[0]}-${RC_PORTS[-1]}"
}

rediscluster_status() { rc_ok; }

rediscluster_down() {
  local port
  for port in "${RC_PORTS[@]}"; do
    log "rediscluster: stopping node $port ..."
    redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
  done
}

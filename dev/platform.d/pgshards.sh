# shellcheck shell=bash
# Sourced by dev/platform: the sharded PostgreSQL layout (shared-data/README.md), next to the
# default server on 5432 whose configuration it never touches.
#   15 shard1   127.0.0.1:5433  primary of physical instance "shard1"
#   15 shard2   127.0.0.1:5434  primary of physical instance "shard2"
#   15 shard1r  127.0.0.1:5435  streaming replica of shard1 (pg_basebackup -R, slot shard1r)
# Each primary: trust auth on 127.0.0.1, role surge/surge, databases surge and surge_test,
# wal_level=logical (the online shard move uses a filtered publication) and
# pg_stat_statements (tests count the queries each instance ran).
# Clusters this clone created and started are listed in .surge/pgshards; `down` stops only those.
PGSHARDS_PRIMARIES=("shard1:5433" "shard2:5434")
PGSHARDS_REPLICA="shard1r:5435:shard1:5433"
PGSHARDS_STATE="$STATE/pgshards"

pgshards_ready() { pg_isready -q -h 127.0.0.1 -p "$1" 2>/dev/null; }

pgshards_conf() {
  local name=$1 conf="/etc/postgresql/15/$1/conf.d/surge.conf"
  as_root install -d -o postgres -g postgres "$(dirname "$conf")"
  as_root tee "$conf" >/dev/null <<EOF
# Written by dev/platform.d/pgshards.sh for the local shard cluster $name.
listen_addresses = '127.0.0.1'
wal_level = logical
max_wal_senders = 10
max_replication_slots = 10
hot_standby = on
hot_standby_feedback = on
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = all
fsync = off
synchronous_commit = on
full_page_writes = off
max_connections = 200
EOF
  # Trust for 127.0.0.1, replication included (local development only).
  as_root tee "/etc/postgresql/15/$name/pg_hba.conf" >/dev/null <<EOF
local all all trust
host all all 127.0.0.1/32 trust
host replication all 127.0.0.1/32 trust
EOF
}

pgshards_mark() { mkdir -p "$STATE"; grep -qx "$1" "$PGSHARDS_STATE" 2>/dev/null || echo "$1" >>"$PGSHARDS_STATE"; }

pgshards_start() {
  local name=$1 port=$2
  pgshards_ready "$port" && return 0
  log "pgshards: starting 15 $name on 127.0.0.1:$port ..."
  as_root pg_ctlcluster --skip-systemctl-redirect 15 "$name" start
  wait_for 30 pgshards_ready "$port" || die "pgshards: $name did not answer on $port"
  pgshards_mark "$name"
}

pgshards_up() {
  command -v pg_createcluster >/dev/null || apt_install postgresql-15
  local entry name port
  for entry in "${PGSHARDS_PRIMARIES[@]}"; do
    name=${entry%%:*} port=${entry##*:}
    if [[ -z "$(pg_lsclusters -h 15 "$name" 2>/dev/null)" ]]; then
      log "pgshards: creating cluster 15 $name (port $port)"
      as_root pg_createcluster 15 "$name" --port "$port" -- --auth=trust >/dev/null
      pgshards_conf "$name"
      pgshards_mark "$name"
    fi
    pgshards_start "$name" "$port"
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres >/dev/null <<'SQL'
SELECT 'CREATE ROLE surge LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'surge')\gexec
ALTER ROLE surge WITH LOGIN PASSWORD 'surge';
SELECT 'CREATE DATABASE surge OWNER surge' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'surge')\gexec
SELECT 'CREATE DATABASE surge_test OWNER surge' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'surge_test')\gexec
SQL
    local db
    for db in surge surge_test; do
      as_postgres psql -X -q -p "$port" -d "$db" -c 'SET client_min_messages = warning' \
        -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' >/dev/null
    done
  done
  # The replica: a base backup of shard1 with a physical slot, started on its own port.
  local rname rport pname pport
  IFS=: read -r rname rport pname pport <<<"$PGSHARDS_REPLICA"
  if [[ -z "$(pg_lsclusters -h 15 "$rname" 2>/dev/null)" ]]; then
    log "pgshards: creating streaming replica 15 $rname of $pname (port $rport)"
    as_root pg_createcluster 15 "$rname" --port "$rport" -- --auth=trust >/dev/null
    pgshards_conf "$rname"
    local data="/var/lib/postgresql/15/$rname"
    as_root find "$data" -mindepth 1 -delete
    as_postgres psql -X -q -p "$pport" -d postgres \
      -c "SELECT pg_drop_replication_slot('$rname') FROM pg_replication_slots WHERE slot_name = '$rname'" >/dev/null
    # -c fast: without it the copy waits for the next spread checkpoint (up to 5 min when idle).
    as_postgres pg_basebackup -h 127.0.0.1 -p "$pport" -U postgres -D "$data" -R -X stream -C -S "$rname" -c fast
    pgshards_mark "$rname"
  fi
  pgshards_start "$rname" "$rport"
  # A replay paused by a test that died stays paused across nothing but this: resume it.
  as_postgres psql -X -q -p "$rport" -d postgres -c \
    "ALTER SYSTEM RESET recovery_min_apply_delay" -c "SELECT pg_reload_conf()" \
    -c "SELECT pg_wal_replay_resume() WHERE pg_is_wal_replay_paused()" >/dev/null
  record pgshards
  log "pgshards: primaries 5433 (shard1) and 5434 (shard2), replica of shard1 on 5435 ready"
}

pgshards_status() {
  local entry
  for entry in "${PGSHARDS_PRIMARIES[@]}" "${PGSHARDS_REPLICA%:*:*}"; do
    pgshards_ready "${entry##*:}" || return 1
  done
}

pgshards_down() {
  local name
  [[ -f "$PGSHARDS_STATE" ]] || return 0
  # Replica first, then the primaries, and only the clusters this clone started.
  for name in shard1r shard2 shard1; do
    grep -qx "$name" "$PGSHARDS_STATE" || continue
    log "pgshards: stopping cluster 15 $name ..."
    as_root pg_ctlcluster --skip-systemctl-redirect 15 "$name" stop 2>/dev/null || true
  done
  rm -f "$PGSHARDS_STATE"
}

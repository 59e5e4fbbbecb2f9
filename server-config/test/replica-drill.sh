#!/usr/bin/env bash
# The replica drill, run by `./sejour test` (docs/operations.md, "Replica"): the functions
# ./sejour start and stop use (replica.sh), on embedded PostgreSQL servers of its own, in a var
# folder of its own, on ports PORT (primary) and PORT + 1 (replica).
#
#   primary -> replica_start (role, loopback pg_hba, slot, base backup with the low-level API,
#   standby.signal, primary_conninfo) -> a committed row is on the replica within the bound (the
#   lag is measured and printed) -> replica_status names its lag -> the replica stops: the primary
#   still answers and writes -> started again, the replica catches up through its slot -> the
#   promote drill of docs/operations.md: the primary stops, `pg_ctl promote`, a write on the
#   promoted server.
#   usage: replica-drill.sh PORT [MAX-LAG-MS]   (needs var/pgsql, fetched by ./sejour test first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${1:?port}"
bound="${2:-1000}"
root="$(cd "$here/../.." && pwd)"

# shellcheck source=server-config/sejour.sh
source "$root/server-config/sejour.sh"
SHARED_PG="$PG_HOME"
SHARED_DRIVER="$(postgres_driver)"
DRILL="$VAR/test-replica"
t0="$(now_ns)"

fail() {
  log "REPLICA DRILL FAILED: $*"
  [[ ! -f "$DRILL/replica/pgrun/postgres.log" ]] || tail -5 "$DRILL/replica/pgrun/postgres.log" >&2
  stop_all
  log "  its folder stays in $DRILL for a look"
  exit 1
}

stop_all() {
  db_stop "$DRILL/replica" 2>/dev/null || true
  db_stop "$DRILL" 2>/dev/null || true
}

# SQL as Séjour's database user on PORT (the replica has the primary's roles and passwords)
as_app() {
  local p="$1"; shift
  PGUSER=sejour PGPASSWORD="$(secret "$DRILL/credentials.properties" db.password)" \
    pg_client "$@" "jdbc:postgresql://localhost:$p/sejour"
}

# everything under the drill's own var folder, sharing the binaries and driver already fetched
export SEJOUR_VAR="$DRILL"
VAR="$DRILL" PG_HOME="$DRILL/pgsql"
unset SEJOUR_DB_HOST SEJOUR_WAL_ARCHIVE SEJOUR_REPLICA_PORT
stop_all
rm -rf "$DRILL"
mkdir -p "$DRILL/download"
ln -s "$SHARED_PG" "$PG_HOME"
ln -s "$SHARED_DRIVER" "$DRILL/download/"
rport=$((port + 1))
[[ "$(replica_port "$port")" == "$rport" ]] || fail "the replica's port is not the primary's + 1"

log "Replica drill: primary on $port, replica on $rport"
db_setup "$DRILL" "$port" "$DRILL/credentials.properties" 2>/dev/null || fail "starting the primary"
echo "create table drill (id int primary key, what text, at timestamptz default clock_timestamp())" \
  | as_app "$port" sql || fail "creating the drill's table"
replica_start "$DRILL" 2> "$DRILL/start.log" || { cat "$DRILL/start.log" >&2; fail "replica_start"; }
db_running "$DRILL/replica" || fail "the replica does not run"
[[ -f "$DRILL/replica/pgdata/standby.signal" ]] || fail "no standby.signal"
grep -q "^primary_conninfo = .*port=$port user=$REPLICA_ROLE passfile=" "$DRILL/replica/pgdata/sejour.conf" \
  || fail "no primary_conninfo naming the role and its pgpass file"
grep -q 'sejour_replicator' "$DRILL/replica/pgdata/sejour.conf" && ! grep -q "$(secret "$DRILL/credentials.properties" db.replication.password)" \
  "$DRILL/replica/pgdata/sejour.conf" || fail "the replication password is in the replica's configuration"
grep -q '^db.replication.password=' "$DRILL/credentials.properties" || fail "no generated replication password"
[[ "$(echo "select pg_is_in_recovery()" | as_app "$rport" sql)" == t ]] || fail "the replica is not in recovery (hot standby)"
# the table made before the base backup came with it
[[ "$(echo "select count(*) from drill" | as_app "$rport" sql)" == 0 ]] || fail "the replica lacks the table"
# pg_hba: replication from loopback as the replication role only
head -4 "$DRILL/pgdata/pg_hba.conf" | grep -q "^host replication $REPLICA_ROLE 127.0.0.1/32 scram-sha-256" || fail "pg_hba"
# streaming begins a moment after the standby accepts connections
slot=""
for i in $(seq 1 20); do
  slot="$(echo "select slot_type || ':' || active::text from pg_replication_slots where slot_name = '$REPLICA_SLOT'" \
    | replica_sql "$DRILL" "$port")"
  [[ "$slot" == physical:true ]] && break
  sleep 0.25
done
[[ "$slot" == physical:true ]] || fail "the physical slot is not in use ($slot)"

# a committed row, then the time until the replica has replayed it (measured in one process)
lags=()
for i in 1 2 3; do
  out="$(PGUSER=sejour PGPASSWORD="$(secret "$DRILL/credentials.properties" db.password)" pg_client replication-lag \
    "jdbc:postgresql://localhost:$port/sejour" "jdbc:postgresql://localhost:$rport/sejour" \
    "insert into drill (id, what) values ($i, 'written on the primary')" "$bound" 2>&1 || true)"
  [[ "$out" == *lag_ms=* ]] || fail "row $i not on the replica within $bound ms: $out"
  lags+=("$(sed -n 's/^lag_ms=//p' <<<"$out")")
done
[[ "$(echo "select string_agg(what, ',') from drill where id = 3" | as_app "$rport" sql)" == 'written on the primary' ]] \
  || fail "the row is not readable on the replica"
log "  a committed row is on the replica after ${lags[*]} ms (bound $bound ms)"
status="$(replica_status "$DRILL" 2>&1)"
grep -q "replica (hot standby) is running on port $rport: streaming, replay lag [0-9.]* s, 0 bytes" <<<"$status" \
  || fail "replica_status said: $status"
log "  status: ${status#\[sejour\] }"

# the replica stops: the primary still answers, and writes
replica_stop "$DRILL" 2>/dev/null
db_running "$DRILL/replica" && fail "the replica still runs after replica_stop"
echo "insert into drill (id, what) values (4, 'while the replica was down')" | as_app "$port" sql || fail "the primary did not take a write with the replica down"
[[ "$(echo "select count(*) from drill" | as_app "$port" sql)" == 4 ]] || fail "the primary does not answer"
grep -q 'is not running' <<<"$(replica_status "$DRILL" 2>&1)" || fail "status does not say the replica is down"
# started again, it catches up from its slot, without a new base backup
replica_start "$DRILL" 2> "$DRILL/restart.log" || { cat "$DRILL/restart.log" >&2; fail "replica_start again"; }
grep -q 'base backup' "$DRILL/restart.log" && fail "the restart made a new base backup"
for i in $(seq 1 40); do
  [[ "$(echo "select count(*) from drill" | as_app "$rport" sql)" == 4 ]] && break
  sleep 0.25
done
[[ "$(echo "select count(*) from drill" | as_app "$rport" sql)" == 4 ]] || fail "the replica did not catch up after its restart"
log "  replica stopped: the primary answered and wrote; restarted, the replica caught up"

# promote drill (docs/operations.md, "Promote the replica"): the primary is lost, the replica takes over
db_stop "$DRILL" 2>/dev/null
as_system_user "$PG_HOME/bin/pg_ctl" -D "$DRILL/replica/pgdata" -w promote >/dev/null || fail "pg_ctl promote"
[[ "$(echo "select pg_is_in_recovery()" | as_app "$rport" sql)" == f ]] || fail "the promoted server is still in recovery"
echo "insert into drill (id, what) values (5, 'written on the promoted replica')" | as_app "$rport" sql \
  || fail "the promoted server refused a write"
[[ "$(echo "select count(*) from drill" | as_app "$rport" sql)" == 5 ]] || fail "the promoted server lost rows"
log "  promoted: the replica took a write and holds all 5 rows"

stop_all
rm -rf "$DRILL"
log "Replica drill passed in $(seconds_since "$t0") s"

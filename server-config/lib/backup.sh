# Backups of Séjour (docs/operations.md): one archive of what belongs together (an online
# base backup of the embedded PostgreSQL with the WAL that makes it consistent, the photos
# in var/storage, the generated secrets of var/), continuous WAL archiving for a restore to
# a point in time, and the restore itself. Needs only the `postgres` binary, GNU tar, gzip and
# the JDK: zonky's PostgreSQL has no pg_basebackup or psql, Debian's are too old for 17.

BACKUP_FORMAT=1
# a segment is switched and archived after at most this much activity: the data lost with the
# disk of pgdata is at most this plus the seconds of one copy (target ≤ 60 s)
WAL_ARCHIVE_TIMEOUT=50s
# member names of the data directory that a base backup leaves out (PostgreSQL's list:
# recreated or emptied at start-up, or written by the backup itself)
BACKUP_PGDATA_EXCLUDES=(postmaster.pid postmaster.opts backup_label tablespace_map recovery.signal standby.signal
  'pg_wal/*' 'pg_replslot/*' 'pg_dynshmem/*' 'pg_notify/*' 'pg_serial/*' 'pg_snapshots/*' 'pg_stat_tmp/*' 'pg_subtrans/*')

# Where the embedded PostgreSQL of DIR archives its WAL. SEJOUR_WAL_ARCHIVE is for Séjour's own
# database: a test database keeps its WAL in its own folder, never in the operator's archive,
# which must hold the WAL of one cluster only.
wal_archive_dir() {
  local dir="$1"
  if [[ "$dir" == "$VAR" && -n "${SEJOUR_WAL_ARCHIVE:-}" ]]; then
    realpath -m "$SEJOUR_WAL_ARCHIVE"
  else
    echo "$dir/wal-archive"
  fi
}

# a value for postgresql.conf: single quotes doubled (a backslash would be an escape there)
pg_conf_quote() { printf "'%s'" "${1//\'/\'\'}"; }

# Copies a finished WAL segment (%p) as <archive>/%f.gz: gzip because a segment switched by
# archive_timeout is mostly empty (16 MiB to about 75 KB); written under a temporary name, fsynced,
# then renamed and the folder fsynced, so that a crash leaves a whole file or none. Never
# overwrites: a file already there with the same content is success (PostgreSQL retries a copy
# whose end it did not see), with other content a refusal that PostgreSQL logs and retries.
wal_archive_command() {
  local a="$1"
  printf '%s' "a='$a'; f=\"\$a/%f.gz\"; if [ -f \"\$f\" ]; then gzip -dc \"\$f\" | cmp -s - %p " \
    "|| { echo \"sejour: \$f exists with other content, not overwritten\" >&2; exit 1; }; " \
    "else gzip -1 -c %p > \"\$f.tmp\" && sync \"\$f.tmp\" && mv \"\$f.tmp\" \"\$f\" && sync \"\$a\"; fi"
}

# Fetches %f from the archive, then from the folder of WAL that came inside a backup archive.
wal_restore_command() {
  local dirs="" d
  for d in "$@"; do dirs+=" '$d'"; done
  printf '%s' "for d in$dirs; do if [ -f \"\$d/%f.gz\" ]; then exec gzip -dc \"\$d/%f.gz\" > %p; fi; " \
    "if [ -f \"\$d/%f\" ]; then exec cp \"\$d/%f\" %p; fi; done; exit 1"
}

# wal_archive_configure DIR [SETTING-LINE...]: the archiving settings of the embedded
# PostgreSQL of DIR, written at each start to pgdata/sejour.conf (included by postgresql.conf),
# with extra lines for a recovery. The folder is read back from that file by backup and restore.
wal_archive_configure() {
  local dir="$1" data="$1/pgdata" archive; archive="$(wal_archive_dir "$1")"
  shift
  [[ "$archive" != *[\'\\]* ]] || die "the WAL archive folder must not contain a quote or a backslash: $archive"
  mkdir -p "$archive"
  [[ "$(id -u)" != 0 ]] || { system_user; chown "$SYSTEM_USER" "$archive"; }
  grep -qx "include_if_exists = 'sejour.conf'" "$data/postgresql.conf" \
    || echo "include_if_exists = 'sejour.conf'" >> "$data/postgresql.conf"
  {
    echo "# written by ./sejour (server-config/lib/backup.sh) at each start: edits here are lost"
    echo "# sejour.wal-archive=$archive"
    echo "archive_mode = on"
    echo "archive_timeout = $WAL_ARCHIVE_TIMEOUT"
    echo "archive_command = $(pg_conf_quote "$(wal_archive_command "$archive")")"
    if (($#)); then printf '%s\n' "$@"; fi
  } > "$data/sejour.conf"
  system_own "$data/sejour.conf"
}

# An archive folder holds the WAL of one database cluster: two clusters writing there would
# refuse each other's segment names, and a restore would mix their WAL. The first backup writes
# the cluster's identifier there; a backup or restore of another cluster is then refused.
WAL_ARCHIVE_OWNER_FILE=sejour-cluster-id

wal_archive_claim() {
  local archive="$1" id="$2" owner
  owner="$(cat "$archive/$WAL_ARCHIVE_OWNER_FILE" 2>/dev/null || true)"
  if [[ -z "$owner" ]]; then
    echo "$id" > "$archive/$WAL_ARCHIVE_OWNER_FILE"
  elif [[ "$owner" != "$id" ]]; then
    die "the WAL archive $archive belongs to another database (cluster $owner, this one is $id): give each its own SEJOUR_WAL_ARCHIVE"
  fi
}

# the archive folder the cluster of DIR was last started with
wal_archive_of() {
  sed -n 's/^# sejour\.wal-archive=//p' "$1/pgdata/sejour.conf" 2>/dev/null
}

# PgClient.java, compiled once per version of its source (compiling it at each run costs seconds)
pg_client() {
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java" src="$CONFIG/lib/PgClient.java" driver; driver="$(postgres_driver)"
  local classes; classes="$VAR/download/pgclient-$(sha1sum "$src" | cut -c1-12)"
  if [[ ! -f "$classes/PgClient.class" ]]; then
    local tmp; tmp="$(mktemp -d "$classes.XXXXXX")"
    "${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$tmp" "$src" && mv -T "$tmp" "$classes" 2>/dev/null || rm -rf "$tmp"
  fi
  # a short-lived client: the quick JIT tier and one GC thread start it fastest
  local opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
  if [[ -f "$classes/PgClient.class" ]]; then
    "$java" "${opts[@]}" -cp "$driver:$classes" PgClient "$@"
  else
    "$java" "${opts[@]}" -cp "$driver" "$src" "$@"
  fi
}

# the port of the running embedded server of DIR (4th line of postmaster.pid)
db_running_port() { sed -n 4p "$1/pgdata/postmaster.pid"; }

# base_backup DIR LABEL OUT TAR [MEMBER...]: an online base backup of the running embedded PostgreSQL
# of DIR with the low-level API (pg_backup_start, copy, pg_backup_stop in one session): its pgdata,
# less what PostgreSQL leaves out of a base backup, and the other MEMBERs of DIR go into TAR; the
# backup_label goes into OUT. Prints PgClient's key=value lines (WAL segments, stop time, version).
# ./sejour backup archives it; a replica (replica.sh) starts from it.
base_backup() {
  local dir="$1" label="$2" out="$3" tar="$4"; shift 4
  local excludes=() e
  for e in "${BACKUP_PGDATA_EXCLUDES[@]}"; do excludes+=("--exclude=pgdata/$e"); done
  PGUSER=postgres PGPASSWORD="$(secret "$dir/credentials.properties" db.superuser.password)" \
    pg_client base-backup "jdbc:postgresql://localhost:$(db_running_port "$dir")/postgres" "$label" "$out" \
      -- tar -cf "$tar" --exclude='pgsql_tmp*' "${excludes[@]}" \
           --warning=no-file-changed --warning=no-file-removed --warning=no-file-shrank -C "$dir" pgdata "$@"
}

# "a is" / "a and b are"
join_and() { if (($# == 1)); then echo "$1 is"; else echo "$1 and $2 are"; fi; }

human_size() { numfmt --to=iec-i --suffix=B "$(stat -c %s "$1")"; }
now_ns() { date +%s%N; }
seconds_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

# the generated secrets at the top of var/: credentials.properties, any other *.properties, and
# every file there that only its owner may read (./sejour writes its secrets with mode 600)
var_secret_files() {
  find "$1" -maxdepth 1 -type f ! -name '.*' \( -name '*.properties' -o ! -perm /044 \) -printf '%f\n' | sort
}

# WAL segment names from $1 to $2 on one timeline (16 MiB segments: 256 per 4 GiB "log" id)
wal_segments_between() {
  local tli="${1:0:8}" from=$((16#${1:8:8} * 256 + 16#${1:16:8})) to=$((16#${2:8:8} * 256 + 16#${2:16:8})) n
  for ((n = from; n <= to; n++)); do printf '%s%08X%08X\n' "$tli" $((n / 256)) $((n % 256)); done
}

usage_backup() {
  echo "usage: ./sejour backup [FILE]   |   ./sejour restore FILE [--target-time 'YYYY-MM-DD HH:MM:SS'] [--force]" >&2
  exit 2
}

# ./sejour backup [FILE]
cmd_backup() {
  (($# <= 1)) || usage_backup
  [[ "${1:-}" != -* ]] || usage_backup
  local t0; t0="$(now_ns)"
  local dir="${SEJOUR_BACKUP_DIR:-$VAR/backups}" file="${1:-}"
  [[ -z "$file" || ! -d "$file" ]] || { dir="$file"; file=""; }
  [[ -n "$file" ]] || file="$dir/sejour-$(date +%Y%m%d-%H%M%S).tar.gz"
  file="$(realpath -m "$file")"
  [[ ! -e "$file" ]] || die "$file exists: name another file"
  mkdir -p "$(dirname "$file")"
  local work; work="$(mktemp -d "$(dirname "$file")/.sejour-backup.XXXXXX")"
  mkdir -p "$work/pgdata" "$work/backup/wal"
  local tar="$work/backup.tar" manifest="$work/backup/manifest"
  {
    echo "format=$BACKUP_FORMAT"
    echo "created=$(date '+%Y-%m-%d %H:%M:%S%:z')"
    echo "host=$(hostname)"
    echo "sejour_commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  } > "$manifest"

  local stop_time=""
  BACKUP_STARTED_DB=false
  # shellcheck disable=SC2064
  trap "rm -rf '$work'; if \$BACKUP_STARTED_DB; then db_stop '$VAR'; fi" EXIT
  if [[ -n "${SEJOUR_DB_HOST:-}" ]]; then
    log "WARNING: the database is external ($SEJOUR_DB_HOST): this archive holds the photos and secrets only."
    log "  Back the database up at the same time with its server's own means (pg_basebackup, or pg_dump of the server's version or newer, or your provider's point-in-time recovery)."
    echo "database=external" >> "$manifest"
    tar -cf "$tar" -C "$work" backup
    [[ ! -d "$VAR/storage" ]] || tar -rf "$tar" -C "$VAR" storage
  else
    [[ -f "$VAR/pgdata/PG_VERSION" ]] || die "no embedded database in $VAR/pgdata: nothing to back up"
    if ! db_running "$VAR"; then
      log "PostgreSQL is not running: starting it for the backup"
      db_setup "$VAR" "${SEJOUR_DB_PORT:-5432}" "$VAR/credentials.properties"
      BACKUP_STARTED_DB=true
    fi
    local archive; archive="$(wal_archive_of "$VAR")"
    [[ -n "$archive" ]] || die "PostgreSQL runs without WAL archiving (started by an older ./sejour): restart it (./sejour stop; ./sejour start)"
    log "Base backup of the embedded PostgreSQL (WAL archive $archive)"
    # Photos: a file is written before its row commits and deleted after its row's removal
    # commits, so the files the backup's rows name all exist at some moment of the copy. They are
    # copied with the database files, and those written since are added once the database part
    # ends: only a photo uploaded and deleted again within these seconds can be missed.
    local photos=() since="$work/photos-copied-since"
    [[ ! -d "$VAR/storage" ]] || photos=(storage)
    touch "$since"
    local result
    result="$(base_backup "$VAR" "$(basename "$file")" "$work/pgdata" "$tar" "${photos[@]}")" \
      || die "the base backup failed (see above)"
    echo "database=embedded" >> "$manifest"
    echo "$result" >> "$manifest"
    echo "pg_binaries=$PG_BINARIES_VERSION" >> "$manifest"
    local start_wal stop_wal seg
    start_wal="$(sed -n 's/^start_wal=//p' <<<"$result")"
    stop_wal="$(sed -n 's/^stop_wal=//p' <<<"$result")"
    stop_time="$(sed -n 's/^stop_time=//p' <<<"$result")"
    wal_archive_claim "$archive" "$(sed -n 's/^system_identifier=//p' <<<"$result")"
    # pg_backup_stop has waited until these are archived; check, then take them along
    for seg in $(wal_segments_between "$start_wal" "$stop_wal"); do
      [[ -f "$archive/$seg.gz" ]] || die "WAL segment $seg is missing from $archive"
      cp "$archive/$seg.gz" "$work/backup/wal/"
    done
    cp "$archive/$start_wal".*.backup.gz "$work/backup/wal/"
    find "$archive" -maxdepth 1 -name '*.history.gz' -exec cp {} "$work/backup/wal/" \;
    ls "$work/pgdata/tablespace_map" >/dev/null 2>&1 && die "tablespaces are not supported by ./sejour backup"
    tar -rf "$tar" -C "$work" pgdata/backup_label backup
    ((${#photos[@]} == 0)) || tar -rf "$tar" -C "$VAR" --newer="$since" "${photos[@]}"
  fi
  local secrets; mapfile -t secrets < <(var_secret_files "$VAR")
  ((${#secrets[@]} == 0)) || tar -rf "$tar" -C "$VAR" "${secrets[@]}"
  # guests' personal data and the secrets: for the owner of the file only
  chmod 600 "$tar"
  gzip -1 "$tar"
  mv "$tar.gz" "$file"
  rm -rf "$work"
  trap - EXIT
  if $BACKUP_STARTED_DB; then db_stop "$VAR"; fi
  log "Backup written: $file ($(human_size "$file"), $(seconds_since "$t0") s)${stop_time:+; database as of $stop_time}"
  echo "$file"
  [[ -n "${SEJOUR_DB_HOST:-}" ]] || backup_prune "$dir" "$(wal_archive_of "$VAR")"
}

# Retention: the newest SEJOUR_BACKUP_KEEP (7) archives of the backup folder stay, older ones go,
# and so does the WAL from before the oldest one kept (it can roll none of them forward).
# Timeline history files stay: they are tiny and every recovery after a restore reads them.
backup_prune() {
  local dir="$1" archive="$2" keep="${SEJOUR_BACKUP_KEEP:-7}"
  [[ "$keep" =~ ^[1-9][0-9]*$ ]] || die "SEJOUR_BACKUP_KEEP must be a whole number of 1 or more (is '$keep')"
  local backups; mapfile -t backups < <(find "$dir" -maxdepth 1 -name 'sejour-*.tar.gz' -printf '%f\n' | sort)
  if ((${#backups[@]} == 0)); then
    log "No backup in $dir: the WAL archive is not pruned"
    return
  fi
  local i
  for ((i = 0; i < ${#backups[@]} - keep; i++)); do
    log "Removing old backup $dir/${backups[i]} (SEJOUR_BACKUP_KEEP=$keep)"
    rm -f "$dir/${backups[i]}"
  done
  local oldest="${backups[$(( ${#backups[@]} > keep ? ${#backups[@]} - keep : 0 ))]}" marker="" m
  for m in "$archive"/*.backup.gz; do
    [[ -f "$m" ]] && zcat "$m" | grep -qx "LABEL: $oldest" && marker="$(basename "$m")"
  done
  if [[ -z "$marker" ]]; then
    log "The WAL archive $archive has no start of $oldest: it is not pruned"
    return
  fi
  local first="${marker:8:16}" name pruned=0
  for m in "$archive"/*; do
    name="$(basename "$m")"
    [[ "$name" =~ ^[0-9A-F]{24}(\.partial|\.[0-9A-F]{8}\.backup)?\.gz$ ]] || continue
    if [[ "${name:8:16}" < "$first" ]]; then rm -f "$m"; pruned=$((pruned + 1)); fi
  done
  ((pruned == 0)) || log "Pruned $pruned WAL files older than $oldest from $archive"
}

# ./sejour restore FILE [--target-time 'YYYY-MM-DD HH:MM:SS'] [--force]
cmd_restore() {
  local file="" target="" given_target="" force=false
  while (($#)); do
    case "$1" in
      --target-time) (($# >= 2)) || usage_backup; given_target="$2"; shift 2 ;;
      --force) force=true; shift ;;
      -*) usage_backup ;;
      *) [[ -z "$file" ]] || usage_backup; file="$1"; shift ;;
    esac
  done
  [[ -n "$file" ]] || usage_backup
  [[ -f "$file" && -r "$file" ]] || die "cannot read $file"
  file="$(realpath "$file")"
  if [[ -n "$given_target" ]]; then
    # the operator's local time unless the value names its zone; given to PostgreSQL with its offset
    target="$(date -d "$given_target" '+%Y-%m-%d %H:%M:%S%:z' 2>/dev/null)" \
      || die "--target-time: not a date and time: $given_target"
  fi
  local t0; t0="$(now_ns)"

  local running=()
  domain_running sejour 2>/dev/null && running+=("the Payara domain sejour")
  db_running "$VAR" 2>/dev/null && running+=("the embedded PostgreSQL of $VAR")
  local live=() f
  [[ -e "$VAR/pgdata" ]] && live+=(pgdata)
  [[ -d "$VAR/storage" && -n "$(ls -A "$VAR/storage")" ]] && live+=(storage)
  while read -r f; do [[ -n "$f" ]] && live+=("$f"); done < <(var_secret_files "$VAR" 2>/dev/null)
  if ! $force; then
    ((${#running[@]} == 0)) || die "restore refused: $(join_and "${running[@]}") running; stop Séjour (./sejour stop), or pass --force to stop it and set the current data aside"
    ((${#live[@]} == 0)) || die "restore refused: $VAR already holds data (${live[*]}); pass --force to set it aside in $VAR/replaced-<time>/ and restore"
  fi

  local work; work="$(mktemp -d "$VAR/.restore.XXXXXX" 2>/dev/null || { mkdir -p "$VAR" && mktemp -d "$VAR/.restore.XXXXXX"; })"
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" EXIT
  log "Reading $file"
  tar -xzf "$file" -C "$work" || die "$file is not a readable Séjour backup (tar/gzip failed)"
  local manifest="$work/backup/manifest"
  [[ -f "$manifest" ]] || die "$file is not a Séjour backup (no backup/manifest)"
  local format database stop_time version created
  format="$(sed -n 's/^format=//p' "$manifest")"
  created="$(sed -n 's/^created=//p' "$manifest")"
  database="$(sed -n 's/^database=//p' "$manifest")"
  stop_time="$(sed -n 's/^stop_time=//p' "$manifest")"
  version="$(sed -n 's/^server_version_num=//p' "$manifest")"
  [[ "$format" == "$BACKUP_FORMAT" ]] || die "$file has backup format '$format'; this ./sejour reads $BACKUP_FORMAT"
  if [[ "$database" == embedded ]]; then
    [[ -z "${SEJOUR_DB_HOST:-}" ]] || die "$file holds the embedded database, but SEJOUR_DB_HOST names an external one: unset it to restore"
    [[ "$((version / 10000))" == "${PG_BINARIES_VERSION%%.*}" ]] \
      || die "$file holds a PostgreSQL $((version / 10000)) database; the embedded binaries are $PG_BINARIES_VERSION"
    local archive owner; archive="$(wal_archive_dir "$VAR")"
    owner="$(cat "$archive/$WAL_ARCHIVE_OWNER_FILE" 2>/dev/null || true)"
    if [[ -n "$owner" && "$owner" != "$(sed -n 's/^system_identifier=//p' "$manifest")" ]]; then
      die "the WAL archive $archive belongs to another database (cluster $owner): set SEJOUR_WAL_ARCHIVE to the archive of the server $file was taken from"
    fi
    if [[ -n "$target" && "$(date -d "$target" +%s)" -lt "$(date -d "$stop_time" +%s)" ]]; then
      die "--target-time $target is before the end of this backup ($stop_time): restore an older backup"
    fi
  elif [[ -n "$target" ]]; then
    die "$file holds no database (it was made with an external one): --target-time does not apply"
  fi

  if ((${#running[@]})); then
    log "Stopping what runs (--force)"
    domain_stop sejour || true
    db_stop "$VAR"
  fi
  local aside=""
  local domain="$DOMAINS/sejour"
  if ((${#live[@]})) || [[ -d "$domain" ]]; then
    aside="$VAR/replaced-$(date +%Y%m%d-%H%M%S)"
    mkdir -p "$aside"
    for f in "${live[@]}"; do mv "$VAR/$f" "$aside/"; done
    # the domain holds the secrets of the data it served (pool and admin passwords):
    # ./sejour start makes a new one from the restored secrets
    [[ -d "$domain" ]] && mv "$domain" "$aside/payara-domain-sejour"
    log "Set the current data aside in $aside"
  fi

  # under root, names in the archive map to this machine's users: the system user must exist first
  [[ "$(id -u)" != 0 ]] || system_user
  if [[ -d "$work/storage" ]]; then
    # an empty photo folder (a first start without photos) is no data: the archive's takes its place
    [[ ! -d "$VAR/storage" ]] || rmdir "$VAR/storage"
    mv "$work/storage" "$VAR/storage"
    system_own "$VAR/storage"
  fi
  while read -r f; do [[ -n "$f" ]] && mv "$work/$f" "$VAR/$f"; done < <(var_secret_files "$work")
  local reached=""
  if [[ "$database" == embedded ]]; then
    mv "$work/pgdata" "$VAR/pgdata"
    # the server reads the backup's own WAL from the work folder during the recovery
    chmod 711 "$work"
    system_own "$VAR/pgdata" "$work/backup"
    chmod 700 "$VAR/pgdata"
    pg_fetch
    # the WAL of a pgdata set aside: its newest segment, never archived (the one being written when
    # it stopped), lets the recovery reach its last commit
    local old_wal=()
    [[ ! -d "$aside/pgdata/pg_wal" ]] || old_wal=("$aside/pgdata/pg_wal")
    reached="$(recover_database "$VAR" "$target" "$work/backup/wal" "${old_wal[@]}")" || {
      restore_undo "$aside"
      die "restore failed: $VAR is as before (see $VAR/pgrun/restore.log)"
    }
  fi
  rm -rf "$work"
  trap - EXIT

  log "Restored $file into $VAR in $(seconds_since "$t0") s"
  if [[ "$database" == embedded ]]; then
    log "  database: backup of $stop_time${reached:+, $reached}"
    log "  WAL archive: $(wal_archive_dir "$VAR") (the restored database archives there from now on; take a new backup once it runs)"
  else
    log "  photos and secrets only (made with an external database): restore that database with its own means, to the moment of $created"
  fi
  [[ -z "$aside" ]] || log "  the data it replaced: $aside (delete it once the restore is checked)"
  log "  next: ./sejour start"
}

# undoes a failed restore: removes what it placed, brings back what it set aside
restore_undo() {
  local aside="$1" f
  db_stop "$VAR" 2>/dev/null || true
  rm -rf "$VAR/pgdata" "$VAR/storage"
  while read -r f; do [[ -n "$f" ]] && rm -f "$VAR/$f"; done < <(var_secret_files "$VAR")
  if [[ -n "$aside" ]]; then
    [[ -d "$aside/payara-domain-sejour" ]] && mv "$aside/payara-domain-sejour" "$DOMAINS/sejour"
    for f in "$aside"/* ; do [[ -e "$f" ]] && mv "$f" "$VAR/"; done
    rmdir "$aside"
  fi
}

# recover_database DIR TARGET BACKUP-WAL-DIR [MORE-WAL-DIR]: replays the WAL of the backup, then
# the archive's (up to TARGET when given), with no TCP listener, and stops; prints how far it got.
recover_database() {
  local dir="$1" target="$2" backup_wal="$3" more_wal=("${@:4}")
  local data="$dir/pgdata" run="$dir/pgrun" log="$dir/pgrun/restore.log" archive; archive="$(wal_archive_dir "$dir")"
  mkdir -p "$run"; system_own "$run"
  : > "$log"; system_own "$log"
  local settings=("restore_command = $(pg_conf_quote "$(wal_restore_command "$archive" "$backup_wal" "${more_wal[@]}")")"
    "recovery_target_timeline = 'latest'" "recovery_target_action = 'promote'")
  [[ -z "$target" ]] || settings+=("recovery_target_time = '$target'")
  wal_archive_configure "$dir" "${settings[@]}"
  touch "$data/recovery.signal"; system_own "$data/recovery.signal"
  log "Replaying WAL from $archive${target:+ up to $target}"
  as_system_user "$PG_HOME/bin/pg_ctl" -D "$data" -l "$log" -W \
      -o "-p ${SEJOUR_DB_PORT:-5432} -k $run -c listen_addresses=" start >/dev/null
  local status="" waited=0
  for waited in $(seq 1 60); do [[ -f "$data/postmaster.pid" ]] && break; sleep 0.5; done
  waited=0
  while true; do
    sleep 0.5
    status="$(sed -n 8p "$data/postmaster.pid" 2>/dev/null | tr -d ' ')"
    [[ ! -f "$data/recovery.signal" && "$status" == ready ]] && break
    if ! as_system_user "$PG_HOME/bin/pg_ctl" -D "$data" status >/dev/null 2>&1 && [[ ! -f "$data/postmaster.pid" ]]; then
      grep -E 'FATAL|PANIC' "$log" | tail -3 >&2
      if grep -q 'recovery ended before configured recovery target was reached' "$log"; then
        local point; point="$(recovery_point "$log")"
        log "the WAL in $archive ends before $target${point:+ (its last transaction: $point)}: choose an earlier time"
      fi
      return 1
    fi
    waited=$((waited + 1))
    ((waited % 30)) || log "  still replaying: $(grep -o 'restored log file "[^"]*"' "$log" | tail -1)"
  done
  as_system_user "$PG_HOME/bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  wal_archive_configure "$dir"
  local point; point="$(recovery_point "$log")"
  echo "WAL replayed to ${point:-the end of the backup}"
}

# the time of the last transaction a recovery replayed, from its log
recovery_point() {
  sed -n -e 's/.*last completed transaction was at log time \(.*\)/\1/p' \
         -e 's/.*recovery stopping before commit of transaction [0-9]*, time \(.*\)/before \1/p' "$1" | tail -1
}

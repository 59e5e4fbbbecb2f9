#!/usr/bin/env bash
# Runs Séjour on Payara Server 6 with PostgreSQL, and runs its tests.
#   start   build if needed, fetch Payara, start PostgreSQL and the domain, deploy, seed the demo owner
#   stop    stop the domain and the embedded PostgreSQL
#   status  say what runs
#   test    unit tests, then in-container and browser tests on a separate test domain and database
#   backup  [FILE] one archive of the database (online base backup + WAL), photos and secrets (docs/operations.md)
#   restore FILE [--target-time 'YYYY-MM-DD HH:MM:SS'] [--force]  back into an empty var/, to a point in time if asked
#   bench   the benchmarks (engine, planning, channels, dossiers, public API load), or the one named (./sejour bench DossierBenchmark),
#           on a fresh test domain and database; prints their figures
#   drill   the restart drill: stops, kills and starts under booking load, on a fresh test domain and database
#   cluster-drill  the cluster drill: a Deployment Group of two instances behind HAProxy, a member killed under load
#   (SEJOUR_REPLICA=true: start and stop a hot standby of the embedded PostgreSQL too; status says its lag)
# Settings (environment): see README.md, "Settings".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONFIG="$ROOT/server-config"
VAR="${SEJOUR_VAR:-$ROOT/var}"
PAYARA_VERSION="6.2025.9"
PG_BINARIES_VERSION="17.6.0"
PAYARA_HOME="$VAR/payara6"
MVN="mvn -B -q -Dstyle.color=never"

log() { printf '[sejour] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# shellcheck source=server-config/lib/system-user.sh
source "$CONFIG/lib/system-user.sh"
# shellcheck source=server-config/lib/postgres.sh
source "$CONFIG/lib/postgres.sh"
# shellcheck source=server-config/lib/payara.sh
source "$CONFIG/lib/payara.sh"
# shellcheck source=server-config/lib/backup.sh
source "$CONFIG/lib/backup.sh"
# shellcheck source=server-config/lib/group.sh
source "$CONFIG/lib/group.sh"
# shellcheck source=server-config/lib/replica.sh
source "$CONFIG/lib/replica.sh"

# What the script runs besides itself; a new machine hears in one line what it lacks.
require_tools() {
  local tool missing=()
  declare -A package=([java]=openjdk-17-jdk-headless [mvn]=maven [curl]=curl [unzip]=unzip [xz]=xz-utils [tar]=tar
    [useradd]=passwd [runuser]=util-linux)
  local tools=(java mvn curl unzip xz tar)
  [[ "$(id -u)" != 0 ]] || tools+=(useradd runuser)  # root hands the servers to a system user
  for tool in "${tools[@]}"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("${package[$tool]}")
  done
  ((${#missing[@]} == 0)) || die "missing on this machine: ${missing[*]} (Debian: apt-get install ${missing[*]})"
}

ear_file() { echo "$ROOT/ear/target/sejour.ear"; }

build_if_needed() {
  local ear; ear="$(ear_file)"
  if [[ -f "$ear" && -z "$(find "$ROOT" -path "$ROOT/var" -prune -o -path '*/target' -prune -o \
        \( -name '*.java' -o -name '*.xhtml' -o -name '*.xml' -o -name '*.properties' -o -name '*.sql' -o -name '*.css' -o -name '*.js' -o -name '*.jrxml' \) \
        -newer "$ear" -print -quit)" ]]; then
    log "EAR is up to date"
    return
  fi
  log "Building (mvn install, unit tests skipped; './sejour test' runs them)"
  (cd "$ROOT" && $MVN install -DskipTests -DskipITs)
}

# one generated secret per name, kept under var/ (never committed)
secret() {
  local file="$1" key="$2"
  mkdir -p "$(dirname "$file")"
  touch "$file"; chmod 600 "$file"
  local value; value="$(grep -E "^$key=" "$file" | cut -d= -f2- || true)"
  if [[ -z "$value" ]]; then
    value="$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
    echo "$key=$value" >> "$file"
  fi
  echo "$value"
}

# The address guests reach Séjour at, for the links in their mails (balance payment links):
# payara.sh gives the domain http://localhost:<port>/ when it is unset, which is right for a
# trial on this machine only. A real server (SEJOUR_DEMO=false, or served over HTTPS with
# SEJOUR_COOKIE_SECURE=true) refuses to start without it rather than mail guests dead links.
public_url_check() {
  local port="$1" url="${SEJOUR_PUBLIC_URL:-}"
  if [[ -z "$url" ]]; then
    if [[ "${SEJOUR_DEMO:-true}" == false || "${SEJOUR_COOKIE_SECURE:-false}" == true ]]; then
      die "SEJOUR_PUBLIC_URL is not set: the payment links in guests' mails would point to http://localhost:$port/. \
Set it to the address guests reach Séjour at (e.g. SEJOUR_PUBLIC_URL=https://booking.example.com/)"
    fi
    log "SEJOUR_PUBLIC_URL is not set: guests' mail links point to http://localhost:$port/ (fine for a trial on this machine only)"
  elif [[ ! "$url" =~ ^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/.*)?$ ]]; then
    die "SEJOUR_PUBLIC_URL must be an http:// or https:// address, not '$url'"
  fi
}

cmd_start() {
  local port="${SEJOUR_HTTP_PORT:-8080}" count
  local creds="$VAR/credentials.properties"
  count="$(group_size)"
  public_url_check "$port"
  build_if_needed
  payara_fetch
  db_setup "$VAR" "${SEJOUR_DB_PORT:-5432}" "$creds"
  # replica (replica.sh): a hot standby when SEJOUR_REPLICA=true
  if [[ -z "${SEJOUR_DB_HOST:-}" ]]; then if replica_enabled; then replica_start "$VAR"; else replica_off "$VAR"; fi; fi
  [[ -d "$DOMAINS/sejour" ]] || domain_create sejour $((port - 80))
  domain_running sejour || public_port_close_offline sejour
  server_libraries sejour
  domain_configure sejour "$port" "$creds" "$VAR/storage" "${SEJOUR_DEMO:-true}"
  if ((count > 1)); then
    # the DAS administers; the balancer takes the public port and the group's members serve
    public_port sejour false
    group_start "$count" "$port"
  else
    group_leave
    deploy sejour "$(ear_file)"
    domain_up sejour
  fi
  local how=""; ((count == 1)) || how=" (a Deployment Group of $count instances behind HAProxy)"
  log "Séjour is ready and open at http://localhost:$port/$how"
  local demo_password; demo_password="$(secret "$creds" demo.password)"
  cat <<MSG

  Séjour is running:  http://localhost:$port/
  Demo owner login:   demo@sejour.test / $demo_password
  Operator login:     operator / $(secret "$creds" operator.password)
  Health:             http://localhost:$port/health (ready: /health/ready, live: /health/live)
  (passwords are kept in $creds)

MSG
}

cmd_stop() {
  group_stop || true
  domain_down sejour || true
  replica_stop "$VAR" || true  # replica (replica.sh)
  db_stop "$VAR" || true
}

cmd_status() {
  if domain_running sejour && [[ -n "$(group_instances)" ]] && haproxy_running; then
    log "Payara domain 'sejour' is running: the DAS of the Deployment Group $GROUP"
  elif domain_running sejour; then
    local open; open="$(admin_rest sejour GET "${PUBLIC_LISTENER//.//}" 2>/dev/null \
        | grep -o '"enabled" *: *"[a-z]*"' | grep -o 'true\|false' | head -1)"
    if app_ready sejour; then
      log "Payara domain 'sejour' is running; Séjour is ready; public port ${open:+$([[ $open == true ]] && echo open || echo closed)}"
    else
      log "Payara domain 'sejour' is running; Séjour is NOT ready (/health/ready)"
    fi
  else
    log "Payara domain 'sejour' is stopped"
  fi
  group_status
  if db_running "$VAR"; then log "embedded PostgreSQL is running"; else log "embedded PostgreSQL is not running (or an external one is used)"; fi
  replica_status "$VAR"  # replica (replica.sh)
}

# Runs Maven with a fresh test domain and database; extra arguments go to Maven. The domain and
# database are set up (and the function named by ALONGSIDE, if any, is run) while Maven builds and
# runs the unit tests: each of the three is mostly one busy thread, and the machine has two cores
# or more. The in-container and browser tests run once all three are done.
with_test_server() {
  local tvar="$VAR/test"
  local creds="$tvar/credentials.properties"
  # Chromium refuses port 10080 (ERR_UNSAFE_PORT), hence 11000 as the default base
  local base="${SEJOUR_TEST_PORT_BASE:-11000}"
  local http=$((base + 80)) admin=$((base + 48)) dbport="${SEJOUR_TEST_DB_PORT:-15432}"
  # fetched first: two Maven processes writing one artifact into ~/.m2 at once could spoil it
  payara_fetch
  pg_fetch
  postgres_driver >/dev/null
  # and the system user made (under root), so that no two of the jobs below create it at once
  system_user
  # a fresh database and domain for every run: tests start from nothing
  domain_stop sejour-test 2>/dev/null || true
  db_stop "$tvar" 2>/dev/null || true
  rm -rf "$tvar" "$DOMAINS/sejour-test"
  mkdir -p "$tvar"
  local logs="$VAR/test-logs"
  rm -rf "$logs"; mkdir -p "$logs"
  ( SEJOUR_DB_HOST="" db_setup "$tvar" "$dbport" "$creds"
    # the mail tests start their SMTP server (GreenMail) on this port inside the test domain
    SEJOUR_SMTP_HOST=localhost SEJOUR_SMTP_PORT=$((base + 25)) \
        domain_configure sejour-test "$http" "$creds" "$tvar/storage" false "$base"
    domain_stop sejour-test ) > "$logs/test-server.log" 2>&1 &
  local setup=$! alongside=""
  if [[ -n "${ALONGSIDE:-}" ]]; then
    ( "$ALONGSIDE" ) > "$logs/$ALONGSIDE.log" 2>&1 &
    alongside=$!
  fi
  local rc=0
  # Arquillian (and the crash-recovery test) start the domain with asadmin; under root they get a
  # java that runs as the system user, so the suite runs Payara as production does
  local as_java="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
  if [[ "$(id -u)" == 0 ]]; then
    mkdir -p "$tvar/java/bin"
    # (the server JVM that asadmin launches finds this java too, already as the system user)
    cat > "$tvar/java/bin/java" <<JAVA
#!/bin/sh
[ "\$(id -u)" = 0 ] || exec "$as_java/bin/java" "\$@"
exec runuser -u "$SYSTEM_USER" -- env HOME="$VAR/home" "$as_java/bin/java" "\$@"
JAVA
    chmod 755 "$tvar/java/bin/java"
    as_java="$tvar/java"
  fi
  # a run that hangs would end only at CI's own time limit, saying nothing of why: after this
  # long, print what the server's threads and the database's sessions are doing, then kill the
  # test domain so that the run ends with the tests left failing
  local watchdog=$(( ${SEJOUR_TEST_WATCHDOG_MINUTES:-55} * 60 ))
  # (the sleep holds no output open: a CI reading the run's output to its end must not wait for it)
  ( trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
    sleep "$watchdog" >/dev/null 2>&1 & sleeper=$!
    wait "$sleeper" && hang_report sejour-test "$tvar" "$dbport" ) &
  local watchdog_pid=$!
  # the build and the unit tests; the EAR module's tests need the server, below
  (cd "$ROOT" && mvn -B install -DskipITs "$@") || rc=$?
  local job ok
  for job in "$setup:test-server" "${alongside:+$alongside:$ALONGSIDE}"; do
    [[ -n "$job" ]] || continue
    ok=true; wait "${job%%:*}" || ok=false
    cat "$logs/${job#*:}.log" >&2
    $ok || { log "ERROR: ${job#*:} failed"; rc=1; }
  done
  if ((rc == 0)); then
    (cd "$ROOT" && AS_JAVA="$as_java" mvn -B install -pl ear \
        -Dpayara.home="$PAYARA_HOME" -Dsejour.test.domain=sejour-test \
        -Dsejour.test.adminPassword="$(secret "$creds" admin.password)" \
        -Dsejour.test.adminPort="$admin" -Dsejour.test.httpPort="$http" -Dsejour.test.smtpPort=$((base + 25)) \
        -Dsejour.test.dbUrl="jdbc:postgresql://localhost:$dbport/sejour" \
        -Dsejour.test.credentials="$creds" "$@") || rc=$?
  fi
  kill "$watchdog_pid" 2>/dev/null || true
  domain_stop sejour-test 2>/dev/null || true
  db_stop "$tvar" || true
  return $rc
}

# hang_report DOMAIN DB-DIR DB-PORT: the threads of the domain that run Séjour's or the tests' code,
# and the database sessions not idle, then the domain killed
hang_report() {
  local name="$1" dir="$2" port="$3"
  log "The tests have run for ${SEJOUR_TEST_WATCHDOG_MINUTES:-55} minutes: what the server is doing"
  # Payara's report: one block per thread, each opened by this heading; the statistics lines left out
  asadmin_to "$name" generate-jvm-report --type=thread 2>&1 | awk '
    /^Thread Execution Information:/ { if (b ~ /org\.sejour|arquillian|Exception|rror/) printf "%s", b; b = "" }
    !/^(Number of times|Total CPU|User-level CPU|Thread Synchronization|-----)/ { b = b $0 "\n" }
    END { if (b ~ /org\.sejour|arquillian|Exception|rror/) printf "%s", b }' | head -n 600
  log "Database sessions not idle"
  PGUSER=postgres PGPASSWORD="$(secret "$dir/credentials.properties" db.superuser.password)" \
    pg_client sql "jdbc:postgresql://localhost:$port/postgres" <<'SQL' 2>&1 | head -n 100
select pid, state, wait_event_type || ':' || wait_event, now() - xact_start, pg_blocking_pids(pid)::text,
       left(regexp_replace(query, '\s+', ' ', 'g'), 300)
from pg_stat_activity where datname = 'sejour' and state <> 'idle' and pid <> pg_backend_pid()
SQL
  log "Killing $name: the tests still running fail"
  asadmin --user admin --passwordfile "$(admin_passfile "$name")" stop-domain --kill=true "$name" >/dev/null 2>&1 || true
}

# The script's own tests (server-config/test), each on databases of its own: a first start by a
# system user that does not exist yet, the public address check, the configuration's digest, the
# backup drill and the replica drill.
script_tests() {
  log "The script's own tests (server-config/test)"
  pg_fetch
  bash "$CONFIG/test/first-start-test.sh" $((${SEJOUR_TEST_DB_PORT:-15432} + 1)) || die "first-start-test.sh failed"
  bash "$CONFIG/test/public-url-test.sh" || die "public-url-test.sh failed"
  bash "$CONFIG/test/settings-digest-test.sh" || die "settings-digest-test.sh failed"
  # shellcheck source=server-config/test/backup-drill.sh
  source "$CONFIG/test/backup-drill.sh"
  backup_drill
  # replica (replica.sh): about 40 s
  bash "$CONFIG/test/replica-drill.sh" $((${SEJOUR_TEST_DB_PORT:-15432} + 4)) || die "replica-drill.sh failed"
}

# Extra arguments go to Maven, e.g. ./sejour test -Dit.test=PlanningIT -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false
# The script's tests run too (beside the build): always, unless -Dit.test names other tests only;
# -Dit.test=ScriptTests runs them alone.
cmd_test() {
  local selected="" arg alongside="" started=$SECONDS
  for arg in "$@"; do [[ "$arg" == -Dit.test=* ]] && selected="${arg#-Dit.test=}"; done
  if [[ "$selected" == ScriptTests ]]; then
    script_tests
    return 0
  fi
  [[ -n "$selected" && ",$selected," != *,ScriptTests,* ]] || alongside=script_tests
  log "Unit, in-container and browser tests (Arquillian starts the test domain once)"
  [[ -z "$alongside" ]] || log "The script's own tests (server-config/test) run beside the build; their output follows it"
  ALONGSIDE="$alongside" with_test_server "$@"
  log "Tests passed in $((SECONDS - started)) s"
}

# ./sejour bench [class]: every benchmark unless one is named
cmd_bench() {
  local bench="${1:-EngineBenchmark,PlanningBenchmark,ChannelBenchmark,DossierBenchmark,ApiLoadBenchmark,MailBenchmark,MessageBenchmark,ContractBenchmark,ReportBenchmark}"
  [[ "$bench" =~ ^[A-Za-z]+Benchmark(,[A-Za-z]+Benchmark)*$ ]] || { echo "usage: ./sejour bench [SomeBenchmark]" >&2; exit 2; }
  local report="$DOMAINS/sejour-test/tmp/sejour-bench.txt"  # the server writes to its java.io.tmpdir
  rm -f "$report"
  log "Benchmarks $bench, each seeding its own data in a fresh test database"
  [[ "$bench" != *ApiLoadBenchmark* ]] || command -v wrk >/dev/null 2>&1 \
    || log "wrk is not installed: ApiLoadBenchmark skips its wrk phases (Debian: apt-get install wrk)"
  # each appends its figures to the report; a benchmark that misses a correctness check fails the run
  # ApiLoadBenchmark drives the public API from one address: lift its rate limit (10/s) for this run only
  SEJOUR_API_RATE_PER_SECOND="${SEJOUR_API_RATE_PER_SECOND:-100000}" \
  with_test_server -DskipTests=false -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
      -Dit.test="$bench" -Dfailsafe.failIfNoSpecifiedTests=false -q
  echo; cat "$report"
}

# ./sejour drill: the restart drill (ear/src/test/java/org/sejour/it/recovery/RestartDrill.java) on a
# fresh test domain and database; about a quarter of an hour; prints how long each restart took
cmd_drill() {
  local report="$DOMAINS/sejour-test/tmp/sejour-drill.txt"
  rm -f "$report"
  log "Restart drill: stops, kills and starts of the test domain and its database, under booking load"
  # the load comes from one address: lift the public API's rate limit for this run only
  SEJOUR_API_RATE_PER_SECOND="${SEJOUR_API_RATE_PER_SECOND:-100000}" \
  with_test_server -DskipTests=false -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
      -Dit.test=RestartDrill -Dfailsafe.failIfNoSpecifiedTests=false -q
  echo; cat "$report"
}

main() {
  case "${1:-}" in
    start|test|bench|drill|cluster-drill|backup|restore) require_tools ;;
  esac
  case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    test) shift; cmd_test "$@" ;;
    bench) shift; cmd_bench "$@" ;;
    drill) cmd_drill ;;
    cluster-drill) shift; cmd_cluster_drill "$@" ;;
    backup) shift; cmd_backup "$@" ;;
    restore) shift; cmd_restore "$@" ;;
    *) echo "usage: ./sejour start|stop|status|test|bench [SomeBenchmark]|drill|cluster-drill|backup [FILE]|restore FILE [--target-time T] [--force]" >&2
       exit 2 ;;
  esac
}

# sourced by the script's own tests (server-config/test), run otherwise
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi

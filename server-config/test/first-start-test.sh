#!/usr/bin/env bash
# The first start on a machine that has never seen Séjour: under root the embedded PostgreSQL is
# created, owned by and run as a system user that does not exist yet; as anyone else, as that
# person. Starts a throwaway database in a folder of its own and removes everything afterwards.
#   usage: first-start-test.sh PORT   (needs var/pgsql, fetched by ./sejour test before it runs this)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${1:?port}"
root="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
chmod 755 "$tmp"
user="sejourfs$$"

cleanup() {
  set +e
  [[ -f "$tmp/var/pgdata/postmaster.pid" ]] && db_stop "$tmp/var" >/dev/null 2>&1
  if [[ "$(id -u)" == 0 ]] && id "$user" >/dev/null 2>&1; then userdel "$user"; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() { echo "[first-start-test] FAILED: $*" >&2; exit 1; }

if [[ "$(id -u)" == 0 ]] && id "$user" >/dev/null 2>&1; then
  fail "user $user exists already"
fi

export SEJOUR_VAR="$tmp/var" SEJOUR_SYSTEM_USER="$user" SEJOUR_DB_HOST=""
# shellcheck source=server-config/sejour.sh
source "$root/server-config/sejour.sh"
mkdir -p "$VAR"
ln -s "$root/var/pgsql" "$PG_HOME"   # the binaries ./sejour test fetched; read-only here

db_setup "$VAR" "$port" "$VAR/credentials.properties" 2>"$tmp/setup.log" || { cat "$tmp/setup.log" >&2; fail "db_setup"; }

expected="$(id -un)"
[[ "$(id -u)" == 0 ]] && expected="$user"
owner="$(stat -c %U "$VAR/pgdata")"
[[ "$owner" == "$expected" ]] || fail "pgdata belongs to $owner, expected $expected"
pid="$(head -1 "$VAR/pgdata/postmaster.pid")"
runs_as="$(ps -o uid= -p "$pid" | tr -d ' ')"
[[ "$runs_as" == "$(id -u "$expected")" ]] || fail "PostgreSQL runs as uid $runs_as, expected $expected"
grep -q '^db.password=' "$VAR/credentials.properties" || fail "no generated database password"

echo "[first-start-test] passed: a new machine's first start creates the database as $expected and runs it as $expected"

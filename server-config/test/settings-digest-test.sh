#!/usr/bin/env bash
# A restart skips the domain's configuration only when nothing it is made of changed
# (configuration_fingerprint in server-config/lib/payara.sh): the same inputs give the same
# digest; a SEJOUR_* setting, an argument, a secret or the database's address each change it.
# Computes digests only: nothing is started.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
fail() { echo "[settings-digest-test] FAILED: $*" >&2; exit 1; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
printf 'db.password=one\n' > "$work/credentials.properties"

# digest [ENV...] [-- ARGS...]: the digest of a configuration with these settings
digest() {
  local envs=() args=(sejour 8080 "$work/credentials.properties" "$work/storage" true)
  while (($#)); do
    if [[ "$1" == -- ]]; then shift; args=("$@"); break; fi
    envs+=("$1"); shift
  done
  env -i PATH="$PATH" HOME="$work" "${envs[@]}" bash -c \
      'source "$1/server-config/sejour.sh"; DB_HOST=localhost DB_PORT=5432 DB_NAME=sejour DB_USER=sejour
       DB_PASSWORD="${TEST_DB_PASSWORD:-one}"; shift; configuration_fingerprint "$@"' _ "$root" "${args[@]}"
}

base="$(digest)"
[[ "$base" =~ ^[0-9a-f]{64}$ ]] || fail "not a digest: $base"
[[ "$(digest)" == "$base" ]] || fail "the same settings gave another digest"
[[ "$(digest SEJOUR_PUBLIC_URL=https://booking.example.com/)" != "$base" ]] || fail "SEJOUR_PUBLIC_URL left it unchanged"
[[ "$(digest SEJOUR_SMTP_HOST=mail.example.com)" != "$base" ]] || fail "SEJOUR_SMTP_HOST left it unchanged"
[[ "$(digest UNRELATED=1)" == "$base" ]] || fail "a variable the configuration does not read changed it"
[[ "$(digest -- sejour 8081 "$work/credentials.properties" "$work/storage" true)" != "$base" ]] \
    || fail "another HTTP port left it unchanged"
[[ "$(digest TEST_DB_PASSWORD=two)" != "$base" ]] || fail "another database password left it unchanged"
printf 'db.password=one\nadmin.password=new\n' > "$work/credentials.properties"
[[ "$(digest)" != "$base" ]] || fail "a new generated secret left it unchanged"
echo "[settings-digest-test] passed"

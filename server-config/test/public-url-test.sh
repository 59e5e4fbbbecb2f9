#!/usr/bin/env bash
# ./sejour start and SEJOUR_PUBLIC_URL (the address in guests' payment links): a trial on this
# machine may leave it unset, a real server (SEJOUR_DEMO=false or SEJOUR_COOKIE_SECURE=true) may
# not, and a malformed one is refused. Runs the check alone: nothing is started.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
fail() { echo "[public-url-test] FAILED: $*" >&2; exit 1; }

# check ENV... : runs public_url_check 8080 with those settings; prints its exit code and messages
check() {
  env -u SEJOUR_PUBLIC_URL -u SEJOUR_DEMO -u SEJOUR_COOKIE_SECURE "$@" bash -c \
      'source "$1/server-config/sejour.sh"; public_url_check 8080' _ "$root" 2>&1 && echo "rc=0" || echo "rc=$?"
}

out="$(check)"
[[ "$out" == *"rc=0"* && "$out" == *"not set: guests' mail links point to http://localhost:8080/"* ]] \
    || fail "a trial without SEJOUR_PUBLIC_URL should start with a warning: $out"
out="$(check SEJOUR_DEMO=false)"
[[ "$out" == *"rc=1"* && "$out" == *"ERROR: SEJOUR_PUBLIC_URL is not set"* ]] \
    || fail "a server without the demo and without SEJOUR_PUBLIC_URL should be refused: $out"
out="$(check SEJOUR_COOKIE_SECURE=true)"
[[ "$out" == *"rc=1"* && "$out" == *"ERROR: SEJOUR_PUBLIC_URL is not set"* ]] \
    || fail "a server on HTTPS without SEJOUR_PUBLIC_URL should be refused: $out"
out="$(check SEJOUR_DEMO=false SEJOUR_PUBLIC_URL=booking.example.com)"
[[ "$out" == *"rc=1"* && "$out" == *"must be an http:// or https:// address"* ]] \
    || fail "an address without its scheme should be refused: $out"
out="$(check SEJOUR_DEMO=false SEJOUR_COOKIE_SECURE=true SEJOUR_PUBLIC_URL=https://booking.example.com/)"
[[ "$out" == "rc=0" ]] || fail "a set address should pass silently: $out"
echo "[public-url-test] passed"

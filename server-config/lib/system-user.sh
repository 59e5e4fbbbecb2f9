# The unprivileged system user that runs Séjour's servers when the script runs as root.
# PostgreSQL refuses to run as root, and Payara should not: under root both run as this user,
# created on first use (a new machine has none).
SYSTEM_USER="${SEJOUR_SYSTEM_USER:-sejour}"

system_user() {
  [[ "$(id -u)" == 0 && -z "${SYSTEM_USER_READY:-}" ]] || return 0
  if ! id "$SYSTEM_USER" >/dev/null 2>&1; then
    log "Creating the system user $SYSTEM_USER (Séjour's servers do not run as root)"
    useradd --system --no-create-home --shell /usr/sbin/nologin "$SYSTEM_USER"
  fi
  mkdir -p "$VAR/home"
  chown "$SYSTEM_USER" "$VAR/home"
  runuser -u "$SYSTEM_USER" -- test -x "$VAR" \
    || die "the system user $SYSTEM_USER cannot enter $VAR: let other users enter its parent folders (chmod o+x) or set SEJOUR_VAR"
  SYSTEM_USER_READY=1
}

# runs a command as the system user under root (its home a folder of var/), as the caller otherwise
as_system_user() {
  if [[ "$(id -u)" == 0 ]]; then
    system_user
    runuser -u "$SYSTEM_USER" -- env HOME="$VAR/home" "$@"
  else
    "$@"
  fi
}

# hands files to the system user; the user is created first, whichever of the two runs first
system_own() {
  if [[ "$(id -u)" == 0 ]]; then system_user; chown -R "$SYSTEM_USER" "$@"; fi
}


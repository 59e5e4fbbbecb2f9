# Payara Server 6 for Séjour: fetch from Maven Central, create and configure a domain
# idempotently (every run brings it to the same state), deploy, wait until it answers.

DOMAINS="$PAYARA_HOME/glassfish/domains"

payara_fetch() {
  [[ -x "$PAYARA_HOME/bin/asadmin" ]] && return
  log "Fetching Payara Server $PAYARA_VERSION (fish.payara.distributions:payara)"
  local dl="$VAR/download"
  mkdir -p "$dl"
  $MVN dependency:copy -Dartifact="fish.payara.distributions:payara:$PAYARA_VERSION:zip" -DoutputDirectory="$dl"
  unzip -q -o "$dl/payara-$PAYARA_VERSION.zip" -d "$VAR"
  rm -f "$dl/payara-$PAYARA_VERSION.zip"
  # the sample domain is not used; Séjour creates its own
  rm -rf "$DOMAINS/domain1"
}

asadmin() { "$PAYARA_HOME/bin/asadmin" --interactive=false "$@"; }

admin_port() { cat "$DOMAINS/$1/sejour-portbase" 2>/dev/null | awk '{print $1 + 48}'; }

domain_running() {
  local name="$1" port
  port="$(admin_port "$name")" || return 1
  [[ -n "$port" ]] && asadmin --port "$port" list-domains 2>/dev/null | grep -q "^$name running"
}

domain_stop() {
  local name="$1"
  [[ -d "$DOMAINS/$name" ]] || return 0
  if domain_running "$name"; then
    log "Stopping Payara domain $name"
    asadmin stop-domain "$name" >/dev/null
  fi
}

postgres_driver() {
  local dl="$VAR/download" version
  version="$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' "$ROOT/pom.xml")"
  if [[ ! -f "$dl/postgresql-$version.jar" ]]; then
    mkdir -p "$dl"
    $MVN dependency:copy -Dartifact="org.postgresql:postgresql:$version" -DoutputDirectory="$dl" >&2
  fi
  echo "$dl/postgresql-$version.jar"
}

# domain_configure NAME HTTP-PORT CREDENTIALS STORAGE-DIR SEED-DEMO [PORTBASE]
domain_configure() {
  local name="$1" http="$2" creds="$3" storage="$4" demo="$5" portbase="${6:-$(( $2 - 80 ))}"
  local created=false
  if [[ ! -d "$DOMAINS/$name" ]]; then
    log "Creating Payara domain $name (HTTP $http, admin $((portbase + 48)))"
    asadmin create-domain --nopassword --portbase "$portbase" "$name" >/dev/null
    echo "$portbase" > "$DOMAINS/$name/sejour-portbase"
    created=true
  fi
  cp "$(postgres_driver)" "$DOMAINS/$name/lib/"
  local port; port="$(admin_port "$name")"
  if ! domain_running "$name"; then
    log "Starting Payara domain $name"
    asadmin start-domain "$name" >/dev/null
  fi
  local a=(asadmin --port "$port")
  mkdir -p "$storage"

  if $created; then
    # heap and start-up options need a restart, so they are set only once, at creation
    "${a[@]}" delete-jvm-options '-Xmx512m' >/dev/null || true
    "${a[@]}" create-jvm-options '-Xmx768m:-Dfile.encoding=UTF-8' >/dev/null
    # a private temporary directory: Payara stores an uploaded archive as <tmpdir>/<its name>, so
    # domains of several checkouts deploying sejour.ear at once deleted each other's upload
    # ("File source doesn't exist" at the end of a deployment)
    mkdir -p "$DOMAINS/$name/tmp"
    "${a[@]}" create-jvm-options "-Djava.io.tmpdir=$DOMAINS/$name/tmp" >/dev/null
    # Jakarta Mail 2.1.3 looks its StreamProvider up with a ServiceLoader scan of every module on
    # each header it encodes and each message it writes: a quarter of the CPU of sending mail
    # (profiled). Named here, it is a plain class load.
    "${a[@]}" create-jvm-options '-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider' >/dev/null
    "${a[@]}" set-microprofile-healthcheck-configuration --enabled=true >/dev/null
  fi

  if ! "${a[@]}" list-jdbc-connection-pools | grep -qx sejourPool; then
    "${a[@]}" create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
        --restype javax.sql.DataSource --property "serverName=$DB_HOST:portNumber=$DB_PORT:databaseName=$DB_NAME" \
        sejourPool >/dev/null
  fi
  if ! "${a[@]}" list-jdbc-resources | grep -qx jdbc/sejour; then
    "${a[@]}" create-jdbc-resource --connectionpoolid sejourPool jdbc/sejour >/dev/null
  fi
  if ! "${a[@]}" list-javamail-resources | grep -qx mail/sejour; then
    "${a[@]}" create-javamail-resource --mailhost "${SEJOUR_SMTP_HOST:-localhost}" --mailuser sejour \
        --fromaddress "${SEJOUR_MAIL_FROM:-noreply@localhost}" mail/sejour >/dev/null
  fi

  # everything below is idempotent and run in one asadmin session: it reflects the settings of this run.
  # Pool: a connection is checked before use at most every 30 s, not at each checkout (a round trip
  # per transaction). HTTP: Payara's default of 5 worker threads left the CPU idle while they all
  # waited on the database; 64 keeps it busy under the public API's load.
  local pool="resources.jdbc-connection-pool.sejourPool"
  local file; file="$(mktemp)"
  cat > "$file" <<CMDS
set $pool.property.serverName=$DB_HOST
set $pool.property.portNumber=$DB_PORT
set $pool.property.databaseName=$DB_NAME
set $pool.property.user=$DB_USER
set $pool.property.password=$DB_PASSWORD
set $pool.steady-pool-size=4
set $pool.max-pool-size=40
set $pool.connection-validation-method=custom-validation
set $pool.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation
set $pool.is-connection-validation-required=true
set $pool.fail-all-connections=true
set $pool.validate-atmost-once-period-in-seconds=30
set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64
set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=8
# HTTP limits. A body above 26 MiB is refused (413) from its Content-Length, before it is read:
# photo uploads go up to 12 MiB a file and 25 MiB a request (web.xml multipart-config), the API
# refuses above 16 KiB itself. After an early answer, at most 1 MiB more of a body is read and
# thrown away, then the connection is closed. Form posts (Faces) 2 MiB, request headers 8 KiB and
# 100 at most (a body that stops coming is cut by the transport's 30 s read timeout).
set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.max-post-size-bytes=27262976
set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.max-swallowing-input-bytes=1048576
set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.max-form-post-size-bytes=2097152
set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.header-buffer-length-bytes=8192
set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.max-request-headers=100
set resources.mail-resource.mail/sejour.host=${SEJOUR_SMTP_HOST:-localhost}
set resources.mail-resource.mail/sejour.from=${SEJOUR_MAIL_FROM:-noreply@localhost}
set resources.mail-resource.mail/sejour.property.mail-smtp-port=${SEJOUR_SMTP_PORT:-25}
set resources.mail-resource.mail/sejour.property.mail-smtp-connectiontimeout=10000
set resources.mail-resource.mail/sejour.property.mail-smtp-timeout=30000
set resources.mail-resource.mail/sejour.property.mail-smtp-writetimeout=30000
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.port=$http
set-config-property --source=domain --propertyName=sejour.storage.dir --propertyValue=$storage
set-config-property --source=domain --propertyName=sejour.bootstrap.operator-password --propertyValue=$(secret "$creds" operator.password)
set-config-property --source=domain --propertyName=sejour.cookie.secure --propertyValue=${SEJOUR_COOKIE_SECURE:-false}
CMDS
  if [[ "$name" == sejour-test ]]; then
    # the channel tests serve their feeds from loopback, which production refuses (SSRF rules)
    echo "set-config-property --source=domain --propertyName=sejour.channels.allow-private-addresses --propertyValue=true" >> "$file"
  fi
  if [[ "$demo" == true ]]; then
    echo "set-config-property --source=domain --propertyName=sejour.bootstrap.demo-password --propertyValue=$(secret "$creds" demo.password)" >> "$file"
  fi
  # the public API's per-address rate limit stays at its default unless this run asks otherwise:
  # ./sejour bench raises it, since its load comes from one address
  if [[ -n "${SEJOUR_API_RATE_PER_SECOND:-}" ]]; then
    echo "set-config-property --source=domain --propertyName=sejour.api.rateLimit.perSecond --propertyValue=$SEJOUR_API_RATE_PER_SECOND" >> "$file"
  else
    "${a[@]}" delete-config-property --source=domain --propertyName=sejour.api.rateLimit.perSecond >/dev/null 2>&1 || true
  fi
  local out; out="$("${a[@]}" multimode --file "$file" 2>&1)" || true
  rm -f "$file"
  # multimode goes on after a failed command: read its output to notice one
  if grep -qiE 'remote failure|not found|failed|invalid' <<<"$out"; then
    echo "$out" >&2
    die "configuring domain $name failed"
  fi
  "${a[@]}" ping-connection-pool sejourPool >/dev/null || die "Payara cannot reach PostgreSQL at $DB_HOST:$DB_PORT"
  # The Jakarta Batch job repository lives in Séjour's database, next to the rows the jobs
  # write: a chunk's checkpoint then commits in the same transaction as its reminders and mails,
  # and an execution cut off by a server stop is still there at the next start (see
  # docs/documents.md). Payara creates its tables (batch_*, schema public) the first time the
  # batch runtime starts in a JVM and reads this setting only then, hence the restart below. Set
  # once the pool can connect: the command opens a connection to check the database's kind.
  local batch_changed=false
  local batch_conf; batch_conf="$("${a[@]}" get 'configs.config.server-config.batch-runtime-configuration.*' 2>/dev/null || true)"
  if ! grep -q 'data-source-lookup-name=jdbc/sejour$' <<<"$batch_conf" || ! grep -q 'schema-name=public$' <<<"$batch_conf" \
      || ! grep -q 'table-prefix=batch_$' <<<"$batch_conf"; then
    "${a[@]}" set-batch-runtime-configuration --dataSourceLookupName jdbc/sejour --schemaName public \
        --tablePrefix batch_ >/dev/null || die "configuring the batch job repository of $name failed"
    batch_changed=true
  fi
  if $created; then
    log "Restarting $name for its JVM options"
    asadmin restart-domain "$name" >/dev/null
  elif $batch_changed; then
    log "Restarting $name for its batch job repository"
    asadmin restart-domain "$name" >/dev/null
  fi
}

deploy() {
  local name="$1" ear="$2" port; port="$(admin_port "$name")"
  log "Deploying $(basename "$ear") to $name"
  asadmin --port "$port" deploy --force=true --name sejour "$ear" >/dev/null
}

wait_ready() {
  local url="$1" i
  for i in $(seq 1 180); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then
      log "Séjour answers at $url"
      return 0
    fi
    sleep 1
  done
  die "Séjour did not answer at $url within 180 s (see $DOMAINS/*/logs/server.log)"
}

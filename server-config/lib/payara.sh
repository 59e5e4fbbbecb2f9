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

# Each domain has a generated admin password, kept with the other generated secrets of its var
# folder; asadmin reads it from a file only root (or the user running the script) can read.
domain_var() { if [[ "$1" == sejour-test ]]; then echo "$VAR/test"; else echo "$VAR"; fi; }

admin_passfile() {
  local dir; dir="$(domain_var "$1")"
  local file="$dir/asadmin.pass"
  if [[ ! -s "$file" ]]; then
    mkdir -p "$dir"
    (umask 077; printf 'AS_ADMIN_PASSWORD=%s\n' "$(secret "$dir/credentials.properties" admin.password)" > "$file")
  fi
  echo "$file"
}

# asadmin against a domain's admin port, signed in as its administrator
asadmin_to() {
  local name="$1"; shift
  asadmin --user admin --passwordfile "$(admin_passfile "$name")" --port "$(admin_port "$name")" "$@"
}

# Payara's REST administration on the loopback admin port: what asadmin does, without starting a
# JVM for it (2 to 3 s each on two cores, five of them on every restart). The password goes to curl
# on its standard input, never on a command line another user could read.
admin_rest() {
  local name="$1" method="$2" path="$3"; shift 3
  printf 'user = "admin:%s"\n' "$(secret "$(domain_var "$name")/credentials.properties" admin.password)" \
    | curl -fsS -K - --max-time 60 -X "$method" -H 'X-Requested-By: sejour' -H 'Accept: application/json' \
        "http://127.0.0.1:$(admin_port "$name")/management/domain/$path" "$@"
}

# A domain runs when its admin listener answers (any HTTP status: unauthenticated is a 401).
domain_running() {
  local name="$1" port
  port="$(admin_port "$name")" || return 1
  [[ -n "$port" ]] || return 1
  local code; code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/management/domain" || true)"
  [[ -n "$code" && "$code" != 000 ]]
}

# Under root the server runs as the system user that also runs PostgreSQL: it owns its domain
# folder and the photo storage, nothing else.
domain_start() {
  local name="$1"
  # Payara keeps the output of finished admin commands in config/jobs.xml, coloured as its console
  # log is: a failed instance start wrote escape characters there, and the next start of the
  # domain failed on the file it could no longer read. It holds nothing else.
  if grep -qP '\x1b' "$DOMAINS/$name/config/jobs.xml" 2>/dev/null; then
    log "Payara's list of finished admin commands (config/jobs.xml) is unreadable; removing it"
    rm -f "$DOMAINS/$name/config/jobs.xml"
  fi
  system_own "$DOMAINS/$name"
  log "Starting Payara domain $name"
  as_system_user "$PAYARA_HOME/bin/asadmin" --interactive=false start-domain "$name" >/dev/null
  if [[ "$(id -u)" == 0 ]]; then
    local uid; uid="$(ps -o uid= -p "$(cat "$DOMAINS/$name/config/pid")" 2>/dev/null | tr -d ' ')"
    [[ "$uid" == "$(id -u "$SYSTEM_USER")" ]] || die "Payara domain $name runs as uid '${uid:-?}', not as $SYSTEM_USER"
  fi
}

domain_stop() {
  local name="$1"
  [[ -d "$DOMAINS/$name" ]] || return 0
  if domain_running "$name"; then
    log "Stopping Payara domain $name"
    asadmin --user admin --passwordfile "$(admin_passfile "$name")" stop-domain "$name" >/dev/null
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

# A domain created before Séjour set admin passwords (--nopassword) gets its generated one.
admin_password_set() {
  local name="$1"
  asadmin_to "$name" uptime >/dev/null 2>&1 && return 0
  log "Giving domain $name its generated admin password (it had none)"
  local file; file="$(mktemp)"
  printf 'AS_ADMIN_PASSWORD=\nAS_ADMIN_NEWPASSWORD=%s\n' \
      "$(secret "$(domain_var "$name")/credentials.properties" admin.password)" > "$file"
  asadmin --user admin --passwordfile "$file" --port "$(admin_port "$name")" change-admin-password >/dev/null \
      || { rm -f "$file"; die "domain $name refuses its admin password and has no empty one either"; }
  rm -f "$file"
}

# Settings Payara reads at start-up. Only the public HTTP listener is reachable from other
# machines: the admin port (unless SEJOUR_ADMIN_ADDRESS opens it), metrics, JMX, IIOP and the Data
# Grid listen on loopback, the spare HTTPS listener with its self-signed certificate and the message
# broker are off, and no header names the server's version.
# The Deployment Group's configuration gets the same (its name the second argument), with the
# operations listener on each instance's port (OPS_PORT, a system property of the instance). The
# Data Grid is on for a group (SEJOUR_INSTANCES above 1), in the DAS's configuration too.
# Returns 1 when something changed that takes effect at the next start.
startup_settings() {
  local name="$1" cfg="${2:-server-config}" grid=false c="configs.config.${2:-server-config}"
  [[ "${SEJOUR_INSTANCES:-1}" == 1 ]] || grid=true
  local want=(
    "$c.network-config.network-listeners.network-listener.admin-listener.address=${SEJOUR_ADMIN_ADDRESS:-127.0.0.1}"
    "$c.network-config.network-listeners.network-listener.http-listener-2.enabled=false"
    "$c.iiop-service.iiop-listener.orb-listener-1.address=127.0.0.1"
    "$c.iiop-service.iiop-listener.SSL.address=127.0.0.1"
    "$c.iiop-service.iiop-listener.SSL_MUTUALAUTH.address=127.0.0.1"
    "$c.admin-service.jmx-connector.system.address=127.0.0.1"
    "$c.network-config.protocols.protocol.http-listener-1.http.xpowered-by=false"
    "$c.network-config.protocols.protocol.http-listener-1.http.server-header=false"
    # Payara leaves SameSite out of the session cookie whatever the application's cookie config says
    "$c.network-config.protocols.protocol.http-listener-1.http.cookie-same-site-enabled=true"
    "$c.network-config.protocols.protocol.http-listener-1.http.cookie-same-site-value=Lax"
    # the embedded message broker (unused) listens on every interface with admin/admin
    "$c.jms-service.type=DISABLED"
    "$c.network-config.protocols.protocol.admin-listener.http.xpowered-by=false"
    "$c.network-config.protocols.protocol.admin-listener.http.server-header=false"
    # nothing is deployed by dropping a file into a folder, nor reloaded by touching one
    "$c.admin-service.das-config.autodeploy-enabled=false"
    "$c.admin-service.das-config.dynamic-reload-enabled=false"
    # start-up: CDI scans the archives that declare beans.xml (Séjour's three modules), not every
    # class of the sixty libraries in the EAR; descriptors are not validated against their schemas
    "$c.cdi-service.enable-implicit-cdi=false"
    "$c.admin-service.das-config.deploy-xml-validation=none"
  )
  # a member of the group is reached through the balancer only, which names the client (Proxy-ip)
  [[ "$cfg" == server-config ]] || want+=("$c.network-config.network-listeners.network-listener.http-listener-1.address=127.0.0.1"
    "$c.network-config.protocols.protocol.http-listener-1.http.auth-pass-through-enabled=true")
  local current w changed=() restart=0
  current="$(asadmin_to "$name" get "$c.*" 2>/dev/null)"
  for w in "${want[@]}"; do
    grep -qxF "$w" <<<"$current" || changed+=("$w")
  done
  if ((${#changed[@]})); then
    asadmin_to "$name" set "${changed[@]}" >/dev/null || die "the start-up settings of $name failed"
    restart=1
  fi
  # metrics name the server's internals: they get a listener of their own on loopback (port base + 85)
  if ! asadmin_to "$name" list-http-listeners "$cfg" | awk '{print $1}' | grep -qx operations-listener; then
    local port='${OPS_PORT}'
    [[ "$cfg" != server-config ]] || port=$(( $(cat "$DOMAINS/$name/sejour-portbase") + 85 ))
    asadmin_to "$name" create-virtual-server --target "$cfg" --hosts localhost operations >/dev/null
    asadmin_to "$name" create-http-listener --target "$cfg" --listeneraddress 127.0.0.1 --listenerport "$port" \
        --defaultvs operations operations-listener >/dev/null
    asadmin_to "$name" set "$c.http-service.virtual-server.operations.network-listeners=operations-listener" >/dev/null
    asadmin_to "$name" set-metrics-configuration --target "$cfg" --virtualservers=operations >/dev/null
    restart=1
  fi
  local jvm; jvm="$(asadmin_to "$name" list-jvm-options --target "$cfg")"
  # the Data Grid on loopback too: Hazelcast binds every interface unless told not to
  if ! grep -qxF -- '-Dhazelcast.socket.bind.any=false' <<<"$jvm"; then
    asadmin_to "$name" create-jvm-options --target "$cfg" '-Dhazelcast.socket.bind.any=false' >/dev/null
    restart=1
  fi
  # the whole heap from the start: growing it step by step cost collections while Séjour loads
  if ! grep -qxF -- '-Xms768m' <<<"$jvm"; then
    asadmin_to "$name" create-jvm-options --target "$cfg" '-Xms768m' >/dev/null
    restart=1
  fi
  # ... and off on one server: it shares nothing with another, and starting it took 3 of the 35
  # seconds a restart lasted; on for a Deployment Group, whose members share limits and timers
  local hz; hz="$(asadmin_to "$name" get-hazelcast-configuration --target "$cfg")"
  if ! grep -qE '^DAS Bind Address +127\.0\.0\.1 ' <<<"$hz" || ! grep -qE "^Enabled +$grid " <<<"$hz"; then
    asadmin_to "$name" set-hazelcast-configuration --target "$cfg" --dasbindaddress 127.0.0.1 --interfaces 127.0.0.1 \
        --enabled="$grid" --dynamic=false >/dev/null
    restart=1
  fi
  return $restart
}

# How a pool checks its connections (lines for asadmin multimode): at most every 30 s, not at each
# checkout (a round trip per transaction); a failed check drops them all (the database restarted).
pool_checks() {
  local p="$1"
  cat <<CMDS
set $p.connection-validation-method=custom-validation
set $p.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation
set $p.is-connection-validation-required=true
set $p.fail-all-connections=true
set $p.validate-atmost-once-period-in-seconds=30
CMDS
}

# The settings of a configuration (the server's, or the Deployment Group's) that the web tier
# needs, as lines for asadmin multimode.
config_limits() {
  local c="configs.config.$1"
  cat <<CMDS
set $c.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64
set $c.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=8
# HTTP limits. A body above 26 MiB is refused (413) from its Content-Length, before it is read:
# photo uploads go up to 12 MiB a file and 25 MiB a request (web.xml multipart-config), the API
# refuses above 16 KiB itself. After an early answer, at most 1 MiB more of a body is read and
# thrown away, then the connection is closed. Form posts (Faces) 2 MiB, request headers 8 KiB and
# 100 at most (a body that stops coming is cut by the transport's 30 s read timeout).
set $c.network-config.protocols.protocol.http-listener-1.http.max-post-size-bytes=27262976
set $c.network-config.protocols.protocol.http-listener-1.http.max-swallowing-input-bytes=1048576
set $c.network-config.protocols.protocol.http-listener-1.http.max-form-post-size-bytes=2097152
set $c.network-config.protocols.protocol.http-listener-1.http.header-buffer-length-bytes=8192
set $c.network-config.protocols.protocol.http-listener-1.http.max-request-headers=100
CMDS
}

domain_create() {
  local name="$1" portbase="$2"
  log "Creating Payara domain $name (HTTP $((portbase + 80)), admin $((portbase + 48)) on 127.0.0.1)"
  asadmin --user admin --passwordfile "$(admin_passfile "$name")" create-domain --portbase "$portbase" "$name" >/dev/null
  echo "$portbase" > "$DOMAINS/$name/sejour-portbase"
}

# domain_configure NAME HTTP-PORT CREDENTIALS STORAGE-DIR SEED-DEMO [PORTBASE]
domain_configure() {
  local name="$1" http="$2" creds="$3" storage="$4" demo="$5" portbase="${6:-$(( $2 - 80 ))}"
  [[ -d "$DOMAINS/$name" ]] || domain_create "$name" "$portbase"
  # A restart with the settings of the last configuration skips it: its dozen asadmin commands
  # (a JVM each) took 15 s and slowed the loading of Séjour they ran beside.
  local settings; settings="$(configuration_fingerprint "$@")"
  if [[ -f "$DOMAINS/$name/sejour-configured" && "$(cat "$DOMAINS/$name/sejour-settings.sha256" 2>/dev/null)" == "$settings" ]]; then
    log "Domain $name is configured with these settings already"
    domain_running "$name" || domain_start "$name"
    return
  fi
  rm -f "$DOMAINS/$name/sejour-settings.sha256"
  # the settings made once, at the first configuration of a domain
  local created=false
  if [[ ! -f "$DOMAINS/$name/sejour-configured" ]]; then
    # a domain an earlier Séjour configured has its private temporary directory already
    if grep -q -- "-Djava.io.tmpdir=$DOMAINS/$name/tmp<" "$DOMAINS/$name/config/domain.xml"; then
      touch "$DOMAINS/$name/sejour-configured"
    else
      created=true
    fi
  fi
  cp "$(postgres_driver)" "$DOMAINS/$name/lib/"
  mkdir -p "$storage"
  system_own "$storage"
  if ! domain_running "$name"; then
    domain_start "$name"
  fi
  admin_password_set "$name"
  local a=(asadmin_to "$name")

  if $created; then
    # heap, start-up options and listener addresses need a restart, so they are set only once, at creation
    "${a[@]}" delete-jvm-options '-Xmx512m' >/dev/null || true
    "${a[@]}" create-jvm-options '-Xmx768m:-Dfile.encoding=UTF-8' >/dev/null
    # a private temporary directory: Payara stores an uploaded archive as <tmpdir>/<its name>, so
    # domains of several checkouts deploying sejour.ear at once deleted each other's upload
    # ("File source doesn't exist" at the end of a deployment)
    mkdir -p "$DOMAINS/$name/tmp"
    system_own "$DOMAINS/$name/tmp"
    "${a[@]}" create-jvm-options "-Djava.io.tmpdir=$DOMAINS/$name/tmp" >/dev/null
    # Jakarta Mail 2.1.3 looks its StreamProvider up with a ServiceLoader scan of every module on
    # each header it encodes and each message it writes: a quarter of the CPU of sending mail
    # (profiled). Named here, it is a plain class load.
    "${a[@]}" create-jvm-options '-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider' >/dev/null
    "${a[@]}" set-microprofile-healthcheck-configuration --enabled=true >/dev/null
    touch "$DOMAINS/$name/sejour-configured"
  fi
  local restart=$created
  startup_settings "$name" || restart=true

  if ! "${a[@]}" list-jdbc-connection-pools | grep -qx sejourPool; then
    "${a[@]}" create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
        --restype javax.sql.DataSource --property "serverName=$DB_HOST:portNumber=$DB_PORT:databaseName=$DB_NAME" \
        sejourPool >/dev/null
  fi
  if ! "${a[@]}" list-jdbc-resources | grep -qx jdbc/sejour; then
    "${a[@]}" create-jdbc-resource --connectionpoolid sejourPool jdbc/sejour >/dev/null
  fi
  # replica (replica.sh): jdbc/sejour-replica when SEJOUR_REPLICA=true
  replica_pool_configure "$name"
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
$(pool_checks "$pool")
$(config_limits server-config)
# the EJB timer service's own H2 database locks its file through the operating system, which frees
# the lock when the JVM dies: its default (a lock file and a server socket) made a start after a
# kill wait seconds for the dead JVM's lock
set resources.jdbc-connection-pool.__TimerPool.property.URL=jdbc:h2:\${com.sun.aas.instanceRoot}/lib/databases/ejbtimer;FILE_LOCK=FS
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
set-config-property --source=domain --propertyName=sejour.payment.secrets-key --propertyValue=$(secret "$creds" payment.secrets.key)
set-config-property --source=domain --propertyName=sejour.public-url --propertyValue=${SEJOUR_PUBLIC_URL:-http://localhost:$http/}
CMDS
  if [[ "$name" == sejour-test ]]; then
    # The channel tests serve their feeds from loopback on ephemeral ports and import the domain's
    # own export (its HTTP port), which production refuses (SSRF rules, docs/channels.md): allow
    # exactly that, so that every other address and port (the admin port too) is refused here as well.
    local ephemeral; ephemeral="$(awk '{print $1 "-" $2}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null)"
    echo "set-config-property --source=domain --propertyName=sejour.channels.allowed-networks --propertyValue=127.0.0.1/32,::1/128" >> "$file"
    echo "set-config-property --source=domain --propertyName=sejour.channels.extra-ports --propertyValue=$http,${ephemeral:-32768-60999}" >> "$file"
    # the payment tests answer in Stripe's shapes from a local server on this port (docs/payments.md)
    echo "set-config-property --source=domain --propertyName=sejour.stripe.api-base --propertyValue=http://127.0.0.1:$((portbase + 26))" >> "$file"
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
  local batch_conf; batch_conf="$("${a[@]}" get 'configs.config.server-config.batch-runtime-configuration.*' 2>/dev/null || true)"
  if ! grep -q 'data-source-lookup-name=jdbc/sejour$' <<<"$batch_conf" || ! grep -q 'schema-name=public$' <<<"$batch_conf" \
      || ! grep -q 'table-prefix=batch_$' <<<"$batch_conf"; then
    "${a[@]}" set-batch-runtime-configuration --dataSourceLookupName jdbc/sejour --schemaName public \
        --tablePrefix batch_ >/dev/null || die "configuring the batch job repository of $name failed"
    restart=true
  fi
  # the test domain is stopped by its caller right after this, and started by Arquillian: a restart
  # here would be one more start of Payara (10 s) for nothing
  if $restart && [[ "$name" != sejour-test ]]; then
    public_port "$name" false
    log "Restarting $name for settings read at start-up (JVM options, listeners, batch job repository)"
    "${a[@]}" restart-domain "$name" >/dev/null
  fi
  echo "$settings" > "$DOMAINS/$name/sejour-settings.sha256"
}

# What a domain's configuration is made of: these scripts, the arguments, the SEJOUR_* settings
# of the environment, the database's address and the generated secrets. One digest of all of it.
configuration_fingerprint() {
  {
    cat "$CONFIG"/sejour.sh "$CONFIG"/lib/*.sh
    printf '%s\n' "$@" "$PAYARA_VERSION" "$DB_HOST" "$DB_PORT" "$DB_NAME" "$DB_USER" "$DB_PASSWORD"
    env | awk '/^SEJOUR_/' | sort  # awk, not grep: no SEJOUR_ setting at all is no failure
    cat "$3" 2>/dev/null || true
  } | sha256sum | cut -d' ' -f1
}

# The libraries Séjour uses (JasperReports, POI, Stripe's client...) are installed in the domain's
# lib folder, not packed in the EAR: Payara reads every class of an EAR at each deployment and at each
# start, and these sixty jars made half of that time (docs/operations.md, "Libraries"). The domain's
# common class loader serves them to the application. A domain sees a changed set only after a
# restart, done here when it is running. The list of what was installed is kept beside the domain,
# so an upgrade removes the jars it no longer uses.
server_libraries() {
  local name="$1" from="$ROOT/ear/target/server-lib" lib="$DOMAINS/$1/lib" kept="$DOMAINS/$1/sejour-libraries.sha256"
  compgen -G "$from/*.jar" >/dev/null || die "no libraries in $from: build first (mvn install)"
  local want; want="$(cd "$from" && sha256sum -- *.jar)"
  [[ -f "$kept" && "$(cat "$kept")" == "$want" ]] && return 0
  log "Installing Séjour's libraries in domain $name ($(wc -l <<<"$want") jars)"
  if [[ -f "$kept" ]]; then
    awk '{print $2}' "$kept" | while read -r jar; do rm -f -- "$lib/$jar"; done
  fi
  cp -- "$from"/*.jar "$lib/"
  echo "$want" > "$kept"
  if domain_running "$name"; then
    public_port "$name" false
    log "Restarting $name so that it loads them"
    asadmin_to "$name" restart-domain "$name" >/dev/null
  fi
}

# Deploys the EAR unless the domain already runs this very one (a checksum is kept beside the
# domain): redeploying an unchanged EAR on every start sometimes failed inside Payara and left
# the domain without Séjour. A failed deployment is tried once more on a freshly started domain.
deploy() {
  local name="$1" ear="$2" sum kept="$DOMAINS/$1/sejour-ear.sha256"
  sum="$(sha256sum "$ear" | cut -d' ' -f1)"
  if [[ -f "$kept" && "$(cat "$kept")" == "$sum" ]] && admin_rest "$name" GET applications/application/sejour >/dev/null 2>&1; then
    log "Séjour is deployed on $name already ($(basename "$ear") unchanged)"
    return
  fi
  rm -f "$kept"
  # visitors get a refused connection, not the redeployment's 404s; the caller opens it when ready
  public_port "$name" false
  log "Deploying $(basename "$ear") to $name"
  # on the public virtual server only: by default Payara puts an application on every virtual
  # server but its own administration's, and the operations listener's (metrics, health) then
  # got a second copy of the web module, initialised in full at every start
  local args=(deploy --force=true --virtualservers server --name sejour "$ear")
  if ! asadmin_to "$name" "${args[@]}" >/dev/null; then
    log "The deployment failed; restarting $name and deploying once more"
    asadmin_to "$name" restart-domain "$name" >/dev/null
    asadmin_to "$name" "${args[@]}" >/dev/null \
        || die "Séjour could not be deployed to $name (see $DOMAINS/$name/logs/server.log)"
  fi
  echo "$sum" > "$kept"
}

# The public HTTP listener of the server's own configuration.
PUBLIC_LISTENER=configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1

# Payara opens its ports before it loads Séjour, and for that half minute a visitor or a balancer
# met its 404 page, then 500s. ./sejour starts a stopped domain with the public port closed in its
# configuration (a refused connection is what a balancer understands as "down") and opens it once
# Séjour says it is ready. The server's own configuration comes first in domain.xml; the file keeps
# its owner (written in place).
public_port_close_offline() {
  local xml="$DOMAINS/$1/config/domain.xml" tmp
  tmp="$(mktemp)"
  awk 'done != 1 && /<network-listener / && / name="http-listener-1"/ {
         if ($0 ~ / enabled="/) sub(/ enabled="[^"]*"/, " enabled=\"false\"");
         else sub(/<network-listener /, "<network-listener enabled=\"false\" ");
         done = 1 }
       { print }' "$xml" > "$tmp" && cat "$tmp" > "$xml"
  rm -f "$tmp"
}

# public_port NAME true|false, on a running domain (Payara applies it without a restart)
public_port() {
  admin_rest "$1" POST "${PUBLIC_LISTENER//.//}" --data "enabled=$2" >/dev/null
}

# Ready means Séjour's own readiness check says so (MicroProfile Health, database reachable,
# migrations applied), asked on the loopback listener while the public port may still be closed.
app_ready() {
  ready_at $(( $(cat "$DOMAINS/$1/sejour-portbase") + 85 ))
}

# Séjour's readiness check on an operations listener of this host (a domain's, or an instance's).
ready_at() {
  curl -fsS --max-time 5 "http://127.0.0.1:$1/health/ready" 2>/dev/null | grep -q '"name" *: *"database"'
}

wait_until_ready() {
  local name="$1" seconds="${2:-240}" i
  for ((i = 0; i < seconds; i++)); do
    app_ready "$name" && return 0
    sleep 1
  done
  return 1
}

# Brings a domain up the way ./sejour start does after a stop or a crash: a stopped domain starts
# with its public port closed; the port opens once Séjour is ready.
domain_up() {
  local name="$1"
  if ! domain_running "$name"; then
    public_port_close_offline "$name"
    domain_start "$name"
  fi
  log "Waiting for Séjour to be ready (public port closed until then)"
  wait_until_ready "$name" \
    || die "Séjour is not ready after 240 s; the public port stays closed (see $DOMAINS/$name/logs/server.log)"
  public_port "$name" true
}

# The public port closes first: visitors get a refused connection, not the errors of an
# application being unloaded.
domain_down() {
  local name="$1"
  if domain_running "$name"; then public_port "$name" false || true; fi
  domain_stop "$name"
}

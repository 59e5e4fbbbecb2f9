# Séjour on several servers of this host (SEJOUR_INSTANCES=N, N >= 2): Payara's own answer, a
# Deployment Group of N instances managed by the domain's administration server (the DAS), with the
# Domain Data Grid on, and HAProxy in front on the public port. See docs/scaling.md.
#
# Ports: the balancer listens on the public port P (SEJOUR_HTTP_PORT, 8080); the DAS keeps its
# port base P-80 (admin P-32) with its own public listener closed; instance i gets the port base
# P-80+100*i (HTTP P+100*i, operations listener P+5+100*i on loopback). Instances listen on
# loopback only: every request comes through the balancer, which names the client in Proxy-ip.

GROUP=sejour-group
GROUP_CONFIG=sejour-group-config

group_size() {
  local n="${SEJOUR_INSTANCES:-1}"
  [[ "$n" =~ ^[1-9]$ ]] || die "SEJOUR_INSTANCES must be a number from 1 to 9, not '$n'"
  echo "$n"
}

instance_name() { echo "sejour-$1"; }
instance_portbase() { echo $(( $(cat "$DOMAINS/sejour/sejour-portbase") + 100 * $1 )); }

# The instances the domain knows, one name a line (those of an earlier, larger group too), read
# from its configuration: no asadmin JVM on every one-server start.
group_instances() {
  grep -o '<server [^>]*name="sejour-[0-9]\+"' "$DOMAINS/sejour/config/domain.xml" 2>/dev/null \
    | grep -o 'name="sejour-[0-9]\+"' | grep -o 'sejour-[0-9]\+' | sort -u || true
}

# The node that stands for this host: a CONFIG node, made with the domain, whose instances the DAS
# starts itself (no SSH).
group_node() {
  asadmin_to sejour list-nodes-config 2>/dev/null | awk '$1 ~ /^localhost-/ {print $1; exit}'
}

# The group's configuration, resources and N instances; idempotent like domain_configure.
group_configure() {
  local count="$1" a=(asadmin_to sejour)
  log "Configuring the Deployment Group $GROUP: $count instances, the Data Grid on"
  if ! "${a[@]}" list-configs | grep -qx "$GROUP_CONFIG"; then
    # default-config names its ports by system properties, which each instance sets from its port base
    "${a[@]}" copy-config default-config "$GROUP_CONFIG" >/dev/null
    "${a[@]}" delete-jvm-options --target "$GROUP_CONFIG" '-Xmx512m' >/dev/null || true
    "${a[@]}" create-jvm-options --target "$GROUP_CONFIG" \
        '-Xmx768m:-Dfile.encoding=UTF-8:-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider' >/dev/null
    "${a[@]}" set-microprofile-healthcheck-configuration --target "$GROUP_CONFIG" --enabled=true >/dev/null
  fi
  startup_settings sejour "$GROUP_CONFIG" || true
  local file; file="$(mktemp)"
  {
    config_limits "$GROUP_CONFIG"
    # persistent timers in the Data Grid, Payara's store for a group: the default H2 database of
    # an instance is empty (no timer table), and the grid hands a dead member's timers to another
    echo "set configs.config.$GROUP_CONFIG.ejb-container.ejb-timer-service.ejb-timer-service=DataGrid"
  } > "$file"
  local out; out="$("${a[@]}" multimode --file "$file" 2>&1)" || true
  rm -f "$file"
  if grep -qiE 'remote failure|not found|failed|invalid' <<<"$out"; then
    echo "$out" >&2
    die "configuring $GROUP_CONFIG failed"
  fi
  local batch_conf; batch_conf="$("${a[@]}" get "configs.config.$GROUP_CONFIG.batch-runtime-configuration.*" 2>/dev/null || true)"
  if ! grep -q 'data-source-lookup-name=jdbc/sejour$' <<<"$batch_conf" || ! grep -q 'table-prefix=batch_$' <<<"$batch_conf"; then
    "${a[@]}" set-batch-runtime-configuration --target "$GROUP_CONFIG" --dataSourceLookupName jdbc/sejour \
        --schemaName public --tablePrefix batch_ >/dev/null || die "configuring the batch job repository of $GROUP_CONFIG failed"
  fi
  if ! "${a[@]}" list-deployment-groups | awk '{print $1}' | grep -qx "$GROUP"; then
    "${a[@]}" create-deployment-group "$GROUP" >/dev/null
  fi
  # every member opens its own pool: together they stay within PostgreSQL's 100 connections
  # (the embedded server's max_connections), with room for the DAS, backups and an operator
  "${a[@]}" set "resources.jdbc-connection-pool.sejourPool.max-pool-size=$(( 80 / count ))" >/dev/null
  local res resources=(jdbc/sejour mail/sejour)
  # the replica's pool, when SEJOUR_REPLICA made one (replica.sh)
  ! "${a[@]}" list-jdbc-resources | grep -qx jdbc/sejour-replica || resources+=(jdbc/sejour-replica)
  for res in "${resources[@]}"; do
    "${a[@]}" list-resource-refs "$GROUP" | grep -qx "$res" \
      || "${a[@]}" create-resource-ref --target "$GROUP" "$res" >/dev/null
  done
  local node; node="$(group_node)"
  [[ -n "$node" ]] || die "the domain has no CONFIG node for this host (asadmin list-nodes-config)"
  # the DAS (the system user) creates the instances' folders under the node's
  mkdir -p "$PAYARA_HOME/glassfish/nodes"
  system_own "$PAYARA_HOME/glassfish/nodes"
  local existing i name base
  existing="$(group_instances)"
  for ((i = 1; i <= count; i++)); do
    name="$(instance_name "$i")"
    if grep -qx "$name" <<<"$existing"; then
      [[ ! -d "$PAYARA_HOME/glassfish/nodes/$node/$name" ]] || continue
      # known to the domain but never made on disk (a start cut short): made again
      "${a[@]}" remove-instance-from-deployment-group --instance "$name" --deploymentgroup "$GROUP" >/dev/null 2>&1 || true
      "${a[@]}" delete-instance "$name" >/dev/null 2>&1 || true
    fi
    base="$(instance_portbase "$i")"
    log "Creating instance $name (HTTP $((base + 80)), operations $((base + 85)), Data Grid $((base + 59)), on 127.0.0.1)"
    "${a[@]}" create-instance --node "$node" --config "$GROUP_CONFIG" --portbase "$base" --checkports=false \
        --systemproperties "OPS_PORT=$((base + 85)):HZ_LISTENER_PORT=$((base + 59))" "$name" >/dev/null \
      || die "creating instance $name failed"
    "${a[@]}" add-instance-to-deployment-group --instance "$name" --deploymentgroup "$GROUP" >/dev/null
  done
  # an earlier, larger group: its extra members leave
  while read -r name; do
    [[ -n "$name" && "${name#sejour-}" -gt "$count" ]] || continue
    log "Removing instance $name (the group has $count now)"
    "${a[@]}" stop-instance --kill=true "$name" >/dev/null 2>&1 || true
    "${a[@]}" remove-instance-from-deployment-group --instance "$name" --deploymentgroup "$GROUP" >/dev/null || true
    "${a[@]}" delete-instance "$name" >/dev/null || true
  done <<<"$existing"
  # The members find each other at known addresses: the DAS's grid port and each instance's. The
  # default discovery through the DAS left each instance in a grid of its own on this host.
  local hz das members
  hz="$("${a[@]}" get-hazelcast-configuration)"
  das="$(awk '/^DAS Port / {print $3}' <<<"$hz")"
  members="127.0.0.1:$das"
  for ((i = 1; i <= count; i++)); do members+=",127.0.0.1:$(( $(instance_portbase "$i") + 59 ))"; done
  # Partitions not grouped by host: the members of this group share one host, and host-aware
  # grouping (Payara's default) made the DAS and the instances refuse each other's partition groups.
  if ! grep -qE '^Cluster Mode +tcpip ' <<<"$hz" || ! grep -qE "^Tcpip Members +$members " <<<"$hz" \
      || ! grep -qE '^Host Aware Partitioning +false ' <<<"$hz"; then
    "${a[@]}" set-hazelcast-configuration --clustermode tcpip --tcpipmembers "$members" --hostawarepartitioning false \
        --dynamic=false >/dev/null \
      || die "configuring the Data Grid's members failed"
    # the DAS is a member too: with its old settings it refuses the instances that have the new
    log "Restarting the DAS for the Data Grid's settings"
    "${a[@]}" restart-domain sejour >/dev/null
  fi
}

# Deploys the EAR to the group (not to the DAS, which only administers), unless the group runs it already.
group_deploy() {
  local ear="$1" sum kept="$DOMAINS/sejour/sejour-group-ear.sha256" a=(asadmin_to sejour)
  sum="$(sha256sum "$ear" | cut -d' ' -f1)"
  # Séjour deployed on the DAS by a one-server start leaves it: only the members serve
  if app_on server; then
    log "Séjour leaves the DAS: the group's members serve it"
    "${a[@]}" undeploy --target server sejour >/dev/null || true
    rm -f "$DOMAINS/sejour/sejour-ear.sha256"
  fi
  if [[ -f "$kept" && "$(cat "$kept")" == "$sum" ]] && app_on "$GROUP"; then
    log "Séjour is deployed on $GROUP already ($(basename "$ear") unchanged)"
    return
  fi
  rm -f "$kept"
  log "Deploying $(basename "$ear") to $GROUP"
  "${a[@]}" deploy --force=true --target "$GROUP" --virtualservers server --name sejour "$ear" >/dev/null \
    || die "Séjour could not be deployed to $GROUP (see $DOMAINS/sejour/logs/server.log)"
  echo "$sum" > "$kept"
}

# Whether Séjour is deployed on a target (the DAS's "server", or the group).
app_on() {
  asadmin_to sejour list-applications "$1" 2>/dev/null | awk '{print $1}' | grep -qx sejour
}

# Back to one server: the group stops and Séjour leaves it, for the DAS to serve it again.
group_leave() {
  [[ -n "$(group_instances)" ]] || { haproxy_stop; return 0; }
  group_stop
  if app_on "$GROUP"; then
    log "Séjour leaves $GROUP: the DAS serves it alone"
    asadmin_to sejour undeploy --target "$GROUP" sejour >/dev/null || true
    rm -f "$DOMAINS/sejour/sejour-group-ear.sha256"
  fi
}

instance_ready() {
  ready_at $(( $(instance_portbase "$1") + 85 ))
}

# The balancer: HAProxy from Debian's packages, run by the system user, its files under var/haproxy.
haproxy_dir() { echo "$VAR/haproxy"; }

haproxy_running() {
  local pid; pid="$(cat "$(haproxy_dir)/haproxy.pid" 2>/dev/null | head -1)"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

# One member out of rotation when /health/ready fails twice a second apart, back after two
# successes. Sessions stick to a member by a cookie: a signed-in owner whose member dies is sent to
# another and signs in again (docs/scaling.md says why). The client's address goes in Proxy-ip,
# which Payara takes as the request's remote address (auth-pass-through), replacing whatever the
# client sent under that name.
haproxy_config() {
  local count="$1" port="$2" i base
  cat <<CFG
# written by ./sejour (server-config/lib/group.sh) at each start: edits here are lost
global
    pidfile $(haproxy_dir)/haproxy.pid
    maxconn 4096
    log stderr format short local0 notice

defaults
    mode http
    log global
    option dontlognull
    timeout connect 2s
    timeout client 60s
    timeout server 120s
    timeout http-request 30s
    # a refused connection or an answer that never came (a member just killed) is asked of another
    # member; a booking sent twice is still one booking (the API's Idempotency-Key)
    retries 2
    retry-on conn-failure empty-response
    option redispatch

frontend sejour
    bind ${SEJOUR_HTTP_ADDRESS:-*}:$port
    # no upgrade to HTTP/2 in clear (h2c): an upgraded connection leaves HAProxy's HTTP processing,
    # and with it the header that names the client; the request goes on in HTTP/1.1
    acl h2c req.hdr(Upgrade) -i h2c
    http-request del-header Connection if h2c
    http-request del-header HTTP2-Settings if h2c
    http-request del-header Upgrade if h2c
    http-request set-header Proxy-ip %[src]
    default_backend members

backend members
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
    cookie SEJOUR_MEMBER insert indirect nocache httponly
    default-server inter 1s fall 2 rise 2
CFG
  for ((i = 1; i <= count; i++)); do
    base="$(instance_portbase "$i")"
    echo "    server $(instance_name "$i") 127.0.0.1:$((base + 80)) check port $((base + 85)) cookie m$i"
  done
}

# HAProxy from Debian's packages when it is missing and this script runs as root with apt; its
# own service stays unstarted (invoke-rc.d asks policy-rc.d): only ./sejour runs it, on its own file.
haproxy_install() {
  command -v haproxy >/dev/null 2>&1 && return 0
  [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1 \
    || die "a Deployment Group needs HAProxy in front (Debian: apt-get install haproxy, as root)"
  log "Installing HAProxy (Debian package haproxy) for the balancer"
  # in a subshell whose exit (an interruption too) removes the policy it placed: left behind, it
  # would keep every package's service on this machine from starting
  (
    policy=/usr/sbin/policy-rc.d
    if [[ ! -e "$policy" ]]; then
      trap 'rm -f "$policy"' EXIT
      printf '#!/bin/sh\n# placed by ./sejour while it installs haproxy: no service starts\nexit 101\n' > "$policy"
      chmod 755 "$policy"
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends haproxy >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get install -y -qq --no-install-recommends haproxy >/dev/null; }
  ) && command -v haproxy >/dev/null 2>&1 || die "installing HAProxy failed (apt-get install haproxy)"
}

haproxy_start() {
  local count="$1" port="$2" dir; dir="$(haproxy_dir)"
  mkdir -p "$dir"
  haproxy_config "$count" "$port" > "$dir/haproxy.cfg"
  system_own "$dir"
  haproxy -c -q -f "$dir/haproxy.cfg" || die "the balancer's configuration is refused ($dir/haproxy.cfg)"
  if haproxy_running; then
    # a soft reload: the new process takes the port, the old one finishes its requests
    as_system_user haproxy -D -f "$dir/haproxy.cfg" -sf "$(cat "$dir/haproxy.pid")"
  else
    as_system_user haproxy -D -f "$dir/haproxy.cfg"
  fi
}

haproxy_stop() {
  haproxy_running || return 0
  log "Stopping the balancer"
  kill "$(cat "$(haproxy_dir)/haproxy.pid" | head -1)" 2>/dev/null || true
}

group_start() {
  local count="$1" port="$2"
  haproxy_install  # first: without a balancer, started instances would serve nobody
  group_configure "$count"
  # the cluster drill deploys the application with its test fixtures itself
  [[ "${SEJOUR_GROUP_DEPLOY:-true}" == false ]] || group_deploy "$(ear_file)"
  log "Starting the $count instances of $GROUP"
  asadmin_to sejour start-deployment-group "$GROUP" >/dev/null || die "the instances of $GROUP did not start (see var/payara6/glassfish/nodes/*/sejour-*/logs/server.log)"
  haproxy_start "$count" "$port"
  [[ "${SEJOUR_GROUP_DEPLOY:-true}" != false ]] || return 0
  log "Waiting for each member to be ready (the balancer sends it nothing until then)"
  local i s
  for ((i = 1; i <= count; i++)); do
    for ((s = 0; s < 300; s++)); do instance_ready "$i" && break; sleep 1; done
    instance_ready "$i" || die "instance $(instance_name "$i") is not ready after 300 s"
  done
}

group_stop() {
  haproxy_stop
  domain_running sejour || return 0
  [[ -n "$(group_instances)" ]] || return 0
  log "Stopping the instances of $GROUP"
  asadmin_to sejour stop-deployment-group "$GROUP" >/dev/null 2>&1 || true
}

group_status() {
  domain_running sejour || return 0
  local name i
  while read -r name; do
    [[ -n "$name" ]] || continue
    i="${name#sejour-}"
    if instance_ready "$i"; then
      log "member $name: ready (http://127.0.0.1:$(( $(instance_portbase "$i") + 80 ))/)"
    elif asadmin_to sejour list-instances "$name" 2>/dev/null | grep -q running; then
      log "member $name: running, NOT ready (/health/ready)"
    else
      log "member $name: stopped"
    fi
  done <<<"$(group_instances)"
  if haproxy_running; then log "balancer: running (HAProxy, $(haproxy_dir)/haproxy.cfg)"; fi
}

# ./sejour cluster-drill: the cluster drill (ear/src/test/java/org/sejour/it/cluster/ClusterDrill.java)
# on a Deployment Group of two instances behind HAProxy, started by this script as
# SEJOUR_INSTANCES=2 ./sejour start starts one, with a Payara, a database and a domain of their
# own under var/cluster (fresh each run), and a replica of its database (SEJOUR_REPLICA). The drill
# deploys the application with its test fixtures to the group. About 20 minutes; prints the drill's
# figures. Maven arguments after the command are passed on (e.g. -Dit.test=ClusterDrill#promote*).
cmd_cluster_drill() {
  local cvar="$VAR/cluster" base="${SEJOUR_CLUSTER_PORT_BASE:-12000}"
  local http=$((base + 80)) dbport=$((base + 432)) script="$CONFIG/sejour.sh"
  local env=(env SEJOUR_VAR="$cvar" SEJOUR_INSTANCES=2 SEJOUR_HTTP_PORT="$http" SEJOUR_DB_PORT="$dbport"
    SEJOUR_REPLICA=true SEJOUR_DEMO=false SEJOUR_GROUP_DEPLOY=false SEJOUR_PUBLIC_URL="http://localhost:$http/")
  build_if_needed
  "${env[@]}" "$script" stop >/dev/null 2>&1 || true
  rm -rf "$cvar"
  log "Cluster drill: a Deployment Group of 2 instances behind HAProxy on port $http (var/cluster)"
  "${env[@]}" "$script" start
  local home="$cvar/payara6" node
  node="$(ls "$home/glassfish/nodes" | grep '^localhost-' | head -1)"
  local report="$cvar/cluster-drill.txt" group="$cvar/group.properties"
  : > "$report"
  cat > "$group" <<PROPS
members=$((base + 180)),$((base + 280))
memberOps=$((base + 185)),$((base + 285))
memberPids=$home/glassfish/nodes/$node/sejour-1/config/pid,$home/glassfish/nodes/$node/sejour-2/config/pid
asadmin=$home/bin/asadmin
passfile=$cvar/asadmin.pass
adminPort=$((base + 48))
report=$report
var=$cvar
script=$script
replicaPort=$(replica_port "$dbport")
PROPS
  chmod 644 "$report"
  local rc=0
  (cd "$ROOT" && mvn -B -q install -DskipTests=false -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
      -Dit.test=ClusterDrill -Dfailsafe.failIfNoSpecifiedTests=false \
      -Dpayara.home="$home" -Dsejour.test.domain=sejour \
      -Dsejour.test.adminPassword="$(secret "$cvar/credentials.properties" admin.password)" \
      -Dsejour.test.adminPort=$((base + 48)) -Dsejour.test.httpPort="$http" -Dsejour.test.smtpPort=$((base + 25)) \
      -Dsejour.test.dbUrl="jdbc:postgresql://localhost:$dbport/sejour" \
      -Dsejour.test.credentials="$cvar/credentials.properties" -Dsejour.test.group="$group" "$@") || rc=$?
  "${env[@]}" "$script" stop || true
  echo; cat "$report"
  return $rc
}

#!/usr/bin/env bash
# Roster on full Payara Server, set up with the asadmin commands README.md ("Running on Payara Server") documents.
#
#   scripts/payara-server.sh start DIR   unpack Payara Server 6 into DIR, bind its domain to loopback on free ports,
#                                        create the JDBC pool and resource jdbc/roster, the file-realm users and
#                                        Roster's system properties, deploy the WAR; writes DIR/server.env
#   scripts/payara-server.sh stop DIR    stop the domain (DIR is kept: its logs and an H2 database stay readable)
#
# Settings (environment):
#   ROSTER_WAR            the WAR to deploy (default target/roster.war; the very file the normal build produces)
#   PAYARA_ZIP            Payara Server's zip (default: fish.payara.distributions:payara:$PAYARA_VERSION from the
#                         local Maven repository, fetched with `mvn dependency:get` when missing)
#   PAYARA_DB_URL         JDBC URL of jdbc/roster: jdbc:postgresql://… for PostgreSQL (the driver is copied into
#                         the domain's lib/), default an H2 file database DIR/h2/roster
#   PAYARA_DB_USER / PAYARA_DB_PASSWORD   its credentials (default roster / roster)
#   PAYARA_FILE_USERS     file-realm users to create, "name:password:group1,group2 name2:…" (default none)
#   PAYARA_ROSTER_PROPERTIES  Roster settings as system properties, "key=value key2=value2" (besides
#                         roster.db.datasource=jdbc/roster, which is always set)
# Nothing listens beyond 127.0.0.1: every listener is bound to loopback, Hazelcast is off, phone-home is off.
# A failing start stops the domain before it exits.
set -Eeuo pipefail
command=${1:?start or stop}
dir=${2:?usage: $0 start|stop DIR}
cd "$(dirname "$0")/.."
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
PAYARA_VERSION=${PAYARA_VERSION:-6.2025.9}
asadmin="$dir/payara6/bin/asadmin"
domain_dir="$dir/payara6/glassfish/domains/domain1"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

stop() {
  if [ -x "$asadmin" ]; then
    "$asadmin" stop-domain --kill=false domain1 >/dev/null 2>&1 || true
    # a domain that does not stop within stop-domain's wait: its own pid file names it
    if [ -f "$domain_dir/config/pid" ] && kill -0 "$(cat "$domain_dir/config/pid")" 2>/dev/null; then
      kill "$(cat "$domain_dir/config/pid")" 2>/dev/null || true
    fi
  fi
}

unpack() {
  local zip=${PAYARA_ZIP:-$HOME/.m2/repository/fish/payara/distributions/payara/$PAYARA_VERSION/payara-$PAYARA_VERSION.zip}
  if [ ! -f "$zip" ]; then
    mvn -B -q dependency:get -Dartifact="fish.payara.distributions:payara:$PAYARA_VERSION:zip" -Dtransitive=false
  fi
  rm -rf "$dir/payara6"
  unzip -q "$zip" -d "$dir"
}

# Loopback and free ports for every listener, no data grid, no phone-home: domain.xml before the first start.
loopback_domain() {
  HTTP_PORT=$(free_port) HTTPS_PORT=$(free_port) ADMIN_PORT=$(free_port) \
  IIOP_PORT=$(free_port) IIOPS_PORT=$(free_port) IIOPM_PORT=$(free_port) JMX_PORT=$(free_port) \
  HZ_PORT=$(free_port) HZ_DAS_PORT=$(free_port) OSGI_PORT=$(free_port) JMS_PORT=$(free_port) \
  python3 - "$domain_dir/config/domain.xml" <<'EOF'
import os, re, sys
path = sys.argv[1]
xml = open(path).read()
env = os.environ
ports = {"8080": env["HTTP_PORT"], "8181": env["HTTPS_PORT"], "4848": env["ADMIN_PORT"], "3700": env["IIOP_PORT"],
         "3820": env["IIOPS_PORT"], "3920": env["IIOPM_PORT"], "8686": env["JMX_PORT"]}
for old, new in ports.items():
    xml = xml.replace(f'port="{old}"', f'port="{new}"')
xml = xml.replace('address="0.0.0.0"', 'address="127.0.0.1"')
# the server's network listeners carry no address: add one
xml = re.sub(r'<network-listener (?![^>]*address=)', '<network-listener address="127.0.0.1" ', xml)
xml = xml.replace('start-port="5900" das-port="4900"',
                  f'start-port="{env["HZ_PORT"]}" das-port="{env["HZ_DAS_PORT"]}" interface="127.0.0.1" '
                  'das-bind-address="127.0.0.1"', 1)
xml = xml.replace('<hazelcast-config-specific-configuration></hazelcast-config-specific-configuration>',
                  '<hazelcast-config-specific-configuration enabled="false"></hazelcast-config-specific-configuration>', 1)
xml = xml.replace('-Dosgi.shell.telnet.port=6666', f'-Dosgi.shell.telnet.port={env["OSGI_PORT"]}', 1)
xml = xml.replace('</hazelcast-runtime-configuration>',
                  '</hazelcast-runtime-configuration>\n    <phone-home-runtime-configuration enabled="false">'
                  '</phone-home-runtime-configuration>', 1)
# the embedded message broker, created at first start on all interfaces otherwise
xml = xml.replace('<config name="server-config">',
                  '<config name="server-config">\n      <jms-service default-jms-host="default_JMS_host" type="EMBEDDED">'
                  f'<jms-host port="{env["JMS_PORT"]}" name="default_JMS_host" host="127.0.0.1"></jms-host>'
                  '</jms-service>', 1)
open(path, "w").write(xml)
print(f'HTTP_PORT={env["HTTP_PORT"]}\nADMIN_PORT={env["ADMIN_PORT"]}')
EOF
}

# asadmin with '\' before ':' and '=' in a --property value, as asadmin wants them
escape() {
  printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'
}

start() {
  command -v unzip >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq unzip >/dev/null; }
  local war=${ROSTER_WAR:-target/roster.war}
  [ -f "$war" ] || { echo "no WAR at $war: build it first (mvn -B package)" >&2; exit 1; }
  war=$(cd "$(dirname "$war")" && pwd)/$(basename "$war")
  stop
  unpack
  loopback_domain >"$dir/server.env"
  # shellcheck disable=SC1091
  . "$dir/server.env"
  local db_url=${PAYARA_DB_URL:-jdbc:h2:file:$dir/h2/roster}
  local db_user=${PAYARA_DB_USER:-roster} db_password=${PAYARA_DB_PASSWORD:-roster}
  local datasource_class=org.h2.jdbcx.JdbcDataSource
  if [[ $db_url == jdbc:postgresql:* ]]; then
    datasource_class=org.postgresql.ds.PGSimpleDataSource
    # a server-wide pool loads its driver from the domain's lib/ (ops: asadmin add-library, then restart)
    local driver=$HOME/.m2/repository/org/postgresql/postgresql/42.7.8/postgresql-42.7.8.jar
    [ -f "$driver" ] || mvn -B -q dependency:get -Dartifact=org.postgresql:postgresql:42.7.8 -Dtransitive=false
    cp "$driver" "$domain_dir/lib/"
  fi
  {
    echo "DB_URL=$db_url"
    echo "DB_USER=$db_user"
    echo "DB_PASSWORD=$db_password"
    echo "WAR=$war"
    echo "DOMAIN_DIR=$domain_dir"
  } >>"$dir/server.env"

  trap 'echo "Payara Server set-up failed; stopping the domain" >&2; stop' ERR
  local a=("$asadmin" --host 127.0.0.1 --port "$ADMIN_PORT" --interactive=false)
  "$asadmin" start-domain domain1
  "${a[@]}" create-jvm-options '-Dhazelcast.socket.bind.any=false'
  # as the bundle does (src/main/bundle/system.properties): no megabyte-sized temporary direct buffer kept per thread
  "${a[@]}" create-jvm-options '-Djdk.nio.maxCachedBufferSize=262144'
  # as the bundle does (src/main/bundle/pre-boot-commands.asadmin): no HTTP/2, whose streams Grizzly holds on to
  local listener
  for listener in http-listener-1 http-listener-2; do
    "${a[@]}" set "configs.config.server-config.network-config.protocols.protocol.$listener.http.http2-enabled=false"
  done
  "$asadmin" restart-domain domain1   # JVM options apply from the next start
  "${a[@]}" create-jdbc-connection-pool --datasourceclassname "$datasource_class" --restype javax.sql.DataSource \
    --isconnectvalidatereq=true --validationmethod=custom-validation \
    --validationclassname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation --failconnection=true \
    --validateatmostonceperiod=1 \
    --property "url=$(escape "$db_url"):user=$(escape "$db_user"):password=$(escape "$db_password")" roster-pool
  "${a[@]}" ping-connection-pool roster-pool
  "${a[@]}" create-jdbc-resource --connectionpoolid roster-pool jdbc/roster
  local entry name password groups
  for entry in ${PAYARA_FILE_USERS:-}; do
    IFS=: read -r name password groups <<<"$entry"
    printf 'AS_ADMIN_USERPASSWORD=%s\n' "$password" >"$dir/user-password"
    "${a[@]}" --passwordfile "$dir/user-password" create-file-user --groups "$groups" "$name"
  done
  rm -f "$dir/user-password"
  local properties="roster.db.datasource=jdbc/roster" pair
  for pair in ${PAYARA_ROSTER_PROPERTIES:-}; do
    properties="$properties:$(escape "${pair%%=*}")=$(escape "${pair#*=}")"
  done
  "${a[@]}" create-system-properties "$properties"
  sha256sum "$war" >"$dir/deployed.sha256"
  "${a[@]}" deploy --contextroot / --name roster "$war"
  trap - ERR
  echo "Roster on Payara Server: http://127.0.0.1:$HTTP_PORT/scim/v2 (admin console http://127.0.0.1:$ADMIN_PORT)"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac

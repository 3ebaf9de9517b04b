#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the test suite.
#   scripts/throwaway-postgres.sh start DIR   -> prints the JDBC URL; database "roster", user "roster" (trust auth)
#   scripts/throwaway-postgres.sh stop DIR    -> stops the cluster and removes DIR
#   scripts/throwaway-postgres.sh pause DIR   -> stops the server, keeping its data and port (an outage)
#   scripts/throwaway-postgres.sh resume DIR  -> starts it again on the same port
#   scripts/throwaway-postgres.sh database DIR NAME -> creates another empty database NAME (owner roster) in the
#                                               running cluster and prints its JDBC URL
#   scripts/throwaway-postgres.sh install     -> installs the postgresql package if initdb is missing
set -euo pipefail
command=${1:?start or stop}
dir=${2:-}

bindir() {
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

install() {
  local bin
  bin=$(bindir)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
}

server_start() {
  as_postgres "'$1/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $(cat "$dir/port") -k $dir\" start >/dev/null"
}

[ "$command" = install ] || [ -n "$dir" ] || { echo "usage: $0 start|stop|pause|resume DIR, or install" >&2; exit 2; }

case "$command" in
  install) install ;;
  start)
    install
    bin=$(bindir)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
    mkdir -p "$dir"
    echo "$port" >"$dir/port"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_postgres "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 >'$dir/initdb.log' 2>&1"
    server_start "$bin"
    "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c "create role roster login password 'roster'" >/dev/null
    "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c "create database roster owner roster" >/dev/null
    echo "jdbc:postgresql://127.0.0.1:$port/roster"
    ;;
  stop)
    bin=$(bindir)
    if [ -d "$dir/data" ]; then
      as_postgres "'$bin/pg_ctl' -D '$dir/data' -m fast stop >/dev/null 2>&1" || true
    fi
    rm -rf "$dir"
    ;;
  database)
    name=${3:?database NAME}
    port=$(cat "$dir/port")
    "$(bindir)/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c "create database \"$name\" owner roster" >/dev/null
    echo "jdbc:postgresql://127.0.0.1:$port/$name"
    ;;
  pause) as_postgres "'$(bindir)/pg_ctl' -D '$dir/data' -m fast stop >/dev/null" ;;
  resume) server_start "$(bindir)" ;;
  *) echo "usage: $0 start|stop|pause|resume|database DIR, or install" >&2; exit 2 ;;
esac

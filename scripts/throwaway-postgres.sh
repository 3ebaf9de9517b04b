#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the test suite.
#   scripts/throwaway-postgres.sh start DIR   -> prints the JDBC URL; database "roster", user "roster" (trust auth)
#   scripts/throwaway-postgres.sh stop DIR    -> stops the cluster and removes DIR
set -euo pipefail
command=${1:?start or stop}
dir=${2:?directory}

bindir() {
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "$command" in
  start)
    bin=$(bindir)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      bin=$(bindir)
    fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_postgres "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 >'$dir/initdb.log' 2>&1"
    as_postgres "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k $dir\" start >/dev/null"
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
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the tests: initdb in a fresh temporary folder, a free port on 127.0.0.1,
# fsync off (nothing here needs to survive a power cut). Prints the environment to use it, e.g.
#   eval "$(tests/postgres-cluster.sh start)"   # sets GUIDANCEBOT_TEST_POSTGRES and GUIDANCEBOT_TEST_PGDATA
#   tests/postgres-cluster.sh stop "$GUIDANCEBOT_TEST_PGDATA"
#   tests/postgres-cluster.sh pause DATA / resume DATA   stop the server and start it again (same port), keeping the data
# `start durable` keeps fsync and full-page writes on (for benchmarks); commits still do not wait for the WAL flush
# (synchronous_commit=off), the same promise as SQLite's WAL with synchronous=NORMAL: an application crash loses nothing.
# Several engineers run this on one machine at once: every cluster has its own folder and port.
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

# Runs a PostgreSQL program as the postgres user when we are root (initdb refuses root), else as ourselves.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    bin=$(pg_bin)
    [ -n "$bin" ] || { echo "PostgreSQL is not installed (Debian: apt-get install postgresql)" >&2; exit 1; }
    if [ "${2:-}" = durable ]; then
      settings="-c synchronous_commit=off -c shared_buffers=512MB -c max_wal_size=4GB -c max_connections=300"
    else
      settings="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    fi
    data=$(mktemp -d "${TMPDIR:-/tmp}/guidancebot-pg.XXXXXX")
    [ "$(id -u)" = 0 ] && chown postgres: "$data"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 \
      || { cat "$data.initdb.log" >&2; exit 1; }
    for attempt in 1 2 3 4 5; do
      port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
      options="-c listen_addresses=127.0.0.1 -p $port -k $data $settings"
      if as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 -o "$options" start >/dev/null; then
        echo "$options" >"$data.options"
        echo "export GUIDANCEBOT_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
        echo "export GUIDANCEBOT_TEST_PGDATA='$data'"
        exit 0
      fi
    done
    tail -n 20 "$data/server.log" >&2
    exit 1
    ;;
  stop)
    data=${2:?give the data folder}
    bin=$(pg_bin)
    as_owner "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$data" "$data.initdb.log" "$data.options"
    ;;
  pause)
    data=${2:?give the data folder}
    as_owner "$(pg_bin)/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    ;;
  resume)
    data=${2:?give the data folder}
    as_owner "$(pg_bin)/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 -o "$(cat "$data.options")" start >/dev/null
    ;;
  *)
    echo "usage: $0 start [durable] | stop DATA-FOLDER | pause DATA-FOLDER | resume DATA-FOLDER" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Publishes the bot and a load generator in Release, starts the bot on 127.0.0.1:5080 with a fresh database, runs the
# generator against it and prints the figures and the database size.
# The generator is bench/$BENCH_GENERATOR (default GuidanceBot.LoadGen, the /api/messages one);
# arguments are passed to it, e.g.  bench/run-load.sh --conversations 64 --duration 30
# BENCH_STORAGE picks the database, one run each in the order given: "sqlite" (default), "postgres", or
# "sqlite postgres" to compare both in the same run (PostgreSQL: a throw-away cluster, fsync on, commits not waiting
# for the WAL flush — the same promise as SQLite's WAL with synchronous=NORMAL; see tests/postgres-cluster.sh).
# BENCH_INSTANCES=2 (PostgreSQL only) starts two hosts on one database, on ports 5080 and 5082, and runs half the
# conversations against each; BENCH_INSTANCES="1 2" runs one host, then two, each on a fresh database, in one run.
# Set BENCH_KEEP=1 to keep the temporary folder (published bits, host logs, bench.db).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
generator=${BENCH_GENERATOR:-GuidanceBot.LoadGen}
storages=${BENCH_STORAGE:-sqlite}
instances=${BENCH_INSTANCES:-1}
ports=(5080 5082)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/guidancebot-bench.XXXXXX")
host_pids=()
pg_data=""

stop_hosts() {
  for pid in "${host_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      # Give the host time to flush and checkpoint, then insist.
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  host_pids=()
}

cleanup() {
  stop_hosts
  [[ -n "$pg_data" ]] && "$repo/tests/postgres-cluster.sh" stop "$pg_data"
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
    echo "kept $tmp"
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT

# Measuring some other process by mistake would be worse than failing.
for port in "${ports[@]}"; do
  if curl -fs --max-time 1 "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
    echo "error: something already answers on 127.0.0.1:$port; stop it first" >&2
    exit 1
  fi
done

echo "== publishing (Release) into $tmp"
dotnet publish "$repo/src/GuidanceBot.Web" -c Release -o "$tmp/web" -nologo -v quiet
dotnet publish "$repo/bench/$generator" -c Release -o "$tmp/loadgen" -nologo -v quiet

# start_host STORAGE PORT: starts the bot on 127.0.0.1:PORT and waits for /healthz.
start_host() {
  local storage=$1 port=$2 log="$tmp/host-$1-$2.log"
  (
    # Run from the publish folder so the host finds its appsettings.json and content there.
    cd "$tmp/web"
    export ASPNETCORE_URLS="http://127.0.0.1:$port"
    export ASPNETCORE_ENVIRONMENT=Production
    export Logging__LogLevel__Default=Warning
    export GuidanceBot__Content__Directory="$repo/dialogs"
    export GuidanceBot__DirectLine__Secret="$secret"
    if [[ "$storage" == postgres ]]; then
      export GuidanceBot__Storage__Provider=Postgres
      export ConnectionStrings__GuidanceBot="$pg_connection"
    else
      export GuidanceBot__Storage__SqlitePath="$tmp/bench.db"
    fi
    exec dotnet GuidanceBot.Web.dll
  ) >"$log" 2>&1 &
  local pid=$!
  host_pids+=("$pid")
  local deadline=$((SECONDS + 60))
  until curl -fs --max-time 1 "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "error: the bot exited during start-up; its log:" >&2
      tail -n 40 "$log" >&2
      exit 1
    fi
    if (( SECONDS >= deadline )); then
      echo "error: 127.0.0.1:$port/healthz did not answer within 60 s; the bot's log:" >&2
      tail -n 40 "$log" >&2
      exit 1
    fi
    sleep 0.2
  done
  echo "== bot is up on port $port (pid $pid, $storage)"
}

secret="bench-secret-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
rc=0
runs=()
for storage in $storages; do
  if [[ "$storage" == postgres ]]; then
    for count in $instances; do runs+=("postgres:$count"); done
  else
    runs+=("$storage:1")
  fi
done
for run in "${runs[@]}"; do
  storage=${run%%:*}
  count=${run##*:}
  echo
  echo "######## $storage, $count instance(s)"
  if [[ "$storage" == postgres ]]; then
    eval "$("$repo/tests/postgres-cluster.sh" start durable)"
    pg_data=$GUIDANCEBOT_TEST_PGDATA
    psql "host=127.0.0.1 port=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$GUIDANCEBOT_TEST_POSTGRES") user=postgres dbname=postgres" -qc "CREATE DATABASE bench" >/dev/null
    pg_connection="${GUIDANCEBOT_TEST_POSTGRES/Database=postgres/Database=bench}"
  else
    rm -f "$tmp/bench.db" "$tmp/bench.db-wal" "$tmp/bench.db-shm"
  fi
  urls=()
  for ((i = 0; i < count; i++)); do
    start_host "$storage" "${ports[$i]}"
    urls+=("http://127.0.0.1:${ports[$i]}")
  done
  url_args=()
  for url in "${urls[@]}"; do url_args+=(--url "$url"); done
  dotnet "$tmp/loadgen/$generator.dll" "${url_args[@]}" "$@" || rc=$?

  stop_hosts
  for log in "$tmp"/host-"$storage"-*.log; do
    if [[ -s "$log" ]]; then
      echo "== bot log $(basename "$log") (warnings and errors, last 20 lines)"
      tail -n 20 "$log"
    fi
  done
  if [[ "$storage" == postgres ]]; then
    echo "== PostgreSQL after the run"
    psql "host=127.0.0.1 port=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$GUIDANCEBOT_TEST_POSTGRES") user=postgres dbname=bench" -Atc \
      "SELECT '  database ' || pg_size_pretty(pg_database_size('bench')) || ', ' || (SELECT COUNT(*) FROM events) || ' events, ' || (SELECT COUNT(*) FROM conversations) || ' conversations, ' || (SELECT COUNT(*) FROM directline_activities) || ' Direct Line activities'"
    "$repo/tests/postgres-cluster.sh" stop "$pg_data"
    pg_data=""
  else
    echo "== SQLite after the run"
    for f in "$tmp/bench.db" "$tmp/bench.db-wal" "$tmp/bench.db-shm"; do
      [[ -e "$f" ]] && printf '  %-12s %12s bytes\n' "$(basename "$f")" "$(stat -c %s "$f")"
    done
  fi
done
exit "$rc"

#!/usr/bin/env bash
# Publishes the bot and a load generator in Release, starts the bot on 127.0.0.1:5080 with a
# fresh SQLite file, runs the generator against it and prints the figures and the file size.
# The generator is bench/$BENCH_GENERATOR (default GuidanceBot.LoadGen, the /api/messages one);
# arguments are passed to it, e.g.  bench/run-load.sh --conversations 64 --duration 30
# Set BENCH_KEEP=1 to keep the temporary folder (published bits, host.log, bench.db).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
generator=${BENCH_GENERATOR:-GuidanceBot.LoadGen}
port=5080
base="http://127.0.0.1:${port}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/guidancebot-bench.XXXXXX")
host_pid=""

stop_host() {
  if [[ -n "$host_pid" ]] && kill -0 "$host_pid" 2>/dev/null; then
    kill -TERM "$host_pid" 2>/dev/null || true
    # Give the host time to flush and checkpoint SQLite, then insist.
    for _ in $(seq 100); do kill -0 "$host_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$host_pid" 2>/dev/null || true
    wait "$host_pid" 2>/dev/null || true
  fi
  host_pid=""
}

cleanup() {
  stop_host
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
    echo "kept $tmp"
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT

# Measuring some other process by mistake would be worse than failing.
if curl -fs --max-time 1 "$base/healthz" >/dev/null 2>&1; then
  echo "error: something already answers on $base; stop it first" >&2
  exit 1
fi

echo "== publishing (Release) into $tmp"
dotnet publish "$repo/src/GuidanceBot.Web" -c Release -o "$tmp/web" -nologo -v quiet
dotnet publish "$repo/bench/$generator" -c Release -o "$tmp/loadgen" -nologo -v quiet

echo "== starting the bot on $base"
# Run from the publish folder so the host finds its appsettings.json and content there.
(
  cd "$tmp/web"
  export ASPNETCORE_URLS="$base"
  export ASPNETCORE_ENVIRONMENT=Production
  export Logging__LogLevel__Default=Warning
  export GuidanceBot__Storage__SqlitePath="$tmp/bench.db"
  export GuidanceBot__Content__Directory="$repo/dialogs"
  export GuidanceBot__DirectLine__Secret="bench-secret-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  exec dotnet GuidanceBot.Web.dll
) >"$tmp/host.log" 2>&1 &
host_pid=$!

deadline=$((SECONDS + 60))
until curl -fs --max-time 1 "$base/healthz" >/dev/null 2>&1; do
  if ! kill -0 "$host_pid" 2>/dev/null; then
    echo "error: the bot exited during start-up; its log:" >&2
    tail -n 40 "$tmp/host.log" >&2
    exit 1
  fi
  if (( SECONDS >= deadline )); then
    echo "error: $base/healthz did not answer within 60 s; the bot's log:" >&2
    tail -n 40 "$tmp/host.log" >&2
    exit 1
  fi
  sleep 0.2
done
echo "== bot is up (pid $host_pid)"

rc=0
dotnet "$tmp/loadgen/$generator.dll" --url "$base" "$@" || rc=$?

stop_host
if [[ -s "$tmp/host.log" ]]; then
  echo "== bot log (warnings and errors, last 20 lines)"
  tail -n 20 "$tmp/host.log"
fi

echo "== SQLite after the run"
found=0
for f in "$tmp/bench.db" "$tmp/bench.db-wal" "$tmp/bench.db-shm"; do
  if [[ -e "$f" ]]; then
    found=1
    printf '  %-12s %12s bytes\n' "$(basename "$f")" "$(stat -c %s "$f")"
  fi
done
(( found )) || echo "  $tmp/bench.db was not created (is GuidanceBot__Storage__SqlitePath honoured?)"

exit "$rc"

#!/usr/bin/env bash
# Soak: the bot (Release, SQLite) under 64 conversations for SOAK_SECONDS (default 600): half over /api/messages
# (GuidanceBot.LoadGen), half Web Chat-like over Direct Line with WebSocket streams (GuidanceBot.DirectLineLoad).
# Prints the host's resident memory after the warm-up, every SOAK_SAMPLE seconds (default 60) and at the end, and both
# generators' turns/s and latencies. Memory is flat when the end is within a few per cent of the warm-up figure.
# Usage: bench/run-soak.sh            SOAK_SECONDS=120 bench/run-soak.sh (a short run)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${SOAK_SECONDS:-600}
sample=${SOAK_SAMPLE:-60}
port=${SOAK_PORT:-5092}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/guidancebot-soak.XXXXXX")
host_pid=""
cleanup() {
  [[ -n "$host_pid" ]] && kill -TERM "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

echo "== publishing (Release) into $tmp"
dotnet publish "$repo/src/GuidanceBot.Web" -c Release -o "$tmp/web" -nologo -v quiet
dotnet publish "$repo/bench/GuidanceBot.LoadGen" -c Release -o "$tmp/loadgen" -nologo -v quiet
dotnet publish "$repo/bench/GuidanceBot.DirectLineLoad" -c Release -o "$tmp/dlload" -nologo -v quiet

(
  cd "$tmp/web"
  export ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
  export GuidanceBot__Content__Directory="$repo/dialogs" GuidanceBot__Storage__SqlitePath="$tmp/soak.db"
  # One machine plays 64 citizens: the per-address limits would (rightly) stop it.
  export GuidanceBot__AbuseLimits__Enabled=false
  exec dotnet GuidanceBot.Web.dll
) >"$tmp/host.log" 2>&1 &
host_pid=$!
until curl -fs --max-time 1 "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
  kill -0 "$host_pid" 2>/dev/null || { tail -n 40 "$tmp/host.log" >&2; exit 1; }
  sleep 0.2
done

rss() { awk '/VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$host_pid/status"; }
url="http://127.0.0.1:$port"
dotnet "$tmp/loadgen/GuidanceBot.LoadGen.dll" --url "$url" --conversations 32 --warmup 30 --duration "$seconds" >"$tmp/messages.txt" 2>&1 &
messages=$!
dotnet "$tmp/dlload/GuidanceBot.DirectLineLoad.dll" --url "$url" --clients 32 --warmup 30 --duration "$seconds" >"$tmp/directline.txt" 2>&1 &
directline=$!
sleep 30
echo "== memory after the 30 s warm-up: $(rss)"
for ((t = sample; t < seconds; t += sample)); do
  sleep "$sample"
  echo "   at $t s: $(rss)"
done
wait "$messages" || true
wait "$directline" || true
echo "== memory at the end ($seconds s): $(rss)"
echo "== /api/messages (32 conversations)"; cat "$tmp/messages.txt"
echo "== Direct Line (32 Web Chat-like clients)"; cat "$tmp/directline.txt"
printf '== SQLite: %s bytes, WAL %s bytes\n' "$(stat -c %s "$tmp/soak.db")" "$(stat -c %s "$tmp/soak.db-wal" 2>/dev/null || echo 0)"
grep -E "warn|fail|crit" "$tmp/host.log" | tail -n 10 || true

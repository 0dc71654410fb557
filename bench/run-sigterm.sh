#!/usr/bin/env bash
# SIGTERM under load: publishes the bot in Release, starts it on 127.0.0.1:5081 with a fresh SQLite file, has
# WORKERS concurrent curl transfers post turns to /api/messages (expectReplies), sends the bot SIGTERM after WARMUP seconds and
# counts what the clients saw:
#   answered          200 with the bot's replies (including every turn that was in flight at SIGTERM)
#   refused-draining  503 ShuttingDown with Retry-After, while the turns in flight finish
#   refused-stopped   connection refused once the server has stopped listening
#   broken            connection reset or empty reply: a request caught by the server's final stop before it
#                     was admitted (it never became a turn; a client retries it like a refused connection)
#   turns saved       turns the bot finished and saved; equal to "answered" when none was cut off
# Usage: bench/run-sigterm.sh [WORKERS=32] [WARMUP=5]   (REQUESTS=40000 turns in all; BENCH_KEEP=1 keeps the folder)
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
workers=${1:-32}
warmup=${2:-5}
port=5081
base="http://127.0.0.1:${port}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/guidancebot-sigterm.XXXXXX")
host_pid=""

cleanup() {
  if [[ -n "$host_pid" ]] && kill -0 "$host_pid" 2>/dev/null; then kill -KILL "$host_pid" 2>/dev/null; fi
  jobs -p | xargs -r kill 2>/dev/null
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

if curl -fs --max-time 1 "$base/healthz" >/dev/null 2>&1; then
  echo "error: something already answers on $base; stop it first" >&2
  exit 1
fi

echo "== publishing (Release) into $tmp"
dotnet publish "$repo/src/GuidanceBot.Web" -c Release -o "$tmp/web" -nologo -v quiet || exit 1

echo "== starting the bot on $base"
(
  cd "$tmp/web"
  exec env ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Production \
    Logging__LogLevel__Default=Warning 'Logging__LogLevel__GuidanceBot.Web.Hosting.ShutdownDrain=Information' \
    GuidanceBot__Storage__SqlitePath="$tmp/bench.db" GuidanceBot__Content__Directory="$repo/dialogs" \
    dotnet GuidanceBot.Web.dll
) >"$tmp/host.log" 2>&1 &
host_pid=$!
deadline=$((SECONDS + 60))
until curl -fs --max-time 1 "$base/readyz" >/dev/null 2>&1; do
  if ! kill -0 "$host_pid" 2>/dev/null || (( SECONDS >= deadline )); then
    echo "error: the bot did not become ready; its log:" >&2
    tail -n 40 "$tmp/host.log" >&2
    exit 1
  fi
  sleep 0.2
done

# One curl process, WORKERS transfers at a time over kept-alive connections, REQUESTS turns spread over 200
# conversations that walk the menu and back, so turns do real work (dialogs, state, events).
requests=${REQUESTS:-40000}
texts=("xin chào" "khai sinh" "có" "quay lại" "giúp" "thoát")
for i in $(seq 0 $((requests - 1))); do
  printf 'url = "%s/api/messages"\nheader = "Content-Type: application/json"\noutput = "/dev/null"\n' "$base"
  printf 'data = "{\\"type\\":\\"message\\",\\"channelId\\":\\"bench\\",\\"from\\":{\\"id\\":\\"u%d\\"},\\"conversation\\":{\\"id\\":\\"sigterm-%d\\"},\\"text\\":\\"%s\\",\\"deliveryMode\\":\\"expectReplies\\"}"\n' \
    $((i % 200)) $((i % 200)) "${texts[$(((i / 200) % ${#texts[@]}))]}"
  printf 'write-out = "%%{exitcode} %%{http_code}\\n"\nnext\n'
done >"$tmp/requests.curl"

echo "== $requests turns, $workers at a time; SIGTERM after ${warmup} s"
curl -s -Z --parallel-max "$workers" --max-time 60 -K "$tmp/requests.curl" >"$tmp/outcomes" &
curl_pid=$!
sleep "$warmup"
kill -TERM "$host_pid"
sent_at=$SECONDS
wait "$host_pid"
host_rc=$?
host_pid=""
stopped_after=$((SECONDS - sent_at))
wait "$curl_pid"

saved=$(python3 - "$tmp/bench.db" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(sum(json.loads(s).get("turnCount", 0) for (s,) in db.execute("SELECT state FROM conversations WHERE key LIKE 'bench/%'")))
PY
)

awk -v host_rc="$host_rc" -v stopped="$stopped_after" -v saved="$saved" '
  $1 == 0 && $2 == 200 { answered++ ; next }
  $1 == 0 && $2 == 503 { draining++ ; next }
  $1 == 7 { stopped_conn++ ; next }
  $1 == 52 || $1 == 56 || $1 == 55 { broken++ ; next }
  { other++ ; print "  other: curl " $1 " http " $2 }
  END {
    printf "requests          %d\n", answered + draining + stopped_conn + broken + other
    printf "answered          %d\n", answered
    printf "refused-draining  %d\n", draining
    printf "refused-stopped   %d\n", stopped_conn
    printf "broken            %d\n", broken
    printf "turns saved       %d (by the bot; equal to answered: no turn finished without its answer, none lost)\n", saved
    printf "other             %d\n", other
    printf "host exit code    %d (stopped %d s after SIGTERM)\n", host_rc, stopped
  }' "$tmp/outcomes"
echo "== the host's shutdown lines"
grep -E "Shutting down|Drained|Drain timed out" "$tmp/host.log" || echo "  (none: see $tmp/host.log)"

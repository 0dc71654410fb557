#!/usr/bin/env bash
# Crash consistency: starts the bot (Release), puts conversations through /api/messages, kills the host with SIGKILL
# at a random moment, restarts it on the same database and checks that
#   - every acknowledged turn is in its conversation's state (turnCount >= turns acknowledged, <= turns sent),
#   - every conversation with an acknowledged turn has exactly one conversation-started event (none lost, none doubled),
#   - no event row is stored twice (same conversation, kind, time, run, step and properties),
#   - every conversation takes one more turn after the restart, and its turnCount goes up by exactly one.
# Usage: bench/run-crash.sh                    20 rounds on SQLite, then 20 on PostgreSQL
#        CRASH_ROUNDS=5 CRASH_STORAGE=sqlite bench/run-crash.sh
#        CRASH_CONVERSATIONS=16 (default) concurrent conversations; CRASH_MAX_SECONDS=4 longest load before the kill
# Exit code 0 when every round passed. BENCH_KEEP=1 keeps the temporary folder.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${CRASH_ROUNDS:-20}
storages=${CRASH_STORAGE:-sqlite postgres}
conversations=${CRASH_CONVERSATIONS:-16}
max_seconds=${CRASH_MAX_SECONDS:-4}
port=${CRASH_PORT:-5090}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/guidancebot-crash.XXXXXX")
host_pid=""
pg_data=""

cleanup() {
  [[ -n "$host_pid" ]] && kill -KILL "$host_pid" 2>/dev/null || true
  [[ -n "$pg_data" ]] && "$repo/tests/postgres-cluster.sh" stop "$pg_data"
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

if curl -fs --max-time 1 "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
  echo "error: something already answers on 127.0.0.1:$port; set CRASH_PORT" >&2
  exit 1
fi

echo "== publishing (Release) into $tmp"
dotnet publish "$repo/src/GuidanceBot.Web" -c Release -o "$tmp/web" -nologo -v quiet

start_host() {
  local storage=$1
  (
    cd "$tmp/web"
    export ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
    export GuidanceBot__Content__Directory="$repo/dialogs" GuidanceBot__AbuseLimits__Enabled=false
    if [[ "$storage" == postgres ]]; then
      export GuidanceBot__Storage__Provider=Postgres ConnectionStrings__GuidanceBot="$pg_connection"
    else
      export GuidanceBot__Storage__SqlitePath="$tmp/crash.db"
    fi
    exec dotnet GuidanceBot.Web.dll
  ) >>"$tmp/host-$storage.log" 2>&1 &
  host_pid=$!
  local deadline=$((SECONDS + 90))
  until curl -fs --max-time 1 "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
    if ! kill -0 "$host_pid" 2>/dev/null || (( SECONDS >= deadline )); then
      echo "error: the bot did not come up; its log:" >&2
      tail -n 40 "$tmp/host-$storage.log" >&2
      exit 1
    fi
    sleep 0.2
  done
}

# The load: one thread per conversation, each keeping one turn in flight, counting turns sent and acknowledged (200).
cat >"$tmp/load.py" <<'PY'
import json, sys, threading, urllib.request
port, prefix, count, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
texts = ["tôi muốn làm giấy khai sinh", "dang ky tam tru", "cccd", "giúp", "quay lại", "bắt đầu lại", "có", "không", "1", "2"]
sent = {}; acked = {}
def worker(n):
    conv = f"{prefix}-{n}"; sent[conv] = 0; acked[conv] = 0; turn = 0
    while True:
        body = {"type": "message", "channelId": "crash", "text": texts[(n + turn) % len(texts)], "deliveryMode": "expectReplies",
                "from": {"id": f"user-{n}"}, "recipient": {"id": "bot"}, "conversation": {"id": conv}, "locale": "vi-VN"}
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/messages", json.dumps(body).encode(), {"Content-Type": "application/json"})
        sent[conv] += 1
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()
                if response.status == 200:
                    acked[conv] += 1
        except Exception:
            return
        turn += 1
threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
[t.start() for t in threads]; [t.join() for t in threads]
json.dump({"sent": sent, "acked": acked}, open(out, "w"))
PY

# The check, reading the database the restarted host uses; prints one line and exits 1 on any violation.
cat >"$tmp/check.py" <<'PY'
import json, subprocess, sys, urllib.request
storage, port, counts_file, target = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
counts = json.load(open(counts_file))
def rows(sql):
    if storage == "sqlite":
        import sqlite3
        db = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        try: return db.execute(sql).fetchall()
        finally: db.close()
    out = subprocess.run(["psql", target, "-AtF", "\t", "-c", sql], check=True, capture_output=True, text=True).stdout
    return [tuple(line.split("\t")) for line in out.splitlines() if line]
def state_of(conv):
    if storage == "sqlite":
        found = rows(f"SELECT state FROM conversations WHERE key = 'crash/{conv}'")
    else:
        found = rows(f"SELECT state FROM conversations WHERE channel = 'crash' AND conversation_id = '{conv}'")
    if not found: return None
    state = json.loads(found[0][0])
    return {k.lower(): v for k, v in state.items()}
problems = []; acked_total = 0
for conv, acked in counts["acked"].items():
    acked_total += acked
    state = state_of(conv)
    if state is None:
        if acked: problems.append(f"{conv}: {acked} turns acknowledged, no state")
        continue
    turns = int(state.get("turncount", 0))
    if turns < acked: problems.append(f"{conv}: {acked} acknowledged, state has {turns}")
    if turns > counts["sent"][conv]: problems.append(f"{conv}: {turns} in state, only {counts['sent'][conv]} sent")
    started = rows(f"SELECT COUNT(*) FROM events WHERE conversation_id = '{state['analyticsid']}' AND kind = 'conversation-started'")
    if int(started[0][0]) != 1: problems.append(f"{conv}: {started[0][0]} conversation-started events")
    # One more turn after the restart goes through and counts once.
    body = {"type": "message", "channelId": "crash", "text": "xin chào", "deliveryMode": "expectReplies", "from": {"id": "u"},
            "recipient": {"id": "bot"}, "conversation": {"id": conv}, "locale": "vi-VN"}
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/messages", json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        if response.status != 200: problems.append(f"{conv}: {response.status} after the restart")
    after = int(state_of(conv).get("turncount", 0))
    if after != turns + 1: problems.append(f"{conv}: turnCount {turns} -> {after} after one turn")
props = "props" if storage == "sqlite" else "props::text"
duplicates = rows(f"SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE channel = 'crash' GROUP BY conversation_id, kind, ts, run_id, step_id, {props} HAVING COUNT(*) > 1) d")
if int(duplicates[0][0]): problems.append(f"{duplicates[0][0]} duplicated events")
events = rows("SELECT COUNT(*) FROM events WHERE channel = 'crash'")[0][0]
print(f"acknowledged {acked_total} turns in {len(counts['acked'])} conversations, {events} events so far: " + ("OK" if not problems else "FAILED " + "; ".join(problems[:5])))
sys.exit(1 if problems else 0)
PY

failed=0
for storage in $storages; do
  echo
  echo "######## $storage: $rounds rounds, $conversations conversations, kill -9 within ${max_seconds} s"
  if [[ "$storage" == postgres ]]; then
    eval "$("$repo/tests/postgres-cluster.sh" start durable)"
    pg_data=$GUIDANCEBOT_TEST_PGDATA
    pg_port=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$GUIDANCEBOT_TEST_POSTGRES")
    psql "host=127.0.0.1 port=$pg_port user=postgres dbname=postgres" -qc "CREATE DATABASE crash" >/dev/null
    pg_connection="${GUIDANCEBOT_TEST_POSTGRES/Database=postgres/Database=crash}"
    target="host=127.0.0.1 port=$pg_port user=postgres dbname=crash"
  else
    rm -f "$tmp"/crash.db*
    target="$tmp/crash.db"
  fi
  passed=0
  for round in $(seq "$rounds"); do
    start_host "$storage"
    python3 "$tmp/load.py" "$port" "r$round-$RANDOM" "$conversations" "$tmp/counts.json" &
    load_pid=$!
    sleep "$(python3 -c "import random; print(round(random.uniform(0.3, $max_seconds), 2))")"
    kill -KILL "$host_pid"; wait "$host_pid" 2>/dev/null || true
    wait "$load_pid"
    start_host "$storage"
    printf 'round %2d: ' "$round"
    if python3 "$tmp/check.py" "$storage" "$port" "$tmp/counts.json" "$target"; then passed=$((passed + 1)); else failed=1; fi
    kill -TERM "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""
  done
  echo "== $storage: $passed of $rounds rounds passed"
  if [[ -n "$pg_data" ]]; then "$repo/tests/postgres-cluster.sh" stop "$pg_data"; pg_data=""; fi
done
exit $failed

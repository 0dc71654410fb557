#!/usr/bin/env bash
# Does a flood of dashboard sign-ins slow citizens' turns? Starts the bot (Release, SQLite, abuse limits off so every
# sign-in reaches its password hash), measures turns over /api/messages (GuidanceBot.LoadGen) alone, then again while
# FLOOD_CLIENTS (default 6) anonymous clients post wrong passwords for an unknown name and for a real account as
# fast as they can. Prints both runs' turns/s and latencies and how many sign-ins were answered.
# Usage: bench/run-signin-flood.sh          FLOOD_SECONDS=20 FLOOD_CLIENTS=6 CONVERSATIONS=8
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${FLOOD_SECONDS:-15}
clients=${FLOOD_CLIENTS:-6}
conversations=${CONVERSATIONS:-8}
port=${FLOOD_PORT:-5093}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/guidancebot-flood.XXXXXX")
host_pid=""
cleanup() {
  [[ -n "$host_pid" ]] && kill -TERM "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

echo "== publishing (Release) into $tmp"
dotnet publish "$repo/src/GuidanceBot.Web" -c Release -o "$tmp/web" -nologo -v quiet
dotnet publish "$repo/src/GuidanceBot.Cli" -c Release -o "$tmp/cli" -nologo -v quiet
dotnet publish "$repo/bench/GuidanceBot.LoadGen" -c Release -o "$tmp/loadgen" -nologo -v quiet
echo "a-long-password-1" | GuidanceBot__Content__Directory="$repo/dialogs" \
  dotnet "$tmp/cli/guidancebot.dll" staff add lan.admin --role admin --password-stdin --sqlite "$tmp/flood.db" >/dev/null

(
  cd "$tmp/web"
  export ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
  export GuidanceBot__Content__Directory="$repo/dialogs" GuidanceBot__Storage__SqlitePath="$tmp/flood.db" GuidanceBot__AbuseLimits__Enabled=false
  exec dotnet GuidanceBot.Web.dll
) >"$tmp/host.log" 2>&1 &
host_pid=$!
until curl -fs --max-time 1 "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
  kill -0 "$host_pid" 2>/dev/null || { tail -n 40 "$tmp/host.log" >&2; exit 1; }
  sleep 0.2
done

cat >"$tmp/flood.py" <<'PY'
import html, http.cookiejar, re, sys, threading, time, urllib.parse, urllib.request
port, clients, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
answered = [0] * clients
def flood(n):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    deadline = time.time() + seconds
    while time.time() < deadline:
        page = opener.open(f"http://127.0.0.1:{port}/dashboard/sign-in").read().decode()
        token = re.search(r'name="__csrf" value="([^"]+)"', page).group(1)
        name = "lan.admin" if n % 2 else f"nobody-{n}"
        body = urllib.parse.urlencode({"name": name, "password": "wrong-password", "__csrf": html.unescape(token)}).encode()
        try:
            opener.open(f"http://127.0.0.1:{port}/dashboard/sign-in", body).read()
        except urllib.error.HTTPError as e:
            e.read()
        answered[n] += 1
threads = [threading.Thread(target=flood, args=(n,)) for n in range(clients)]
[t.start() for t in threads]; [t.join() for t in threads]
print(f"   {sum(answered)} sign-ins answered in {seconds:.0f} s by {clients} clients ({sum(answered) / seconds:.1f}/s)")
PY

load() { dotnet "$tmp/loadgen/GuidanceBot.LoadGen.dll" --url "http://127.0.0.1:$port" --conversations "$conversations" --warmup 5 --duration "$seconds"; }
echo "== citizens alone ($conversations conversations, $seconds s)"
load
echo "== citizens during a sign-in flood ($clients clients)"
python3 "$tmp/flood.py" "$port" "$clients" "$((seconds + 5))" &
flood_pid=$!
load
wait "$flood_pid"

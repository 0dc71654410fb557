#!/usr/bin/env bash
# Times every dashboard page (server-rendered HTML, signed in as staff) over a SQLite file holding synthetic events.
# Usage: bench/dashboard-pages.sh [EVENTS]   (default 1000000; the file is kept in /tmp and reused on the next run)
# The first request after start folds all events into the daily roll-ups; it is reported apart, then each page is timed
# 5 times and the median and the slowest are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-1000000}
DB=${DB:-/tmp/gb-dashboard-bench-$EVENTS.db}
PORT=${PORT:-5281}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)

if [ ! -f "$DB" ]; then
  dotnet run -c Release --project bench/GuidanceBot.AnalyticsBench -- --events "$EVENTS" --db "$DB" | sed -n '1,2p'
fi
dotnet build -c Release -v q -nologo src/GuidanceBot.Cli >/dev/null
dotnet build -c Release -v q -nologo src/GuidanceBot.Web >/dev/null
printf 'bench-password-1\n' | dotnet src/GuidanceBot.Cli/bin/Release/net10.0/guidancebot.dll staff add bench --role viewer --password-stdin --sqlite "$DB" >/dev/null

GuidanceBot__Storage__SqlitePath="$DB" ASPNETCORE_URLS="$BASE" Logging__LogLevel__Default=Warning \
  dotnet src/GuidanceBot.Web/bin/Release/net10.0/GuidanceBot.Web.dll >"$WORK/web.log" 2>&1 &
WEB=$!
trap 'kill $WEB 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.2; done

JAR="$WORK/jar"
TOKEN=$(curl -s -c "$JAR" -b "$JAR" "$BASE/dashboard/sign-in" | grep -o 'name="__csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "__csrf=$TOKEN" --data-urlencode name=bench \
  --data-urlencode password=bench-password-1 "$BASE/dashboard/sign-in"

EVENTS_IN_DB=$(python3 -c "import sqlite3,sys;print(sqlite3.connect(sys.argv[1]).execute('select count(*) from events').fetchone()[0])" "$DB")
BUSIEST=$(curl -s -b "$JAR" "$BASE/api/analytics/summary" | python3 -c "import json,sys;print(max(json.load(sys.stdin)['flows'],key=lambda f:f['runs']['started'])['flow'])")
VERSION=$(curl -s -b "$JAR" "$BASE/api/analytics/flows" | python3 -c "import json,sys;print([f for f in json.load(sys.stdin) if f['id']=='$BUSIEST'][0]['version'])")
echo "events in the store: $EVENTS_IN_DB; busiest flow: $BUSIEST"
echo "first request (roll-up build included): $(curl -s -o /dev/null -w '%{time_total}' -b "$JAR" "$BASE/dashboard") s"

time_page() {
  local name=$1 url=$2 times=()
  for _ in 1 2 3 4 5; do
    times+=("$(curl -s -o "$WORK/page" -w '%{time_total}' -b "$JAR" "$BASE$url")")
  done
  grep -qE "<main|flow,version," "$WORK/page" || { echo "$name: no page rendered" >&2; exit 1; }
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$name" '{t[NR]=$1} END {printf "| %-40s | %6.0f ms | %6.0f ms |\n", n, t[3]*1000, t[NR]*1000}'
}
echo "| page | median | slowest |"
echo "|---|---|---|"
time_page "overview, last 30 days" "/dashboard"
time_page "overview, 90 days" "/dashboard?from=2026-08-29&to=2026-11-26"
time_page "funnel, busiest flow, 90 days" "/dashboard/funnel?flow=$BUSIEST&from=2026-08-29&to=2026-11-26"
time_page "funnel, one version, zalo, vi" "/dashboard/funnel?flow=$BUSIEST&version=$VERSION&channel=zalo&language=vi&from=2026-08-29&to=2026-11-26"
time_page "funnel, two versions side by side" "/dashboard/funnel?flow=$BUSIEST&version=$VERSION&compare=$VERSION&from=2026-08-29&to=2026-11-26"
time_page "funnel CSV" "/dashboard/funnel.csv?flow=$BUSIEST&from=2026-08-29&to=2026-11-26"
time_page "not understood, 90 days" "/dashboard/not-understood?from=2026-08-29&to=2026-11-26"
time_page "report, month" "/dashboard/report?period=month&at=2026-10-15"
time_page "report, week" "/dashboard/report?period=week&at=2026-11-20"

#!/usr/bin/env bash
# Compares the dashboard pages of two checkouts (e.g. main and a branch) on the same SQLite file: both Release hosts
# run at once and each page is requested from A, then B, A, B… so both see the same machine load (a 2-core machine
# shared with builds swings 2-5x between runs, far more than a rendering change). Prints the median of each and the
# ratio. Fill the file and add the staff account first with bench/dashboard-pages.sh.
# Usage: bench/dashboard-pages-ab.sh DIR_A DIR_B [ROUNDS]   (DB=/tmp/gb-dashboard-bench-1000000.db by default)
set -euo pipefail
A=$1; B=$2; ROUNDS=${3:-11}
DB=${DB:-/tmp/gb-dashboard-bench-1000000.db}
for dir in "$A" "$B"; do dotnet build -c Release -v q -nologo "$dir/src/GuidanceBot.Web" >/dev/null; done
WORK=$(mktemp -d)
start() { # dir port
  GuidanceBot__Storage__SqlitePath="$DB" ASPNETCORE_URLS="http://127.0.0.1:$2" Logging__LogLevel__Default=Warning \
    dotnet "$1/src/GuidanceBot.Web/bin/Release/net10.0/GuidanceBot.Web.dll" >"$WORK/web-$2.log" 2>&1 &
  echo $!
}
PA=$(start "$A" 5393); PB=$(start "$B" 5394)
trap 'kill $PA $PB 2>/dev/null; rm -rf "$WORK"' EXIT
for p in 5393 5394; do for _ in $(seq 150); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.2; done; done
signin() { # port
  local jar="$WORK/jar-$1" base="http://127.0.0.1:$1"
  local token=$(curl -s -c "$jar" -b "$jar" "$base/dashboard/sign-in" | grep -o 'name="__csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__csrf=$token" --data-urlencode name=bench --data-urlencode password=bench-password-1 "$base/dashboard/sign-in"
  curl -s -o /dev/null -b "$jar" "$base/dashboard"
}
signin 5393; signin 5394
BUSIEST=$(curl -s -b "$WORK/jar-5393" "http://127.0.0.1:5393/api/analytics/summary" | python3 -c "import json,sys;print(max(json.load(sys.stdin)['flows'],key=lambda f:f['runs']['started'])['flow'])")
VERSION=$(curl -s -b "$WORK/jar-5393" "http://127.0.0.1:5393/api/analytics/flows" | python3 -c "import json,sys;print([f for f in json.load(sys.stdin) if f['id']=='$BUSIEST'][0]['version'])")
pages=(
 "overview, last 30 days|/dashboard"
 "overview, 90 days|/dashboard?from=2026-08-29&to=2026-11-26"
 "funnel, busiest flow, 90 days|/dashboard/funnel?flow=$BUSIEST&from=2026-08-29&to=2026-11-26"
 "funnel, one version, zalo, vi|/dashboard/funnel?flow=$BUSIEST&version=$VERSION&channel=zalo&language=vi&from=2026-08-29&to=2026-11-26"
 "funnel, two versions side by side|/dashboard/funnel?flow=$BUSIEST&version=$VERSION&compare=$VERSION&from=2026-08-29&to=2026-11-26"
 "funnel CSV|/dashboard/funnel.csv?flow=$BUSIEST&from=2026-08-29&to=2026-11-26"
 "not understood, 90 days|/dashboard/not-understood?from=2026-08-29&to=2026-11-26"
 "report, month|/dashboard/report?period=month&at=2026-10-15"
 "report, week|/dashboard/report?period=week&at=2026-11-20"
)
echo "| page | A (median) | B (median) | B / A |"
echo "|---|---|---|---|"
for entry in "${pages[@]}"; do
  name=${entry%%|*}; url=${entry#*|}
  : >"$WORK/a"; : >"$WORK/b"
  curl -s -o /dev/null -b "$WORK/jar-5393" "http://127.0.0.1:5393$url"; curl -s -o /dev/null -b "$WORK/jar-5394" "http://127.0.0.1:5394$url"
  for _ in $(seq "$ROUNDS"); do
    curl -s -o "$WORK/pa" -w '%{time_total}\n' -b "$WORK/jar-5393" "http://127.0.0.1:5393$url" >>"$WORK/a"
    curl -s -o "$WORK/pb" -w '%{time_total}\n' -b "$WORK/jar-5394" "http://127.0.0.1:5394$url" >>"$WORK/b"
  done
  grep -qE "<main|flow,version," "$WORK/pb" || { echo "$name: no page from B" >&2; exit 1; }
  python3 - "$name" "$WORK/a" "$WORK/b" <<'PY'
import sys, statistics
n = sys.argv[1]; a = [float(x) for x in open(sys.argv[2])]; b = [float(x) for x in open(sys.argv[3])]
ma, mb = statistics.median(a) * 1000, statistics.median(b) * 1000
print(f"| {n} | {ma:.0f} ms | {mb:.0f} ms | {mb / ma:.2f} |")
PY
done

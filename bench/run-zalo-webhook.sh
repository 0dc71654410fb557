#!/usr/bin/env bash
# Publishes the web host in Release with the Zalo channel configured (its OA API pointed at a closed local port, so
# replies queue and back off), then posts signed webhook events with 200 concurrent senders and prints the ack latency.
# Arguments go to the benchmark: [concurrency=200] [posts=30000] [warmup=5000].
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
port=5081
tmp=$(mktemp -d "${TMPDIR:-/tmp}/guidancebot-zalo-bench.XXXXXX")
host_pid=""
cleanup() {
  if [[ -n "$host_pid" ]]; then kill -TERM "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

dotnet publish "$repo/src/GuidanceBot.Web" -c Release -o "$tmp/web" >/dev/null
dotnet publish "$repo/bench/GuidanceBot.ZaloBench" -c Release -o "$tmp/bench" >/dev/null

cd "$repo"
ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
  GuidanceBot__Storage__SqlitePath="$tmp/bench.db" \
  GuidanceBot__Zalo__AppId=bench-app GuidanceBot__Zalo__OaSecretKey=bench-secret GuidanceBot__Zalo__AppSecret=x \
  GuidanceBot__Zalo__OpenApiBaseUrl=http://127.0.0.1:9 GuidanceBot__Zalo__OAuthBaseUrl=http://127.0.0.1:9 \
  dotnet "$tmp/web/GuidanceBot.Web.dll" >"$tmp/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 100); do curl -fs --max-time 1 "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

dotnet "$tmp/bench/GuidanceBot.ZaloBench.dll" "http://127.0.0.1:$port" bench-app bench-secret "$@"

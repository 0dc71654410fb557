#!/usr/bin/env bash
# Direct Line load: run-load.sh with GuidanceBot.DirectLineLoad, Web Chat-like WebSocket clients (500 by default)
# each walking a flow; prints turns/s and latency from a user's post to the reply on the stream.
# Arguments are passed to the load generator, e.g.  bench/run-directline-load.sh --clients 200 --duration 30
set -euo pipefail
BENCH_GENERATOR=GuidanceBot.DirectLineLoad exec "$(dirname "${BASH_SOURCE[0]}")/run-load.sh" "$@"

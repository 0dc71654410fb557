#!/usr/bin/env bash
# Runs bench/GuidanceBot.AnalyticsBench against a throw-away PostgreSQL cluster (tests/postgres-cluster.sh, fsync on)
# with an empty database, then stops the cluster. Arguments go to the benchmark, e.g.
#   bench/run-analytics-postgres.sh --events 10000000
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
eval "$("$repo/tests/postgres-cluster.sh" start durable)"
trap '"$repo/tests/postgres-cluster.sh" stop "$GUIDANCEBOT_TEST_PGDATA"' EXIT
port=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$GUIDANCEBOT_TEST_POSTGRES")
psql "host=127.0.0.1 port=$port user=postgres dbname=postgres" -qc "CREATE DATABASE bench" >/dev/null
cd "$repo"
dotnet run -c Release --project bench/GuidanceBot.AnalyticsBench -- --postgres "${GUIDANCEBOT_TEST_POSTGRES/Database=postgres/Database=bench}" "$@"
psql "host=127.0.0.1 port=$port user=postgres dbname=bench" -Atc \
  "SELECT 'database ' || pg_size_pretty(pg_database_size('bench')) || ', events ' || pg_size_pretty(SUM(pg_total_relation_size(inhrelid))) || ' in ' || COUNT(*) || ' monthly partitions' FROM pg_inherits WHERE inhparent = 'events'::regclass"

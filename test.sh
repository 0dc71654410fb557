#!/usr/bin/env bash
# Runs GuidanceBot's tests on a fresh Debian machine: installs what the tests need when it is missing,
# starts a throw-away PostgreSQL for the storage tests (stopped at exit), then runs `dotnet test` and prints the
# closing line "N passed, N failed".
# Usage: ./test.sh [extra dotnet test arguments]
set -uo pipefail
cd "$(dirname "$0")"

need_packages=()
command -v python3 >/dev/null || need_packages+=(python3)
# Browser tests drive Debian's chromium through Playwright's bundled driver (no browser download).
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
# The Direct Line protocol tests run the real botframework-directlinejs under Node.
command -v node >/dev/null || need_packages+=(nodejs)
command -v npm >/dev/null || need_packages+=(npm)
# The store contract tests and the many-instance tests run against a real PostgreSQL.
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need_packages+=(postgresql)
# The deployment tests run the nginx site in front of the host and check the systemd unit with systemd-analyze.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || need_packages+=(nginx)
command -v systemd-analyze >/dev/null || need_packages+=(systemd)
if ((${#need_packages[@]})); then
  echo "== installing ${need_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need_packages[@]}" >/dev/null || { echo "apt-get install failed" >&2; exit 1; }
fi
dljs=tests/GuidanceBot.Browser.Tests/directlinejs
if [ ! -d "$dljs/node_modules/botframework-directlinejs" ] || [ ! -d "$dljs/node_modules/ws" ] || [ ! -d "$dljs/node_modules/xhr2" ]; then
  echo "== npm ci in $dljs"
  (cd "$dljs" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || { echo "npm ci failed in $dljs" >&2; exit 1; }
fi
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download" >&2; exit 1; }

# A cluster of our own in a temporary folder on a free port (other runs on this machine have theirs); the tests read
# its connection string from GUIDANCEBOT_TEST_POSTGRES and make a database per test class.
pg_env=$(tests/postgres-cluster.sh start) || { echo "could not start PostgreSQL for the tests" >&2; exit 1; }
eval "$pg_env"
trap 'tests/postgres-cluster.sh stop "$GUIDANCEBOT_TEST_PGDATA"' EXIT
echo "== PostgreSQL for the tests: $GUIDANCEBOT_TEST_POSTGRES"

rm -rf TestResults
dotnet test GuidanceBot.sln --logger "trx" --logger "console;verbosity=minimal" --results-directory TestResults "$@"
rc=$?

python3 - <<'PY'
import glob, re
passed = failed = 0
for f in glob.glob("TestResults/**/*.trx", recursive=True):
    text = open(f, encoding="utf-8-sig").read()
    m = re.search(r"<Counters ([^>]*)/>", text)
    if not m:
        continue
    c = dict(re.findall(r'(\w+)="(\d+)"', m.group(1)))
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
print(f"{passed} passed, {failed} failed")
PY
exit $rc

#!/usr/bin/env bash
# Runs every test of XaiLab on a fresh Debian 12 / Ubuntu 22.04 machine: installs what the tests need (Debian's
# chromium for the browser tests, Debian's postgresql for the PostgreSQL tests), starts a private PostgreSQL cluster
# on 127.0.0.1 (no systemd), restores tools and packages, builds in Release and runs the whole suite, then the
# database, job and API tests (trait Databases=Both) a second time on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the tests..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# A private PostgreSQL cluster: initdb into a temporary folder, start on a free loopback port, trust authentication.
# PostgreSQL refuses to run as root: then the cluster belongs to the "postgres" user the package creates.
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
pg_dir="$(mktemp -d -t xailab-pg-XXXXXX)"
pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; as_pg=(runuser -u postgres --); fi
stop_postgres() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U xailab --auth=trust -E UTF8 --no-locale --no-sync >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 -o \
  "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null
export XAILAB_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=xailab;Database=postgres;Pooling=false"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build XaiLab.sln -c Release -nologo -v quiet
results="$(mktemp -d)"
set +e
dotnet test XaiLab.sln -c Release --no-build --logger "trx;LogFileName=results.trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
status=$?
# The database, job and API tests once more, on PostgreSQL.
XAILAB_TEST_PROVIDER=Postgres dotnet test XaiLab.Tests -c Release --no-build --filter "Databases=Both" \
  --logger "trx;LogFileName=results-postgres.trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true || status=1
set -e
# The benchmark's smoke mode proves it still runs (tiny sizes; it asserts no timings).
if ! dotnet run -c Release --no-build --project benchmarks/XaiLab.Benchmarks -- --smoke --out "$results/bench-smoke.json" > "$results/bench-smoke.log" 2>&1; then
  echo "Benchmark smoke run failed:"; tail -40 "$results/bench-smoke.log"; status=1
fi
# One plain summary line for CI: "N passed, N failed".
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)); skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status

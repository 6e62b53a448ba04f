#!/usr/bin/env bash
# Runs every test of XaiLab on a fresh Debian 12 / Ubuntu 22.04 machine: installs what the tests need (Debian's
# chromium for the browser tests), restores tools and packages, builds in Release and runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! [ -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build XaiLab.sln -c Release -nologo -v quiet
results="$(mktemp -d)"
set +e
dotnet test XaiLab.sln -c Release --no-build --logger "trx;LogFileName=results.trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
status=$?
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

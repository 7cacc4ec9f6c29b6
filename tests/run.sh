#!/usr/bin/env bash
# Runs every test project on a fresh machine or a used one: installs the Debian packages the tests
# need, builds the bindings if needed,
# keeps jsii's temp files in a folder of this run's own and removes it afterwards.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CHECKPOINT_DISABLE=1

tests/prerequisites.sh
synth/bindings/bootstrap.sh

run_tmp=$(mktemp -d -t srp-tests-XXXXXX)
trap 'rm -rf "$run_tmp"' EXIT
export TMPDIR="$run_tmp" # jsii leaves its unpacked runtime here; the trap removes it

log="$run_tmp/test-output.log"
status=0
for project in tests/*/*.Tests.csproj; do
  echo "== $project" >&2
  dotnet test "$project" --nologo 2>&1 | tee -a "$log" || status=1
done

echo "== tests/recovery tests/security tests/diagrams tests/workflows tests/drill tests/watch (node --test; the failover end to end against moto, the workflows against their schema, a DR drill on real MariaDB, the watch as a user runs it)" >&2
node --test tests/recovery/ tests/security/ tests/diagrams/ tests/workflows/ tests/drill/ tests/watch/ 2>&1 | tee -a "$log" || status=1

echo "== tests/container-test.sh" >&2
tests/container-test.sh 2>&1 | tee -a "$log" || status=1

# One closing line over every project and script, in the form CI reads.
awk '/(Passed|Failed)! +- +Failed: / { gsub(",", ""); failed += $4; passed += $6 }
     /^[a-z]+: [0-9]+ passed, [0-9]+ failed$/ { passed += $2; failed += $4 }
     /^# pass [0-9]+$/ { passed += $3 } /^# fail [0-9]+$/ { failed += $3 }
     END { printf "tests: %d passed, %d failed\n", passed, failed }' "$log"
exit $status

#!/usr/bin/env bash
# Prints synth wall time and peak memory for a minimal stack (one VPC) and for every stack of
# the platform, their ratio, and how much each run leaves in its temp folder. Not a test: figures.
# usage: tests/Benchmarks/run.sh [runs per case, default 5]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs=${1:-5}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

synth/bindings/bootstrap.sh
# Both published ReadyToRun, as synth/run.sh runs the synth; the JIT build is measured too, for comparison.
publish() { dotnet publish "$1" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o "$2" --nologo -v quiet >/dev/null; }
publish tests/Benchmarks tests/Benchmarks/bin/app
publish synth synth/bin/app
dotnet build synth -c Release --nologo -v quiet >/dev/null
minimal_dll=tests/Benchmarks/bin/app/Benchmarks.dll
synth_dll=synth/bin/app/StudentRecords.Synth.dll
jit_dll=synth/bin/Release/net10.0/StudentRecords.Synth.dll
work=$(mktemp -d -t srp-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

# measure <label> <command...>: one run in a fresh TMPDIR; appends "wall_s peak_kb tmp_kb" to $work/<label>
measure() {
  local label=$1; shift
  local tmp="$work/tmp-$label-$RANDOM"; mkdir -p "$tmp"
  TMPDIR="$tmp" /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null
  echo "$(cat "$work/time") $(du -sk "$tmp" | cut -f1)" >> "$work/$label"
  rm -rf "$tmp" "$work/out"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_of() { awk -v c="$2" '{ print $c }' "$work/$1"; }

# First run with an empty jsii package cache: what a new machine pays once.
export JSII_RUNTIME_PACKAGE_CACHE_ROOT="$work/jsii-cache"
measure full-cold dotnet "$synth_dll" --output "$work/out"
for _ in $(seq "$runs"); do
  measure minimal dotnet "$minimal_dll" "$work/out"
  measure full dotnet "$synth_dll" --output "$work/out"
  measure full-jit dotnet "$jit_dll" --output "$work/out"
done

printf '%-34s %10s %14s %14s\n' case "wall (s)" "peak RSS (MB)" "temp left (KB)"
for label in minimal full full-jit full-cold; do
  printf '%-34s %10s %14s %14s\n' \
    "$label ($(wc -l < "$work/$label") run(s), median)" \
    "$(column_of "$label" 1 | median)" \
    "$(column_of "$label" 2 | median | awk '{ printf "%.0f", $1 / 1024 }')" \
    "$(column_of "$label" 3 | sort -n | tail -1)"
done
awk -v f="$(column_of full 1 | median)" -v m="$(column_of minimal 1 | median)" \
  'BEGIN { printf "full / minimal wall time: %.2fx (target <= 1.5x); full target <= 3.0 s, <= 400 MB\n", f / m }'

#!/usr/bin/env bash
# Runs the synth app: what `cdktf synth` runs (cdktf.json) and what the npm scripts call.
# Publishes it ReadyToRun first (incremental: about 1.5 s when nothing changed, like `dotnet run`'s
# build), so the synth starts from precompiled code instead of JIT-compiling the jsii runtime and the
# bindings on every run: a third less CPU (tests/Benchmarks/run.sh).
# usage: synth/run.sh [synth arguments...]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
app="$repo/synth/bin/app"
dotnet publish "$repo/synth" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
  -o "$app" --nologo -v quiet >&2
exec dotnet "$app/StudentRecords.Synth.dll" "$@"

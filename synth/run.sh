#!/usr/bin/env bash
# Runs the synth app: what `cdktf synth` runs (cdktf.json) and what the npm scripts call.
# Publishes it ReadyToRun first, so the synth starts from precompiled code instead of JIT-compiling the
# jsii runtime and the bindings on every run: a third less CPU (tests/Benchmarks/run.sh). It republishes
# only when an input changed (synth/inputs-stamp.sh, ~10 ms): MSBuild's own up-to-date check takes ~1.5 s
# even when nothing did.
# usage: synth/run.sh [synth arguments...]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
app="$repo/synth/bin/app"
stamp="$app/.inputs.sha256"
current=$("$repo/synth/inputs-stamp.sh" "$repo")
if [[ "$(cat "$stamp" 2>/dev/null)" != "$current" ]]; then
  rm -f "$stamp" # an interrupted publish must not pass for a finished one
  dotnet publish "$repo/synth" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
    -o "$app" --nologo -v quiet >&2
  echo "$current" > "$stamp"
fi
# A one-off synth runs its ReadyToRun code as it is (Synth.csproj turns tiered compilation off); the watch runs
# for hours and re-synthesizes the same code on every save, so it lets the JIT optimize what is hot.
[[ ${1:-} == watch ]] && export DOTNET_TieredCompilation=1
exec dotnet "$app/StudentRecords.Synth.dll" "$@"

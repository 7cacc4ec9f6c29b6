#!/usr/bin/env bash
# Runs the synth app: what `cdktf synth` runs (cdktf.json) and what the npm scripts call.
# Publishes it ReadyToRun first, so the synth starts from precompiled code instead of JIT-compiling the
# jsii runtime and the bindings on every run: a third less CPU (tests/Benchmarks/run.sh). It republishes
# only when an input changed (a stamp of their contents, ~10 ms): MSBuild's own up-to-date check takes
# ~1.5 s even when nothing did.
# usage: synth/run.sh [synth arguments...]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
app="$repo/synth/bin/app"
stamp="$app/.inputs.sha256"

inputs() ( # every file the build reads: sources, project and package settings, binding versions, the .NET installed
  cd "$repo"
  find synth model -path '*/bin' -prune -o -path '*/obj' -prune -o -path synth/bindings -prune -o -type f -print0 \
    | sort -z | xargs -0 sha256sum
  sha256sum Directory.Build.props Directory.Packages.props NuGet.config .bindings/Bindings.props
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  ls "$dotnet_root/sdk" "$dotnet_root/shared/Microsoft.NETCore.App"
)
current=$(inputs | sha256sum | cut -d' ' -f1)
if [[ "$(cat "$stamp" 2>/dev/null)" != "$current" ]]; then
  rm -f "$stamp" # an interrupted publish must not pass for a finished one
  dotnet publish "$repo/synth" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
    -o "$app" --nologo -v quiet >&2
  echo "$current" > "$stamp"
fi
exec dotnet "$app/StudentRecords.Synth.dll" "$@"

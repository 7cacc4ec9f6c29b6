#!/usr/bin/env bash
# Prints one hash of every file the synth app's build reads: its and the model's sources (not bin/ or
# obj/), the project and package settings, the binding versions, and the .NET SDKs and runtimes
# installed. synth/run.sh republishes the app when it changes.
# usage: synth/inputs-stamp.sh [repository root, default: this script's]
set -euo pipefail
cd "${1:-$(dirname "${BASH_SOURCE[0]}")/..}"
{
  find synth model -path '*/bin' -prune -o -path '*/obj' -prune -o -path synth/bindings -prune -o -type f -print0 \
    | sort -z | xargs -0 sha256sum
  sha256sum Directory.Build.props Directory.Packages.props NuGet.config .bindings/Bindings.props
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  ls "$dotnet_root/sdk" "$dotnet_root/shared/Microsoft.NETCore.App"
} | sha256sum | cut -d' ' -f1

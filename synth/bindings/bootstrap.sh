#!/usr/bin/env bash
# Makes the C# CDKTF bindings available to the build, building them only when missing.
#
# HashiCorp.Cdktf and its AWS provider are not served by NuGet here, so they are generated
# from their npm packages with jsii-pacmak, as upstream did. The provider is trimmed to the
# namespaces synth/ and tests/ use (aws-namespaces.txt, derived from the code on every run).
# Results are cached per machine under $XDG_CACHE_HOME, keyed by the pinned versions, the
# namespace list and this folder's scripts; a cache entry appears only once complete.
#
# Writes: node_modules/ (npm ci), synth/bindings/aws-namespaces.txt, .bindings/feed/*.nupkg,
#         .bindings/Bindings.props (the trimmed provider's and the patched runtime's versions,
#         imported by Directory.Packages.props).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bindings="$repo/synth/bindings"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/student-records-platform/bindings"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CHECKPOINT_DISABLE=1
started=$SECONDS
say() { printf '[bindings %3ds] %s\n' $((SECONDS - started)) "$*" >&2; }
hash_of() { cat "$@" | sha256sum | cut -c1-12; } # contents only: the same in every checkout

cd "$repo"
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9 # one build at a time per machine: a second run waits, then finds the cache filled

# 1. npm packages, reinstalled only when the lock file changes.
lock_hash=$(hash_of package-lock.json)
if [[ "$(cat node_modules/.installed-lock 2>/dev/null)" != "$lock_hash" ]]; then
  say "installing the pinned npm packages (about 30 s)"
  npm ci --no-audit --no-fund --loglevel=error >&2
  echo "$lock_hash" > node_modules/.installed-lock
fi
version_of() { node -p "require('./node_modules/$1/package.json').version"; }
pacmak_version=$(version_of jsii-pacmak)
constructs_version=$(version_of constructs)
cdktf_version=$(version_of cdktf)
aws_version=$(version_of @cdktf/provider-aws)

# 2. The namespace list, derived from the code.
"$bindings/list-namespaces.sh" > "$bindings/aws-namespaces.txt.new"
mv "$bindings/aws-namespaces.txt.new" "$bindings/aws-namespaces.txt"

# Builds into a scratch folder and renames it into place only on success, so an
# interrupted build is never mistaken for a complete one.
build_entry() { # <entry-dir> <label> <command...>
  local entry=$1 label=$2; shift 2
  [[ -d "$entry" ]] && { say "$label: cached"; return; }
  local scratch="$entry.partial-$$"
  rm -rf "$entry".partial-*
  mkdir -p "$scratch"
  say "$label: building"
  ( cd "$scratch" && "$@" ) >"$scratch.log" 2>&1 || { cat "$scratch.log" >&2; say "$label: FAILED (log above)"; exit 1; }
  ls "$scratch"/out/*.nupkg >/dev/null
  rm -f "$scratch.log"
  mv "$scratch" "$entry"
  say "$label: built"
}

pacmak() { "$repo/node_modules/.bin/jsii-pacmak" --target dotnet --outdir out-tmp "$@" && mkdir -p out && mv out-tmp/dotnet/*.nupkg out/ && rm -rf out-tmp; }
dotnet_build() { # builds a generated project outside the repository's MSBuild and NuGet settings
  printf '<Project />\n' > Directory.Build.props; cp Directory.Build.props Directory.Packages.props
  cp Directory.Build.props Directory.Build.targets
  cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources><clear /><add key="base" value="$base_entry/out" /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources>
</configuration>
XML
  dotnet build "$1" -c Release --configfile nuget.config --disable-build-servers -p:UseSharedCompilation=false -v quiet -nologo
  mkdir -p out && mv "$(dirname "$1")"/bin/Release/*.nupkg out/
}

# 3. Constructs and HashiCorp.Cdktf, whole (~20 s).
base_entry="$cache/base-$(echo "constructs $constructs_version cdktf $cdktf_version pacmak $pacmak_version" | sha256sum | cut -c1-12)"
build_entry "$base_entry" "Constructs $constructs_version + HashiCorp.Cdktf $cdktf_version" \
  pacmak "$repo/node_modules/constructs" "$repo/node_modules/cdktf"

# 3b. Amazon.JSII.Runtime with its repeated reflection reads memoized and the kernel in one Node.js
# process (runtime/; ~10 s). Same calls, same answers: uncached reflection was most of a full synth's
# time, and upstream's relay process ~15 % of what remained. Based on the runtime
# jsii-pacmak generates for; versioned one patch above it (which upstream will not publish, being past it)
# so that it satisfies the generated packages' [version, 2.0.0) dependency.
runtime_key=$(echo "jsii-runtime $pacmak_version $(hash_of "$bindings"/runtime/*.props "$bindings"/runtime/*/*.csproj "$bindings"/runtime/*/*.cs "$bindings"/runtime/*/*.js)" | sha256sum | cut -c1-12)
runtime_package_version="$(echo "$pacmak_version" | awk -F. '{ print $1 "." $2 "." $3 + 1 }')-memo.$runtime_key"
runtime_entry="$cache/runtime-$runtime_key"
build_runtime() {
  "$bindings/verified-download.sh" \
    "https://api.nuget.org/v3-flatcontainer/amazon.jsii.runtime/$pacmak_version/amazon.jsii.runtime.$pacmak_version.nupkg" \
    "amazon.jsii.runtime.$pacmak_version.nupkg" upstream.nupkg
  dotnet build "$bindings/runtime/ReflectionMemo" -c Release -o memo --disable-build-servers -p:UseSharedCompilation=false -v quiet -nologo
  dotnet run --project "$bindings/runtime/PatchRuntime" -c Release --disable-build-servers -p:UseSharedCompilation=false -v quiet -- \
    upstream.nupkg memo/StudentRecords.JsiiReflectionMemo.dll "$runtime_package_version" out
  rm -rf memo upstream.nupkg
}
build_entry "$runtime_entry" "Amazon.JSII.Runtime $runtime_package_version" build_runtime

# 4. The trimmed provider (~40 s): its own version per list, so no NuGet cache confuses it with upstream.
aws_key=$(echo "aws $aws_version pacmak $pacmak_version $(hash_of "$bindings/aws-namespaces.txt" "$bindings/trim-provider.js" "$bindings/bootstrap.sh")" | sha256sum | cut -c1-12)
aws_package_version="$aws_version-trim.$aws_key"
aws_entry="$cache/aws-$aws_key"
build_aws() {
  ln -s "$repo/node_modules" node_modules # lets jsii-pacmak resolve cdktf and constructs
  node "$bindings/trim-provider.js" "$repo/node_modules/@cdktf/provider-aws" "$bindings/aws-namespaces.txt" provider-aws "$aws_package_version"
  "$repo/node_modules/.bin/jsii-pacmak" --target dotnet --code-only --validate-assemblies --outdir gen provider-aws
  dotnet_build gen/dotnet/HashiCorp.Cdktf.Providers.Aws/HashiCorp.Cdktf.Providers.Aws.csproj
  rm -rf gen provider-aws node_modules
}
build_entry "$aws_entry" "HashiCorp.Cdktf.Providers.Aws $aws_package_version ($(grep -vc '^#' "$bindings/aws-namespaces.txt") namespaces)" build_aws

# 5. The feed the projects restore from, and the version they ask for. Both are left untouched when
# unchanged: a new timestamp on either makes every project restore and rebuild (and synth/run.sh
# recompile ReadyToRun, ~20 s).
replace_if_changed() { # <new> <current>
  if diff -rq "$1" "$2" >/dev/null 2>&1; then rm -rf "$1"; else rm -rf "$2" && mv "$1" "$2"; fi
}
mkdir -p .bindings
rm -rf .bindings/feed.new
mkdir .bindings/feed.new
cp "$base_entry"/out/*.nupkg "$runtime_entry"/out/*.nupkg "$aws_entry"/out/*.nupkg .bindings/feed.new/
replace_if_changed .bindings/feed.new .bindings/feed
cat > .bindings/Bindings.props.new <<XML
<Project>
  <!-- Written by synth/bindings/bootstrap.sh: the trimmed AWS provider built for aws-namespaces.txt, the memoized jsii runtime. -->
  <PropertyGroup>
    <CdktfVersion>$cdktf_version</CdktfVersion>
    <ConstructsVersion>$constructs_version</ConstructsVersion>
    <CdktfAwsProviderVersion>$aws_package_version</CdktfAwsProviderVersion>
    <JsiiRuntimeVersion>$runtime_package_version</JsiiRuntimeVersion>
  </PropertyGroup>
</Project>
XML
replace_if_changed .bindings/Bindings.props.new .bindings/Bindings.props
say "ready: $aws_package_version"

#!/usr/bin/env bash
# Downloads a file the bindings are built from and uses it only if its SHA-256 is the one committed in
# synth/bindings/downloads.sha256 (npm packages are held to package-lock.json's hashes by npm ci).
# usage: verified-download.sh URL NAME OUTPUT   (NAME: the file's line in downloads.sha256)
set -euo pipefail
url=$1 name=$2 output=$3
list="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/downloads.sha256"
expected=$(awk -v name="$name" '$2 == name { print $1 }' "$list")
if [[ -z "$expected" ]]; then
  echo "verified-download: no SHA-256 for $name in synth/bindings/downloads.sha256; add its line (from a copy you trust) before using a new version" >&2
  exit 1
fi
curl -fsSL --retry 3 -o "$output.partial" "$url"
actual=$(sha256sum "$output.partial" | cut -d' ' -f1)
if [[ "$actual" != "$expected" ]]; then
  rm -f "$output.partial"
  echo "verified-download: $name does not match its committed SHA-256: expected $expected, downloaded $actual; not used" >&2
  exit 1
fi
mv "$output.partial" "$output"

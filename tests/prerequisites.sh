#!/usr/bin/env bash
# Installs the Debian packages the tests need, only those missing: a real MariaDB for the app's
# tests, Chromium for the browser test, podman/runc/debootstrap for the container test, wrk for
# the app benchmark.
set -euo pipefail
declare -A command_of=([mariadb-server]=mariadbd [chromium]=chromium [podman]=podman [runc]=runc [debootstrap]=debootstrap [wrk]=wrk)
missing=()
for package in "${!command_of[@]}"; do
  command -v "${command_of[$package]}" >/dev/null 2>&1 || [[ -x "/usr/sbin/${command_of[$package]}" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
echo "installing Debian packages: ${missing[*]}" >&2
SUDO=$([[ $(id -u) -eq 0 ]] || echo sudo)
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2

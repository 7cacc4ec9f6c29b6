#!/usr/bin/env bash
# Installs the Debian packages the tests need, only those missing: a real MariaDB for the app's
# tests, Chromium for the browser test, podman/runc/debootstrap for the container test, wrk for
# the app benchmark; moto's server (Python) for the failover's end-to-end test.
# usage: tests/prerequisites.sh [package...]: only those packages (e.g. the app benchmark's), and no moto
set -euo pipefail
declare -A command_of=([mariadb-server]=mariadbd [chromium]=chromium [podman]=podman [runc]=runc [debootstrap]=debootstrap [wrk]=wrk [python3]=python3)
SUDO=$([[ $(id -u) -eq 0 ]] || echo sudo)
missing=()
wanted=("$@"); [[ $# -gt 0 ]] || wanted=("${!command_of[@]}")
for package in "${wanted[@]}"; do
  command -v "${command_of[$package]}" >/dev/null 2>&1 || [[ -x "/usr/sbin/${command_of[$package]}" ]] || missing+=("$package")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "installing Debian packages: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
[[ $# -eq 0 ]] || exit 0

# moto 5.2 with its server: this machine image ships it in its Python; elsewhere (GitHub's runners) it goes
# into a virtual environment of its own, which tests/recovery/moto.mjs prefers when it exists.
if ! python3 -c 'import moto, flask; assert moto.__version__.startswith("5.2")' 2>/dev/null; then
  venv="${XDG_CACHE_HOME:-$HOME/.cache}/student-records-platform/moto"
  if [[ ! -x "$venv/bin/python3" ]] || ! "$venv/bin/python3" -c 'import moto, flask' 2>/dev/null; then
    echo "installing moto[server] 5.2.1 into $venv" >&2
    python3 -c 'import ensurepip' 2>/dev/null || { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >&2; }
    python3 -m venv "$venv"
    "$venv/bin/python3" -m pip install --quiet 'moto[server]==5.2.1'
  fi
fi

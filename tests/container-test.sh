#!/usr/bin/env bash
# Builds app/Dockerfile with podman and runs the image as ECS would: non-root, read-only root filesystem
# with a writable /tmp, the contract's variables pointing at a MariaDB on this machine. Then checks
# /health/ready and a create → list round trip through the real forms.
#
# No registry is reachable here, so the Dockerfile's base images are made locally from Debian bookworm
# root filesystems (debootstrap, cached per machine) and imported under their names: debian:bookworm-slim,
# the shipped image's base, as Docker's is (minbase: the Dockerfile installs what the runtime needs, from
# Debian, as in a real build); and mcr.microsoft.com/dotnet/sdk, the build stage's, with this machine's .NET.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tests/prerequisites.sh
work=$(mktemp -d -t srp-container-XXXXXX)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/student-records-platform/container"
mkdir -p "$cache"
started=$SECONDS
say() { printf '[container %3ds] %s\n' $((SECONDS - started)) "$*" >&2; }
# crun fails on this machine; and this sandbox refuses podman's default (raised) rlimits, so runs set lower ones.
podman_() { podman --runtime runc "$@"; }
container=""; mariadb_pid=""
cleanup() {
  [[ -n "$container" ]] && podman rm -f "$container" >/dev/null 2>&1 || true
  [[ -n "$mariadb_pid" ]] && kill "$mariadb_pid" 2>/dev/null && wait "$mariadb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# 1. Base images.
dotnet_version=$(ls /usr/share/dotnet/shared/Microsoft.AspNetCore.App | sort -V | tail -1)
packages=ca-certificates,libicu72,libssl3,tzdata
rootfs="$cache/bookworm-$(echo "$packages" | sha256sum | cut -c1-12).tar"
if [[ ! -f "$rootfs" ]]; then
  say "debootstrap: Debian bookworm (minbase + $packages)"
  debootstrap --variant=minbase --include="$packages" bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  echo 'app:x:1654:1654:app:/app:/usr/sbin/nologin' >> "$work/rootfs/etc/passwd" # the .NET images' non-root user
  echo 'app:x:1654:' >> "$work/rootfs/etc/group"
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
  tar -C "$work/rootfs" -cf "$rootfs.partial" . && mv "$rootfs.partial" "$rootfs"
  rm -rf "$work/rootfs"
fi
make_image() { # <name> <root filesystem> [dotnet parts...]: a root filesystem, plus this machine's .NET when parts are named
  local name=$1 tarball=$2; shift 2
  local label="$dotnet_version $(basename "$tarball")"
  podman image exists "$name" && [[ "$(podman image inspect "$name" --format '{{index .Labels "srp.base"}}' 2>/dev/null)" == "$label" ]] && return
  say "making $name from $(basename "$tarball")${1:+ and .NET $dotnet_version}"
  local root="$work/$(echo "$name" | tr '/:' '__')"
  mkdir -p "$root" && tar -C "$root" -xf "$tarball"
  if [[ $# -gt 0 ]]; then
    mkdir -p "$root/usr/share/dotnet/shared"
    for part in "$@"; do cp -a "/usr/share/dotnet/$part" "$root/usr/share/dotnet/$(dirname "$part")/"; done
    ln -sf /usr/share/dotnet/dotnet "$root/usr/bin/dotnet"
    cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/" # this machine's trust (its package mirror's CA)
  fi
  tar -C "$root" -c . | podman import --change "LABEL srp.base=$label" \
    --change 'ENV=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV=DOTNET_CLI_TELEMETRY_OPTOUT=1' --change 'ENV=DOTNET_NOLOGO=1' \
    - "$name" >/dev/null 2>&1
  rm -rf "$root"
}
slim="$cache/bookworm-minbase.tar"
if [[ ! -f "$slim" ]]; then
  say "debootstrap: Debian bookworm (minbase), as debian:bookworm-slim"
  debootstrap --variant=minbase bookworm "$work/slim" http://deb.debian.org/debian >"$work/debootstrap-slim.log" 2>&1 \
    || { tail -20 "$work/debootstrap-slim.log" >&2; exit 1; }
  rm -rf "$work/slim/var/cache/apt/archives/"*.deb "$work/slim/var/lib/apt/lists/"*
  tar -C "$work/slim" -cf "$slim.partial" . && mv "$slim.partial" "$slim"
  rm -rf "$work/slim"
fi
make_image debian:bookworm-slim "$slim"
make_image mcr.microsoft.com/dotnet/sdk:10.0 "$rootfs" dotnet host shared sdk sdk-manifests packs templates

# 2. The real Dockerfile.
say "podman build app/Dockerfile"
podman_ build --network host --pull=never -f app/Dockerfile --ignorefile app/Dockerfile.dockerignore -t student-records:test . >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log" >&2; exit 1; }

# 3. MariaDB on this machine.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
db_port=$(free_port); app_port=$(free_port)
mariadb-install-db --no-defaults --datadir="$work/db" --user=root --auth-root-authentication-method=normal --skip-test-db >"$work/db-install.log" 2>&1
mariadbd --no-defaults --datadir="$work/db" --socket="$work/db.sock" --port="$db_port" --bind-address=127.0.0.1 --user=root --skip-log-bin >"$work/db.log" 2>&1 &
mariadb_pid=$!
for _ in $(seq 100); do mariadb --socket="$work/db.sock" -uroot -e 'select 1' >/dev/null 2>&1 && break; sleep 0.2; done
mariadb --socket="$work/db.sock" -uroot -e "CREATE DATABASE records; CREATE USER 'records'@'%' IDENTIFIED BY 'container-test'; GRANT ALL ON records.* TO 'records'@'%';"

# 4. Run as ECS would.
say "podman run: user 1654, read-only root, /tmp writable, DB_* from the contract"
container=$(podman_ run -d --ulimit nofile=4096:4096 --ulimit nproc=4096:4096 --network host --read-only --tmpfs /tmp:rw,size=64m --user 1654 --cap-drop ALL --security-opt no-new-privileges \
  -e ASPNETCORE_HTTP_PORTS="$app_port" -e DB_HOST=127.0.0.1 -e DB_PORT="$db_port" -e DB_NAME=records -e DB_USER=records \
  -e DB_PASSWORD=container-test -e DB_SSL_MODE=None student-records:test)
base="http://127.0.0.1:$app_port"
for _ in $(seq 150); do [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" == 200 ]] && break; sleep 0.2; done
fail() { echo "container test FAILED: $*" >&2; podman logs "$container" 2>&1 | tail -20 >&2; exit 1; }
[[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" == 200 ]] || fail "/health/ready did not answer 200"
[[ "$(podman exec "$container" id -u)" == 1654 ]] || fail "not running as 1654"
podman exec "$container" grep -qx 'VERSION_CODENAME=bookworm' /etc/os-release || fail "the image is not Debian bookworm, what the tests run on"
podman exec "$container" sh -c 'touch /app/probe' 2>/dev/null && fail "root filesystem is writable"
podman exec "$container" sh -c 'ls /app/Microsoft.CodeAnalysis*.dll /app/Microsoft.EntityFrameworkCore.Design.dll' >/dev/null 2>&1 \
  && fail "Debug-only tools (Razor runtime compilation, EF Core Design) are in the image"

# 5. The first administrator made as in ECS (a command run inside the task, password on standard input),
# then sign-in and a create → list round trip through the forms, antiforgery included.
password="container test registrar password"
podman exec -i "$container" dotnet StudentRecords.App.dll users add --email registrar@example.org --role Registrar <<<"$password" >"$work/users.log" 2>&1 \
  || { cat "$work/users.log" >&2; fail "users add failed"; }
jar="$work/cookies"
token_in() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1; }
[[ "$(curl -s -o /dev/null -w '%{redirect_url}' "$base/Students")" == "$base/Account/SignIn?ReturnUrl=%2FStudents" ]] || fail "an anonymous list was not sent to sign-in"
token=$(curl -s -c "$jar" "$base/Account/SignIn" | token_in)
signed_in=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' -X POST "$base/Account/SignIn" \
  --data-urlencode "Input.Email=registrar@example.org" --data-urlencode "Input.Password=$password" --data-urlencode "__RequestVerificationToken=$token")
[[ "$signed_in" == "302 $base/Students" ]] || fail "sign-in answered $signed_in"
token=$(curl -s -b "$jar" -c "$jar" "$base/Students/Create" | token_in)
created=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' -X POST "$base/Students/Create" \
  --data-urlencode "Input.FullName=Zoë O'Brien-Núñez" --data-urlencode "Input.Email=zoe@example.org" -d "Input.Age=21" \
  -d "Input.Course=Container History" -d "Input.EnrolmentDate=2025-09-01" -d "Input.Version=00000000-0000-0000-0000-000000000000" \
  --data-urlencode "__RequestVerificationToken=$token")
[[ "$created" == "302 $base/Students/Details/"* ]] || fail "create answered $created"
curl -s -b "$jar" "$base/Students" | grep -q "Container History" || fail "the new student is not listed"
[[ "$(mariadb --socket="$work/db.sock" -uroot -N -e 'select count(*) from records.students')" == 1 ]] || fail "row not in MariaDB"
say "container test passed: Debian bookworm, ready, user 1654, read-only root, no Debug-only tools, users add inside the container, sign-in, create and list against MariaDB"
echo "container: 1 passed, 0 failed"

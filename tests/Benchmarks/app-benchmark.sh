#!/usr/bin/env bash
# The records app under load on this machine: 10,000 students in MariaDB, the published app on
# Kestrel, wrk on loopback (64 connections) against the list (its first page and one deep in it), a
# search, a details page and creates.
# Prints requests/s, p50/p99 latency and the app's peak memory. Figures, not a test.
# usage: tests/Benchmarks/app-benchmark.sh [seconds per case, default 10]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${1:-10}
tests/prerequisites.sh
work=$(mktemp -d -t srp-app-bench-XXXXXX)
app_pid=""; db_pid=""
cleanup() { for pid in $app_pid $db_pid; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
db_port=$(free_port); app_port=$(free_port)
sql() { mariadb --socket="$work/db.sock" -uroot -N -e "$1"; }

mariadb-install-db --no-defaults --datadir="$work/db" --user=root --auth-root-authentication-method=normal --skip-test-db >/dev/null 2>&1
mariadbd --no-defaults --datadir="$work/db" --socket="$work/db.sock" --port="$db_port" --bind-address=127.0.0.1 --user=root \
  --skip-log-bin --innodb-buffer-pool-size=256M --max-connections=300 >"$work/db.log" 2>&1 &
db_pid=$!
for _ in $(seq 100); do sql 'select 1' >/dev/null 2>&1 && break; sleep 0.2; done
sql "CREATE DATABASE records; CREATE USER 'records'@'%' IDENTIFIED BY 'bench'; GRANT ALL ON records.* TO 'records'@'%';"

dotnet publish app -c Release -o "$work/app" --nologo -v quiet >/dev/null
DB_HOST=127.0.0.1 DB_PORT=$db_port DB_NAME=records DB_USER=records DB_PASSWORD=bench DB_SSL_MODE=None \
  ASPNETCORE_HTTP_PORTS=$app_port ASPNETCORE_ENVIRONMENT=Production HOME="$work" Logging__LogLevel__Default=Warning \
  bash -c 'cd "$0" && exec dotnet StudentRecords.App.dll' "$work/app" >"$work/app.log" 2>&1 &
app_pid=$!
base="http://127.0.0.1:$app_port"
for _ in $(seq 150); do [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" == 200 ]] && break; sleep 0.2; done

# 10,000 students, written by MariaDB's sequence engine straight into the migrated table.
sql "USE records; INSERT INTO students (FullName, Email, Age, Course, EnrolmentDate, Version)
     SELECT CONCAT('Student ', CHAR(65 + seq % 26), ' ', seq), CONCAT('student', seq, '@example.org'), 16 + seq % 60,
            ELT(1 + seq % 5, 'History', 'Physics', 'Mathematics', 'Computing', 'Law'), DATE('2020-01-01') + INTERVAL seq % 1500 DAY, UUID()
     FROM seq_1_to_10000"
sql "ANALYZE TABLE records.students" >/dev/null # fresh statistics after the bulk load, as InnoDB would gather them in time
echo "seeded $(sql 'select count(*) from records.students') students" >&2

# Creates post the real form: one antiforgery token and cookie (valid for any number of posts), a new e-mail each time.
token=$(curl -s -c "$work/jar" "$base/Students/Create" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p')
cookie=$(awk '$6 ~ /Antiforgery/ { print $6 "=" $7 }' "$work/jar")
cat > "$work/create.lua" <<LUA
local counter = 0
local thread_id = 0
setup = function(thread) thread_id = thread_id + 1; thread:set("id", thread_id) end
request = function()
  counter = counter + 1
  local body = "Input.FullName=Bench+Student&Input.Email=bench" .. id .. "x" .. counter .. "%40example.org&Input.Age=30" ..
    "&Input.Course=Benchmarking&Input.EnrolmentDate=2025-09-01&Input.Version=00000000-0000-0000-0000-000000000000" ..
    "&__RequestVerificationToken=$token"
  return wrk.format("POST", "/Students/Create", { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "$cookie" }, body)
end
LUA

peak_kb=0
sample_memory() { while kill -0 "$app_pid" 2>/dev/null; do kb=$(ps -o rss= -p "$app_pid" | tr -d ' '); echo "$kb"; sleep 0.5; done >> "$work/rss"; }
sample_memory & sampler=$!

# Warm up first, as traffic ramps up on a running service: light load (4 connections) leaves the JIT the spare
# CPU it needs to recompile hot code optimized; at 64 connections from a cold start it is starved for half a
# minute and the figures measure the JIT instead of the app.
# Then briefly at the measured concurrency, which opens the database connections 64 clients need.
for path in /Students "/Students?p=250" "/Students?q=Physics" /Students/Details/5000; do wrk -t1 -c4 -d10s "$base$path" >/dev/null; done
wrk -t2 -c64 -d5s "$base/Students" >/dev/null

printf '%-26s %10s %9s %9s %8s\n' case "req/s" "p50 ms" "p99 ms" "non-2xx"
run() { # <label> <path> [wrk args...]
  local label=$1 path=$2; shift 2
  wrk -t2 -c64 -d"${seconds}s" --latency "$@" "$base$path" > "$work/wrk.txt"
  awk -v label="$label" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 } / 50%/ { p50 = ms($2) } / 99%/ { p99 = ms($2) } /Non-2xx/ { bad = $5 }
    END { printf "%-26s %10.0f %9.1f %9.1f %8d\n", label, rps, p50, p99, bad }' "$work/wrk.txt"
}
run "list, page 1" "/Students"
run "list, page 250 (of 500)" "/Students?p=250"
run "search (?q=Physics)" "/Students?q=Physics"
run "details" "/Students/Details/5000"
run "create (POST, 302)" "/" -s "$work/create.lua"
kill "$sampler" 2>/dev/null || true
echo "app peak RSS under load: $(sort -n "$work/rss" | tail -1 | awk '{ printf "%.0f MB", $1 / 1024 }'); students now: $(sql 'select count(*) from records.students')"
echo "targets (2 cores): list p99 <= 50 ms at 64 connections, >= 1500 req/s"

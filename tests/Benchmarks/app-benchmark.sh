#!/usr/bin/env bash
# The records app under load on this machine: 10,000 students in MariaDB, the published app on
# Kestrel, wrk on loopback (64 connections), signed in as a Registrar, against the list (its first page
# and one deep in it), a search, a details page and creates; then 8 concurrent sign-ins. For comparison
# the list's first page of the app as it was before sign-in (BASELINE_REV, built from git) runs in the
# same run against its own copy of the data.
# Prints requests/s, p50/p99 latency and the app's peak memory. Figures, not a test.
# usage: tests/Benchmarks/app-benchmark.sh [seconds per case, default 10]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${1:-10}
baseline_rev=${BASELINE_REV:-7586bf2} # the last commit before sign-in existed
tests/prerequisites.sh
work=$(mktemp -d -t srp-app-bench-XXXXXX)
app_pid=""; db_pid=""; baseline_pid=""
cleanup() {
  for pid in $app_pid $baseline_pid $db_pid; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  git worktree remove --force "$work/baseline-src" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
db_port=$(free_port); app_port=$(free_port); baseline_port=$(free_port)
sql() { mariadb --socket="$work/db.sock" -uroot -N -e "$1"; }

mariadb-install-db --no-defaults --datadir="$work/db" --user=root --auth-root-authentication-method=normal --skip-test-db >/dev/null 2>&1
mariadbd --no-defaults --datadir="$work/db" --socket="$work/db.sock" --port="$db_port" --bind-address=127.0.0.1 --user=root \
  --skip-log-bin --innodb-buffer-pool-size=256M --max-connections=300 >"$work/db.log" 2>&1 &
db_pid=$!
for _ in $(seq 100); do sql 'select 1' >/dev/null 2>&1 && break; sleep 0.2; done
sql "CREATE DATABASE records; CREATE DATABASE baseline; CREATE USER 'records'@'%' IDENTIFIED BY 'bench';
     GRANT ALL ON records.* TO 'records'@'%'; GRANT ALL ON baseline.* TO 'records'@'%';"

start_app() { # <folder> <database> <port>: the published app on Kestrel, as ECS runs it
  DB_HOST=127.0.0.1 DB_PORT=$db_port DB_NAME=$2 DB_USER=records DB_PASSWORD=bench DB_SSL_MODE=None \
    ASPNETCORE_HTTP_PORTS=$3 ASPNETCORE_ENVIRONMENT=Production HOME="$work" Logging__LogLevel__Default=Warning \
    exec bash -c 'cd "$0" && exec dotnet StudentRecords.App.dll "$@"' "$1" "${@:4}" # exec: $! is the app's own pid
}
wait_ready() { for _ in $(seq 150); do [[ "$(curl -s -o /dev/null -w '%{http_code}' "$1/health/ready")" == 200 ]] && break; sleep 0.2; done; }
seed() { # 10,000 students, written by MariaDB's sequence engine straight into the migrated table
  sql "USE $1; INSERT INTO students (FullName, Email, Age, Course, EnrolmentDate, Version)
       SELECT CONCAT('Student ', CHAR(65 + seq % 26), ' ', seq), CONCAT('student', seq, '@example.org'), 16 + seq % 60,
              ELT(1 + seq % 5, 'History', 'Physics', 'Mathematics', 'Computing', 'Law'), DATE('2020-01-01') + INTERVAL seq % 1500 DAY, UUID()
       FROM seq_1_to_10000"
  sql "ANALYZE TABLE $1.students" >/dev/null # fresh statistics after the bulk load, as InnoDB would gather them in time
}
token_in() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1; }
cookies_of() { awk '$6 ~ /Antiforgery|srp-session/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$1"; }

dotnet publish app -c Release -o "$work/app" --nologo -v quiet >/dev/null
git worktree add --quiet --detach "$work/baseline-src" "$baseline_rev"
dotnet publish "$work/baseline-src/app" -c Release -o "$work/baseline" --nologo -v quiet >/dev/null

password="benchmark registrar password"
(start_app "$work/app" records "$app_port" users add --email registrar@example.org --role Registrar <<<"$password") >"$work/users.log" 2>&1
start_app "$work/app" records "$app_port" >"$work/app.log" 2>&1 &
app_pid=$!
start_app "$work/baseline" baseline "$baseline_port" >"$work/baseline.log" 2>&1 &
baseline_pid=$!
base="http://127.0.0.1:$app_port"; baseline="http://127.0.0.1:$baseline_port"
wait_ready "$base"; wait_ready "$baseline"
seed records; seed baseline
echo "seeded $(sql 'select count(*) from records.students') students (and as many for the baseline)" >&2

# Signed in through the real form; the session cookie then goes with every request, as a browser sends it.
signin_token=$(curl -s -c "$work/anon" "$base/Account/SignIn" | token_in)
curl -s -o /dev/null -b "$work/anon" -c "$work/jar" --data-urlencode "Input.Email=registrar@example.org" \
  --data-urlencode "Input.Password=$password" --data-urlencode "__RequestVerificationToken=$signin_token" "$base/Account/SignIn"
[[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/jar" "$base/Students")" == 200 ]] || { echo "sign-in failed" >&2; exit 1; }
# wrk sends the session cookie and takes the renewed one from each response, as a browser does; with the
# first cookie forever, every request after a minute would re-check the account (SessionLifetime.StampCheck).
cat > "$work/session.lua" <<LUA
local cookie = "$(cookies_of "$work/jar")"
request = function() return wrk.format("GET", nil, { ["Cookie"] = cookie }) end
response = function(status, headers, body)
  local renewed = headers["Set-Cookie"] and headers["Set-Cookie"]:match("srp%-session=([^;]*)")
  if renewed then cookie = cookie:gsub("srp%-session=[^;]*", "srp-session=" .. renewed) end
end
LUA

# Creates post the real form: one antiforgery token for the signed-in user (valid for any number of posts), a new e-mail each time.
token=$(curl -s -b "$work/jar" -c "$work/jar" "$base/Students/Create" | token_in)
{ sed -n '/^local cookie/p' "$work/session.lua"; cat <<LUA
local counter = 0
local thread_id = 0
setup = function(thread) thread_id = thread_id + 1; thread:set("id", thread_id) end
request = function()
  counter = counter + 1
  local body = "Input.FullName=Bench+Student&Input.Email=bench" .. id .. "x" .. counter .. "%40example.org&Input.Age=30" ..
    "&Input.Course=Benchmarking&Input.EnrolmentDate=2025-09-01&Input.Version=00000000-0000-0000-0000-000000000000" ..
    "&__RequestVerificationToken=$token"
  return wrk.format("POST", "/Students/Create", { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, body)
end
LUA
sed -n '/^response/,$p' "$work/session.lua"; } > "$work/create.lua" # the session's cookie handling around the form post

peak_kb=0
sample_memory() { while kill -0 "$app_pid" 2>/dev/null; do kb=$(ps -o rss= -p "$app_pid" | tr -d ' '); echo "$kb"; sleep 0.5; done >> "$work/rss"; }
sample_memory & sampler=$!

# Warm up first, as traffic ramps up on a running service: light load (4 connections) leaves the JIT the spare
# CPU it needs to recompile hot code optimized; at 64 connections from a cold start it is starved for half a
# minute and the figures measure the JIT instead of the app.
# Then briefly at the measured concurrency, which opens the database connections 64 clients need.
for path in /Students "/Students?p=250" "/Students?q=Physics" /Students/Details/5000; do wrk -t1 -c4 -d10s -s "$work/session.lua" "$base$path" >/dev/null; done
wrk -t2 -c64 -d5s -s "$work/session.lua" "$base/Students" >/dev/null
wrk -t1 -c4 -d10s -s "$work/session.lua" "$baseline/Students" >/dev/null; wrk -t2 -c64 -d5s -s "$work/session.lua" "$baseline/Students" >/dev/null

printf '%-26s %10s %9s %9s %8s\n' case "req/s" "p50 ms" "p99 ms" "non-2xx"
run() { # <label> <url> [wrk args...]: 64 connections unless the args say otherwise
  local label=$1 url=$2; shift 2
  wrk -t2 -c64 -d"${seconds}s" --latency "$@" "$url" > "$work/wrk.txt"
  awk -v label="$label" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 } / 50%/ { p50 = ms($2) } / 99%/ { p99 = ms($2) } /Non-2xx/ { bad = $5 }
    END { printf "%-26s %10.0f %9.1f %9.1f %8d\n", label, rps, p50, p99, bad }' "$work/wrk.txt"
}
# The baseline runs wrk with the same script (its cookie ignored), so wrk's own per-response work is the
# same; the two alternate three times, since this machine drifts by more than the difference between them.
for round in 1 2 3; do
  run "list, page 1, no sign-in ($baseline_rev)" "$baseline/Students" -s "$work/session.lua"
  run "list, page 1 (round $round)" "$base/Students" -s "$work/session.lua"
done
run "list, page 250 (of 500)" "$base/Students?p=250" -s "$work/session.lua"
run "search (?q=Physics)" "$base/Students?q=Physics" -s "$work/session.lua"
run "details" "$base/Students/Details/5000" -s "$work/session.lua"
run "create (POST, 302)" "$base/" -s "$work/create.lua"
# Sign-ins post the real form (one anonymous antiforgery token serves every post); each checks the password hash.
cat > "$work/signin.lua" <<LUA
request = function()
  return wrk.format("POST", "/Account/SignIn", { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "$(cookies_of "$work/anon")" },
    "Input.Email=registrar%40example.org&Input.Password=$(sed 's/ /+/g' <<<"$password")&__RequestVerificationToken=$signin_token")
end
LUA
run "sign-in (POST, 302), 1 at a time" "$base/" -t1 -c1 -s "$work/signin.lua"
run "sign-in (POST, 302), 8 at once" "$base/" -c8 -s "$work/signin.lua"
kill "$sampler" 2>/dev/null || true
echo "app peak RSS under load: $(sort -n "$work/rss" | tail -1 | awk '{ printf "%.0f MB", $1 / 1024 }'); students now: $(sql 'select count(*) from records.students')"
echo "targets (2 cores): list p99 <= 50 ms at 64 connections, >= 1500 req/s; signed-in list within 15 % of the baseline's; sign-in p99 <= 150 ms at 8 at once"

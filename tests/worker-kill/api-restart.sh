#!/usr/bin/env bash
# The API process that runs the in-process Hangfire server, killed (SIGKILL) during the demo tenant's first training and
# started again, as a user who stops ./forecast.sh run and runs it again: the demo seeder finds no completed model
# and the interrupted job still pending, the job is taken over once the abandoned-job timeout (the production default
# of 30 s, not shortened here) has passed, and a champion serves within that time plus the training's own.
# Run by ./forecast.sh test after the test projects, with ConnectionStrings__Forecast set and Debug binaries built.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/forecast-api-restart.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

fail() { echo "api-restart: FAILED: $*" >&2; for log in "$work"/*.log; do echo "--- $log" >&2; tail -20 "$log" >&2; done; exit 1; }
say() { echo "api-restart: $*"; }

base=${ConnectionStrings__Forecast:?set ConnectionStrings__Forecast (./forecast.sh test does)}
port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$base")
database="forecast_api_restart_$$"
psql -h 127.0.0.1 -p "$port" -U forecast -d postgres -X -q -c "CREATE DATABASE $database" >/dev/null
export ConnectionStrings__Forecast=${base/Database=forecast/Database=$database}
export Forecast__Jobs__RunServer=true Forecast__Demo__Enabled=true Serilog__MinimumLevel__Default=Information
export Forecast__Demo__ApiKey="fk_api_restart_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
key=$Forecast__Demo__ApiKey
api_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
api="http://127.0.0.1:$api_port"
start_api() {
  dotnet "$root/src/Forecast.Api/bin/Debug/net10.0/Forecast.Api.dll" --contentRoot "$root/src/Forecast.Api/bin/Debug/net10.0" --urls "$api" \
    > "$work/api-$1.log" 2>&1 &
  api_pid=$!; pids+=("$api_pid")
}

get() { curl -sf -H "X-Api-Key: $key" "$api$1"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
wait_for() { # seconds, description, command...
  local deadline=$(( SECONDS + $1 )) what=$2; shift 2
  until "$@" >/dev/null 2>&1; do [ $SECONDS -lt $deadline ] || fail "timed out waiting for $what"; sleep 0.3; done
}

start_api 1
wait_for 120 "the API" get /health/ready
# Asking to train a kind whose training is already queued or running answers that job: the demo's first one.
location=$(curl -sf -D - -o /dev/null -X POST -H "X-Api-Key: $key" "$api/v1/models/m2m/train" | tr -d '\r' | sed -n 's/^Location: //Ip')
[ -n "$location" ] || fail "POST /v1/models/m2m/train gave no Location"
in_training() { get "$location" | json "d['state'] == 'Processing' and (d['progress'] or {}).get('stage') == 'training' and d['progress']['epoch'] >= 1" | grep -q True; }
wait_for 180 "the first training to reach its first epoch" in_training
kill -9 "$api_pid"
killed_at=$SECONDS
say "killed the API during the demo's first training ($location)"

start_api 2
wait_for 120 "the API to start again" get /health/ready
ready_at=$SECONDS
champion() { get /v1/models?kind=m2m | json "[m for m in d if m['status'] == 'Champion']" | grep -q "'version'"; }
wait_for 600 "a champion after the restart" champion
champion_at=$SECONDS
training=$(get /v1/models?kind=m2m | json "[m for m in d if m['status'] == 'Champion'][0]" | python3 -c "
import sys, ast, datetime
m = ast.literal_eval(sys.stdin.read())
parse = lambda s: datetime.datetime.fromisoformat(s.replace('Z', '+00:00'))
print(round((parse(m['completedAt']) - parse(m['createdAt'])).total_seconds()))")
registry=$(get /v1/models?kind=m2m | json "sorted((m['version'], m['status'], (m['error'] or '')[:11]) for m in d)")
after_ready=$(( champion_at - ready_at ))
say "registry: $registry"
say "champion $(( champion_at - killed_at )) s after the kill, $after_ready s after the restarted API was ready; the training itself took $training s"
grep -q "kinds without a completed model: m2m: job" "$work/api-2.log" || fail "the restarted seeder did not report the pending m2m job"
get /v1/models?kind=m2m | json "[m for m in d if m['version'] == 1][0]" | grep -q "'status': 'Failed'.*interrupted" \
  || fail "the killed run's row is not Failed/interrupted: $registry"
[ "$after_ready" -le $(( 30 + training + 5 )) ] || fail "champion $after_ready s after the restart: more than 30 s + the training's $training s (+5 s polling)"
say "passed"

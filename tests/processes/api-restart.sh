#!/usr/bin/env bash
# The API process that runs the in-process Hangfire server, killed (SIGKILL) during the demo tenant's first training and
# started again, as a user who stops ./forecast.sh run and runs it again: the demo seeder finds no completed model
# and the interrupted job still pending, the job is taken over once the abandoned-job timeout (the production default
# of 30 s, not shortened here) has passed, and a champion serves within that time plus the training's own.
# Run by ./forecast.sh test after the test projects, with ConnectionStrings__Forecast set and Debug binaries built.
test=api-restart
source "$(dirname "$0")/process-test.sh"
export Forecast__Jobs__RunServer=true Forecast__Demo__Enabled=true Forecast__Demo__ApiKey=$key Serilog__MinimumLevel__Default=Information
start_api() { dotnet "$demo_dll/Forecast.Demo.dll" --contentRoot "$api_dll" --urls "$api" > "$work/api-$1.log" 2>&1 & api_pid=$!; pids+=("$api_pid"); }

start_api 1
wait_for 120 "the API" get /health/ready
# Asking to train a kind whose training is already queued or running answers that job: the demo's first one.
location=$(train m2m) # the forecast model by its former name, still answered
[ -n "$location" ] || fail "POST /v1/models/forecast/train gave no Location"
in_training() { get "$location" | json "d['state'] == 'Processing' and (d['progress'] or {}).get('stage') == 'training' and d['progress']['epoch'] >= 1" | grep -q True; }
wait_for 180 "the first training to reach its first epoch" in_training
kill -9 "$api_pid"
killed_at=$SECONDS
say "killed the API during the demo's first training ($location)"

start_api 2
wait_for 120 "the API to start again" get /health/ready
ready_at=$SECONDS
champion() { get /v1/models?kind=forecast | json "[m for m in d if m['status'] == 'Champion']" | grep -q "'version'"; }
wait_for 600 "a champion after the restart" champion
champion_at=$SECONDS
training=$(get /v1/models?kind=forecast | json "[m for m in d if m['status'] == 'Champion'][0]" | python3 -c "
import sys, ast, datetime
m = ast.literal_eval(sys.stdin.read())
parse = lambda s: datetime.datetime.fromisoformat(s.replace('Z', '+00:00'))
print(round((parse(m['completedAt']) - parse(m['createdAt'])).total_seconds()))")
registry=$(get /v1/models?kind=forecast | json "sorted((m['version'], m['status'], (m['error'] or '')[:11]) for m in d)")
after_ready=$(( champion_at - ready_at ))
say "registry: $registry"
say "champion $(( champion_at - killed_at )) s after the kill, $after_ready s after the restarted API was ready; the training itself took $training s"
seeded=$(grep -o "kinds without a completed model: .*" "$work/api-2.log" || true)
say "restarted seeder: $seeded"
grep -q "forecast: job" <<<"$seeded" || fail "the restarted seeder did not report the pending forecast job"
get /v1/models?kind=forecast | json "[m for m in d if m['version'] == 1][0]" | grep -q "'status': 'Failed'.*interrupted" \
  || fail "the killed run's row is not Failed/interrupted: $registry"
[ "$after_ready" -le $(( 30 + training + 5 )) ] || fail "champion $after_ready s after the restart: more than 30 s + the training's $training s (+5 s polling)"
say "passed"

#!/usr/bin/env bash
# A worker process killed (SIGKILL) in the middle of a forecast model training: the champion stays champion, the killed run's
# registry row ends Failed ("interrupted"), and the job, taken over by a second worker, succeeds with exactly one
# champion at the end. Real processes: the API (no Hangfire server) and standalone workers on a fresh database.
# Run by ./forecast.sh test after the test projects, with ConnectionStrings__Forecast set and Debug binaries built.
test=worker-kill
source "$(dirname "$0")/process-test.sh"
# Short takeover times so the test waits seconds, not the production half-minute.
export Forecast__Jobs__AbandonedJobTimeout=00:00:10
export Forecast__Jobs__TrainingMaxEpochs=200 Serilog__MinimumLevel__Default=Warning

Forecast__Jobs__RunServer=false Forecast__Demo__Enabled=true Forecast__Demo__ApiKey=$key \
  dotnet "$demo_dll/Forecast.Demo.dll" --contentRoot "$api_dll" --urls "$api" > "$work/api.log" 2>&1 &
pids+=($!)
start_worker() { dotnet "$root/src/Forecast.Jobs/bin/Debug/net10.0/Forecast.Jobs.dll" > "$work/worker-$1.log" 2>&1 & pids+=($!); worker=$!; }

champions() { get /v1/models?kind=forecast | json "[m['version'] for m in d if m['status'] == 'Champion']"; }
job_state() { get "$location" | json "d['state']"; }

wait_for 90 "the API" get /health/ready
start_worker 1
say "worker 1 trains the demo tenant's first model"
first_champion() { [ "$(champions)" = "[1]" ]; }
wait_for 300 "a first champion" first_champion

location=$(train m2m)
[ -n "$location" ] || fail "POST /v1/models/forecast/train gave no Location"
in_training() { get "$location" | json "d['state'] == 'Processing' and (d['progress'] or {}).get('stage') == 'training' and d['progress']['epoch'] >= 1" | grep -q True; }
wait_for 120 "the second training to reach its first epoch" in_training
kill -9 "$worker"
say "killed worker 1 during $(get "$location" | json "'epoch %s of job %s' % (d['progress']['epoch'], d['id'])")"

[ "$(champions)" = "[1]" ] || fail "the champion changed when the worker was killed: $(champions)"
get /v1/advertisers/934/forecasts >/dev/null || fail "forecasts stopped being served after the kill"
statuses=$(get /v1/models?kind=forecast | json "sorted((m['version'], m['status']) for m in d)")
[ "$statuses" = "[(1, 'Champion'), (2, 'Training')]" ] || fail "unexpected registry after the kill: $statuses"

start_worker 2
say "worker 2 takes the job over once worker 1's lease expires (its run lock died with it)"
job_done() { job_state | grep -Eq "^(Succeeded|Failed)$"; }
wait_for 300 "the job to finish" job_done
[ "$(job_state)" = Succeeded ] || fail "the retried job ended $(job_state): $(get "$location")"
final=$(get /v1/models?kind=forecast | json "sorted((m['version'], m['status'], (m['error'] or '')[:11]) for m in d)")
say "registry: $final"
[ "$(champions | json 'len(d)')" = 1 ] || fail "not exactly one champion: $(champions)"
get /v1/models?kind=forecast | json "[m for m in d if m['version'] == 2][0]" | grep -q "'status': 'Failed'.*interrupted" \
  || fail "the killed run's row is not Failed/interrupted: $final"
get /v1/models?kind=forecast | json "[m['status'] for m in d if m['version'] == 3][0]" | grep -Eq "Candidate|Champion" \
  || fail "the retried run registered no complete model: $final"
say "passed"

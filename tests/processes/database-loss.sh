#!/usr/bin/env bash
# PostgreSQL stopped in the middle of a 100,000-row ingestion batch, as a database restart or failover would: while it
# is down every endpoint answers 503 ProblemDetails with Retry-After (never a 500), the batch left no row behind, the API
# is ready within 5 s of the database's return, and the same batch then lands whole and replays as unchanged.
# Run by ./forecast.sh test on a PostgreSQL cluster of its own (the one it stops), with Debug binaries built.
test=database-loss
pg=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cluster=$(mktemp -d /tmp/forecast-database-loss-pg.XXXXXX)
[ "$(id -u)" -ne 0 ] || chown postgres "$cluster"
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start_pg() { as_owner "$pg/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 -o "-p $pg_port -k $cluster -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; }
stop_pg() { as_owner "$pg/pg_ctl" -D "$cluster/data" -m "$1" -w stop >/dev/null 2>&1; }
as_owner "$pg/initdb" -D "$cluster/data" -U forecast --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
start_pg
export ConnectionStrings__Forecast="Host=127.0.0.1;Port=$pg_port;Username=forecast;Database=forecast;Include Error Detail=true"
source "$(dirname "$0")/process-test.sh"
at_exit+=("stop_pg immediate" "rm -rf '$cluster'")
admin="fk_admin_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export Forecast__Jobs__RunServer=false Forecast__AdminKey=$admin
dotnet "$api_dll/Forecast.Api.dll" --contentRoot "$api_dll" --urls "$api" > "$work/api.log" 2>&1 & pids+=("$!")
wait_for 120 "the API" curl -sf "$api/health/ready"
! grep -q " ERR\]" "$work/api.log" || fail "a clean first start logged errors: $(grep -A2 ' ERR\]' "$work/api.log" | head -6)"

sql() { psql -h 127.0.0.1 -p "$pg_port" -U forecast -d "$database" -X -tA -c "$1"; }
tenant=$(curl -sf -X POST -H "X-Api-Key: $admin" -H 'Content-Type: application/json' -d '{"name":"database-loss"}' "$api/v1/tenants")
key=$(json "d['apiKey']" <<<"$tenant")
tenant_id=$(json "d['id']" <<<"$tenant")
curl -sf -X PUT -H "X-Api-Key: $key" -H 'Content-Type: application/json' -d '{"name":"App"}' "$api/v1/scenarios/app" >/dev/null
sql "INSERT INTO advertisers (tenant_id, external_id, name, profile, created_at, updated_at)
     SELECT '$tenant_id', 'a' || n, 'a' || n, '{}', now(), now() FROM generate_series(1, 1000) AS n" >/dev/null
python3 - "$work/batch.csv" <<'PY'
import datetime, sys
with open(sys.argv[1], "w") as batch:
    batch.write("advertiserId,scenario,date,impressions,clicks\n")
    for advertiser in range(1, 1001):
        for day in range(100):
            date = datetime.date(2024, 1, 1) + datetime.timedelta(days=day)
            batch.write(f"a{advertiser},app,{date},{100 + (advertiser * 7 + day) % 500},{(advertiser + day) % 9}\n")
PY
post_batch() { curl -s -o "$work/$1.json" -w '%{http_code}' -X POST -H "X-Api-Key: $key" -H 'Content-Type: text/csv' --data-binary "@$work/batch.csv" "$api/v1/ingest/daily-metrics"; }
# Stopped while the batch is in flight: the API has read and validated it and is writing.
post_batch interrupted > "$work/interrupted.status" &
batch_pid=$!
sleep 0.6
stop_pg fast
stopped_at=$SECONDS
wait "$batch_pid" || true
say "batch while the database stopped: HTTP $(cat "$work/interrupted.status") $(head -c 200 "$work/interrupted.json")"

# While down: 503 ProblemDetails with Retry-After from every kind of endpoint, readiness down, liveness up.
check_503() { # method path [body]
  local headers="$work/headers" body="$work/body" status
  status=$(curl -s -D "$headers" -o "$body" -w '%{http_code}' -X "$1" -H "X-Api-Key: $key" -H 'Content-Type: application/json' ${3:+-d "$3"} "$api$2")
  [ "$status" = 503 ] || fail "$1 $2 while the database is down: HTTP $status $(head -c 300 "$body")"
  grep -qi '^Retry-After: [0-9]' "$headers" || fail "$1 $2: 503 without Retry-After"
  grep -qi '^Content-Type: application/problem+json' "$headers" || fail "$1 $2: 503 is not ProblemDetails"
}
[ "$(cat "$work/interrupted.status")" = 503 ] || fail "the interrupted batch answered $(cat "$work/interrupted.status"), not 503"
check_503 GET /v1/advertisers
check_503 GET /v1/advertisers/a1/forecasts
check_503 GET /v1/scenarios/app
check_503 PUT /v1/scenarios/site '{"name":"Site"}'
check_503 POST /v1/forecasts/query '{"advertiserIds":["a1"]}'
check_503 POST /v1/models/forecast/train
check_503 GET /v1/models
[ "$(curl -s -o /dev/null -w '%{http_code}' "$api/health/ready")" = 503 ] || fail "ready while the database is down"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$api/health/live")" = 200 ] || fail "not live while the database is down"
say "database down: 503 ProblemDetails with Retry-After on reads, writes, queries and training; ready 503, live 200"

start_pg
back_at=$SECONDS
ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $key" "$api/v1/advertisers?limit=1")" = 200 ] && curl -sf "$api/health/ready"; }
wait_for 30 "the API to serve after the database returned" ready
ready_after=$(( SECONDS - back_at ))
say "database back after $(( back_at - stopped_at )) s down: serving again within $ready_after s"
[ "$ready_after" -le 5 ] || fail "ready $ready_after s after the database returned (target <= 5 s)"

left=$(sql "SELECT count(*) FROM daily_metrics WHERE tenant_id = '$tenant_id'")
[ "$left" = 0 ] || fail "the interrupted batch left $left rows"
[ "$(post_batch landed)" = 200 ] || fail "the batch after the database returned: $(head -c 300 "$work/landed.json")"
[ "$(json "d['inserted']" < "$work/landed.json")" = 100000 ] || fail "the batch inserted $(json "d['inserted']" < "$work/landed.json") rows, not 100000"
[ "$(post_batch replayed)" = 200 ] || fail "the replay: $(head -c 300 "$work/replayed.json")"
[ "$(json "d['unchanged']" < "$work/replayed.json")" = 100000 ] || fail "the replay changed rows: $(cat "$work/replayed.json")"
say "the interrupted batch left 0 rows; sent again it inserted 100000; its replay left 100000 unchanged"
grep -q "Status500\|HTTP/1.1 500\| 500 " "$work/api.log" && fail "the API logged a 500"
say "passed"

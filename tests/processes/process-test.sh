# Shared by the process-kill tests (sourced, with $test naming the test): a work folder and the processes to kill on
# exit, a fresh database on the test run's cluster, a demo API key and a free port, and the HTTP and wait helpers.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d "/tmp/forecast-$test.XXXXXX")
pids=()
at_exit=() # further clean-up commands of a test, run before its processes are killed
cleanup() { local command; for command in "${at_exit[@]}"; do eval "$command" || true; done; for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

fail() { echo "$test: FAILED: $*" >&2; for log in "$work"/*.log; do echo "--- $log" >&2; tail -20 "$log" >&2; done; exit 1; }
say() { echo "$test: $*"; }

base=${ConnectionStrings__Forecast:?set ConnectionStrings__Forecast (./forecast.sh test does)}
port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$base")
database="forecast_${test//-/_}_$$"
psql -h 127.0.0.1 -p "$port" -U forecast -d postgres -X -q -c "CREATE DATABASE $database" >/dev/null
export ConnectionStrings__Forecast=${base/Database=forecast/Database=$database}
key="fk_${test//-/_}_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
api_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
api="http://127.0.0.1:$api_port"
api_dll="$root/src/Forecast.Api/bin/Debug/net10.0"
demo_dll="$root/demo/Forecast.Demo/bin/Debug/net10.0" # the API with the demo tenant, as ./forecast.sh run starts it

get() { curl -sf -H "X-Api-Key: $key" "$api$1"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
wait_for() { # seconds, description, command...
  local deadline=$(( SECONDS + $1 )) what=$2; shift 2
  until "$@" >/dev/null 2>&1; do [ $SECONDS -lt $deadline ] || fail "timed out waiting for $what"; sleep 0.3; done
}
# The Location of POST /v1/models/KIND/train: a new job, or the kind's job already queued or running.
train() { curl -sf -D - -o /dev/null -X POST -H "X-Api-Key: $key" "$api/v1/models/$1/train" | tr -d '\r' | sed -n 's/^Location: //Ip'; }

#!/usr/bin/env bash
# Forecast's two entry points on a fresh Debian/Ubuntu machine:
#   ./forecast.sh run    the service on a private PostgreSQL (or $ConnectionStrings__Forecast), demo data loaded
#   ./forecast.sh test   every test project against a throwaway PostgreSQL; ends with "N passed, N failed"
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '==> %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# PostgreSQL server always; patchelf and g++ only where TorchSharp needs the Debian 12 fix (build/torchsharp-debian12);
# chromium for the tests (install_system_packages browser): the browser tests drive Debian's, none is downloaded.
install_system_packages() {
  local wanted=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || wanted+=(postgresql)
  [ "${1:-}" != browser ] || command -v chromium >/dev/null || wanted+=(chromium)
  local libstdcxx
  # awk reads to the end: exiting early would SIGPIPE ldconfig, which pipefail and set -e turn into an exit (141).
  libstdcxx=$(ldconfig -p | awk '/libstdc\+\+\.so\.6 / && !found {print $NF; found = 1}')
  if ! grep -qa GLIBCXX_3.4.32 "$libstdcxx" 2>/dev/null; then
    command -v patchelf >/dev/null || wanted+=(patchelf)
    command -v g++ >/dev/null || wanted+=(g++)
  fi
  if [ ${#wanted[@]} -gt 0 ]; then
    log "installing ${wanted[*]} from apt"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${wanted[@]}" >/dev/null
  fi
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1; }

# PostgreSQL refuses to run as root: the cluster belongs to the postgres user when we are root.
as_pg_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() {
  local port
  for port in $(seq "$1" $(( $1 + 200 ))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  echo "no free port from $1" >&2; return 1
}

# start_cluster DIR PORT: initdb once (trust on loopback only, no TCP elsewhere), start, create database "forecast".
start_cluster() {
  local dir=$1 port=$2 bin
  bin=$(pg_bin)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    as_pg_owner "$bin/initdb" -D "$dir" -U forecast --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_pg_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-on} -c max_connections=200" start >/dev/null
  "$bin/psql" -h 127.0.0.1 -p "$port" -U forecast -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'forecast'" \
    | grep -q 1 || "$bin/psql" -h 127.0.0.1 -p "$port" -U forecast -d postgres -qc "CREATE DATABASE forecast"
}

stop_cluster() { as_pg_owner "$(pg_bin)/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true; }

connection_string() { echo "Host=127.0.0.1;Port=$1;Username=forecast;Database=forecast;Include Error Detail=true;Max Auto Prepare=64"; }

secret() { echo "fk_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"; }

cmd_run() {
  install_system_packages
  mkdir -p .data
  local cluster="$root/.data/postgres" started=""
  if [ -z "${ConnectionStrings__Forecast:-}" ]; then
    local port
    if as_pg_owner "$(pg_bin)/pg_ctl" -D "$cluster" status >/dev/null 2>&1; then
      port=$(cat .data/postgres.port)
    else
      port=$(free_port 55432)
      log "starting private PostgreSQL on 127.0.0.1:$port ($cluster)"
      start_cluster "$cluster" "$port"
      echo "$port" > .data/postgres.port
      started=1
    fi
    export ConnectionStrings__Forecast
    ConnectionStrings__Forecast=$(connection_string "$port")
  fi
  [ -f .data/admin-key ] || secret > .data/admin-key
  [ -f .data/demo-api-key ] || secret > .data/demo-api-key
  log "building"
  # The shipped API with the demo tenant beside it (demo/Forecast.Demo): the images carry neither the demo nor its data.
  dotnet build demo/Forecast.Demo -c Release -v quiet -nologo
  local api_port
  api_port=${FORECAST_PORT:-$(free_port 5080)}
  echo "Admin key: $(cat .data/admin-key)"
  Forecast__AdminKey=$(cat .data/admin-key) \
  Forecast__Demo__Enabled=true \
  Forecast__Demo__ApiKey=$(cat .data/demo-api-key) \
  ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production} \
    dotnet demo/Forecast.Demo/bin/Release/net10.0/Forecast.Demo.dll --contentRoot "$root/src/Forecast.Api/bin/Release/net10.0" --urls "http://127.0.0.1:$api_port" &
  local api=$!
  trap 'kill -TERM $api 2>/dev/null' INT TERM
  wait $api || wait $api || true
  if [ -n "$started" ]; then log "stopping PostgreSQL"; stop_cluster "$cluster"; fi
}

# A throwaway PostgreSQL for a test command: ConnectionStrings__Forecast points at it until the script exits.
start_test_cluster() {
  local port
  # Globals, not locals: the EXIT trap runs after the calling function has returned.
  test_work=$(mktemp -d /tmp/forecast-test.XXXXXX)
  chmod 755 "$test_work"
  test_cluster="$test_work/postgres"
  port=$(free_port 56432)
  trap 'stop_cluster "$test_cluster"; rm -rf "$test_work"' EXIT
  log "starting throwaway PostgreSQL on 127.0.0.1:$port"
  PG_FSYNC=off start_cluster "$test_cluster" "$port"
  export ConnectionStrings__Forecast
  ConnectionStrings__Forecast=$(connection_string "$port")
}

cmd_test() {
  install_system_packages browser
  start_test_cluster
  local results="$test_work/results" status=0
  dotnet test Forecast.sln -v quiet -nologo --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?
  local passed=0 failed=0 file p f
  for file in "$results"/*.trx; do
    [ -f "$file" ] || continue
    p=$(grep -o '<Counters [^>]*' "$file" | grep -o 'passed="[0-9]*"' | grep -o '[0-9]*')
    f=$(grep -o '<Counters [^>]*' "$file" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
    passed=$(( passed + ${p:-0} )); failed=$(( failed + ${f:-0} ))
  done
  # The process tests run real API and worker processes and kill one, stop the database, or publish them as the
  # images do: scripts, each one test.
  local script
  for script in tests/processes/worker-kill.sh tests/processes/api-restart.sh tests/processes/database-loss.sh tests/processes/publish.sh; do
    if bash "$script"; then passed=$(( passed + 1 )); else failed=$(( failed + 1 )); fi
  done
  echo "$passed passed, $failed failed"
  if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
}

# fuzz [CASES]: the OpenAPI fuzz of every write endpoint with more cases than the test suite's 2,000 (default 10,000).
cmd_fuzz() {
  install_system_packages
  start_test_cluster
  FORECAST_FUZZ_CASES=${1:-10000} dotnet test tests/Forecast.Api.Tests -v quiet -nologo \
    --filter "FullyQualifiedName~OpenApiFuzzTests" --logger "console;verbosity=detailed"
}

# bench NAME: the benchmark against a Release API on a throwaway PostgreSQL; it prints its own figures.
cmd_bench() {
  install_system_packages
  local port api_port api
  bench_work=$(mktemp -d /tmp/forecast-bench.XXXXXX)
  chmod 755 "$bench_work"
  port=$(free_port 57432)
  api_port=$(free_port 5180)
  trap 'kill -TERM ${bench_api:-0} 2>/dev/null; wait ${bench_api:-0} 2>/dev/null; stop_cluster "$bench_work/postgres"; rm -rf "$bench_work"' EXIT
  start_cluster "$bench_work/postgres" "$port"
  command -v wrk >/dev/null || { as_root apt-get update -qq; DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq wrk >/dev/null; }
  export ConnectionStrings__Forecast FORECAST_ADMIN_KEY FORECAST_DEMO_KEY FORECAST_API_URL="http://127.0.0.1:$api_port"
  ConnectionStrings__Forecast=$(connection_string "$port")
  FORECAST_ADMIN_KEY=$(secret)
  FORECAST_DEMO_KEY=$(secret)
  # The API under test is the shipped application with the serving baselines beside it (bench/Forecast.Bench.Api).
  dotnet build bench/Forecast.Bench.Api -c Release -v quiet -nologo
  dotnet build bench/Forecast.Bench -c Release -v quiet -nologo
  # The scale benchmark trains in standalone workers it starts itself; the API then runs no job server.
  local run_server=true
  if [ "${1:-}" = scale ]; then
    dotnet build src/Forecast.Jobs -c Release -v quiet -nologo
    export FORECAST_WORKER_DLL="$root/src/Forecast.Jobs/bin/Release/net10.0/Forecast.Jobs.dll"
    run_server=false
  fi
  # The forecasts benchmark serves the demo tenant, and the per-key rate limits are lifted: a benchmark measures what
  # the service can do, one key at full speed.
  Forecast__Demo__Enabled=$(case "${1:-}" in forecasts|bids|memory|soak) echo true ;; *) echo false ;; esac) Forecast__Demo__ApiKey=$FORECAST_DEMO_KEY \
  Forecast__Jobs__RunServer=$run_server \
  Forecast__RateLimits__RequestsPerSecond=1000000 Forecast__RateLimits__RequestBurst=1000000 \
  Forecast__RateLimits__IngestionBatchesPerMinute=100000 Forecast__RateLimits__TrainingsPerHour=100000 Forecast__RateLimits__TrainingBurst=1000 \
  Forecast__AdminKey=$FORECAST_ADMIN_KEY Serilog__MinimumLevel__Default=Warning Serilog__MinimumLevel__Override__Npgsql=${BENCH_NPGSQL_LOG:-Warning} \
    dotnet bench/Forecast.Bench.Api/bin/Release/net10.0/Forecast.Bench.Api.dll --contentRoot "$root/src/Forecast.Api/bin/Release/net10.0" --urls "$FORECAST_API_URL" > "$bench_work/api.log" 2>&1 &
  bench_api=$!
  for _ in $(seq 1 120); do curl -sf "$FORECAST_API_URL/health/ready" >/dev/null && break; sleep 0.5; done
  local status=0
  FORECAST_API_PID=$bench_api dotnet bench/Forecast.Bench/bin/Release/net10.0/Forecast.Bench.dll "$@" || status=$?
  [ -z "${BENCH_KEEP_LOG:-}" ] || cp "$bench_work/api.log" "$BENCH_KEEP_LOG"
  return "$status"
}

# backtest: every forecasting model on the shipped real data, on one temporal split; prints the tables (no database).
cmd_backtest() {
  install_system_packages
  dotnet build bench/Forecast.Bench -c Release -v quiet -nologo
  dotnet bench/Forecast.Bench/bin/Release/net10.0/Forecast.Bench.dll backtest "$@"
}

# bench scoring: batch-scoring throughput of the M2M and CTR models on the shipped real data (no database).
cmd_bench_scoring() {
  install_system_packages
  dotnet build bench/Forecast.Bench -c Release -v quiet -nologo
  dotnet bench/Forecast.Bench/bin/Release/net10.0/Forecast.Bench.dll scoring
}

case "${1:-}" in
  run) cmd_run ;;
  test) cmd_test ;;
  fuzz) shift; cmd_fuzz "$@" ;;
  bench) shift; if [ "${1:-}" = scoring ]; then cmd_bench_scoring; else cmd_bench "$@"; fi ;;
  backtest) shift; cmd_backtest "$@" ;;
  *) echo "usage: $0 run|test|fuzz [CASES]|bench ingestion|bench forecasts|bench bids|bench memory [N]|bench soak [MINUTES]|bench scale [SERIES...]|bench live [new-data|drift-only|manual]|bench fairness|bench scoring|backtest [--no-ablations] [--no-cold-start]|backtest ctr" >&2; exit 2 ;;
esac

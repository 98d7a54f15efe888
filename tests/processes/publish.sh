#!/usr/bin/env bash
# The Dockerfile's build stage without Docker: `dotnet publish` of the API and of the worker as the images take them.
# Each output carries its own appsettings.json and nothing of the demo or the benchmarks (neither their assemblies nor
# the demo's data), and the published API starts and answers ready (TorchSharp's native library loads from the publish
# folder). Run by ./forecast.sh test on its cluster.
test=publish
source "$(dirname "$0")/process-test.sh"
for project in Forecast.Api Forecast.Jobs; do
  dotnet publish "$root/src/$project" -c Release -o "$work/$project" -v quiet -nologo > "$work/publish-$project.log" 2>&1 \
    || fail "dotnet publish src/$project failed"
  cmp -s "$work/$project/appsettings.json" "$root/src/$project/appsettings.json" \
    || fail "the publish output of $project carries another project's appsettings.json"
  stray=$(cd "$work/$project" && ls -d Forecast.Demo.* Forecast.Bench* data/tabmo-adcampaign 2>/dev/null || true)
  [ -z "$stray" ] || fail "the publish output of $project carries what does not ship: $stray"
done
say "published the API and the worker"

export Forecast__Jobs__RunServer=false
dotnet "$work/Forecast.Api/Forecast.Api.dll" --contentRoot "$work/Forecast.Api" --urls "$api" > "$work/api.log" 2>&1 & pids+=("$!")
wait_for 120 "the published API" curl -sf "$api/health/ready"
say passed

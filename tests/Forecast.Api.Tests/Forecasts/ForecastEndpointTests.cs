using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forecast.Api.Tests.Support;
using Forecast.Jobs.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests.Forecasts;

[Collection(ApiCollection.Name)]
public sealed class ForecastEndpointTests(ForecastApp app)
{
    [Fact]
    public async Task Without_a_champion_forecasts_are_409_saying_how_to_train()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();

        var problem = await (await tenant.Http.GetAsync("/v1/advertisers/a1/forecasts")).ReadJsonAsync(HttpStatusCode.Conflict);
        var queried = await (await tenant.Http.PostAsJsonAsync("/v1/forecasts/query", new { advertiserIds = new[] { "a1" } })).ReadJsonAsync(HttpStatusCode.Conflict);
        var charted = await (await tenant.Http.GetAsync("/v1/advertisers/a1/forecasts/chart?scenario=app&task=clicks")).ReadJsonAsync(HttpStatusCode.Conflict);
        await (await tenant.Http.GetAsync("/v1/advertisers/ghost/forecasts")).ReadJsonAsync(HttpStatusCode.NotFound); // before any champion, a 404 is a 404

        Assert.All(new[] { problem, queried, charted }, answer => Assert.Contains("POST /v1/models/forecast/train", answer.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task An_unknown_advertiser_is_404_and_an_unsupported_horizon_is_400()
    {
        var tenant = await app.NewTenantWithA1InAppAsync();

        await (await tenant.Http.GetAsync("/v1/advertisers/ghost/forecasts")).ReadJsonAsync(HttpStatusCode.NotFound);
        var problem = await (await tenant.Http.GetAsync("/v1/advertisers/a1/forecasts?horizon=30")).ReadJsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["horizon"], problem.ErrorFields());
    }

    [Fact]
    public async Task Training_through_the_api_promotes_a_champion_that_serves_forecasts_with_intervals()
    {
        var (tenant, advertiser) = await DemoTenant.CreateAsync(app);

        var accepted = await tenant.Http.PostAsync("/v1/models/forecast/train", null);
        await accepted.ReadJsonAsync(HttpStatusCode.Accepted);
        var job = await tenant.WaitForJobAsync(accepted.Headers.Location!.ToString());

        Assert.Equal("Succeeded", job.GetProperty("state").GetString());
        Assert.Equal(100, job.GetProperty("progress").GetProperty("percent").GetInt32());
        var models = await (await tenant.Http.GetAsync("/v1/models")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Champion", models[0].GetProperty("status").GetString());
        Assert.Equal("m2m-guarded", models[0].GetProperty("architecture").GetString());
        var byForecaster = models[0].GetProperty("metrics").GetProperty("validationByForecaster").GetProperty("clicks");
        Assert.Superset(new HashSet<string> { "m2m", "lightgbm", "seasonal-naive-7d", "naive-last-day", "moving-average-28d", "served" },
            byForecaster.EnumerateObject().Select(forecaster => forecaster.Name).ToHashSet());

        var forecast = await (await tenant.Http.GetAsync($"/v1/advertisers/{advertiser}/forecasts?horizon=7")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, forecast.GetProperty("modelVersion").GetInt32());
        var summary = await DemoTenant.WaitForSummaryAsync(tenant);
        Assert.True(summary.GetProperty("forecasts").GetInt32() > 0);
        Assert.InRange(summary.GetProperty("mostLikelyToChurn")[0].GetProperty("churnProbability").GetDouble(), 0, 1);
        var queried = await (await tenant.Http.PostAsJsonAsync("/v1/forecasts/query", new { advertiserIds = new[] { advertiser, "ghost" } }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["ghost"], queried.GetProperty("unknownAdvertiserIds").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal(Figures(forecast), Figures(queried.GetProperty("forecasts")[0]));
        Assert.Contains("spend", forecast.GetProperty("notForecast").EnumerateObject().Select(task => task.Name));
        var scenarios = forecast.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.NotEmpty(scenarios);
        Assert.All(scenarios, scenario =>
        {
            Assert.InRange(scenario.GetProperty("churnProbability").GetDouble(), 0, 1);
            foreach (var task in scenario.GetProperty("tasks").EnumerateObject())
            {
                var point = task.Value.GetProperty("forecast").GetDouble();
                Assert.InRange(point, task.Value.GetProperty("lower").GetDouble(), task.Value.GetProperty("upper").GetDouble());
                Assert.False(string.IsNullOrEmpty(task.Value.GetProperty("model").GetString()), $"{task.Name} names no model");
            }
        });
        var scenario = scenarios[0].GetProperty("scenario").GetString();
        var chart = await tenant.Http.GetAsync($"/v1/advertisers/{advertiser}/forecasts/chart?scenario={scenario}&task=impressions");
        Assert.Equal("image/png", chart.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await chart.Content.ReadAsByteArrayAsync()).Take(4));
        var badTask = await tenant.Http.GetAsync($"/v1/advertisers/{advertiser}/forecasts/chart?scenario={scenario}&task=revenue");
        Assert.Equal(["task"], (await badTask.ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());

        // What an operator's Prometheus scrapes: the training, the forecasts served by source, the HTTP server.
        using var scraper = app.CreateClient();
        var metrics = await scraper.GetStringAsync("/metrics");
        Assert.Matches("forecast_training_duration_seconds_count\\{[^}]*kind=\"forecast\"[^}]*outcome=\"promoted\"", metrics);
        Assert.Matches("forecast_forecasts_served_total\\{[^}]*architecture=\"m2m-guarded\"[^}]*source=\"(batch-scored|computed-now)\"", metrics);
        Assert.Contains("http_server_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_is_not_better_stays_candidate_and_the_champion_keeps_serving()
    {
        var (tenant, advertiser) = await DemoTenant.CreateAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TrainForecastModelJob>().RunAsync(tenant.Id, null, CancellationToken.None);

        // The same data and seeds give the same model: not better than the champion, so the gate keeps it as candidate.
        // Loading a model draws from libtorch's global generator, so the scoring job that loads the new champion must
        // have finished before the second run seeds its own.
        await DemoTenant.WaitForSummaryAsync(tenant);
        await scope.ServiceProvider.GetRequiredService<TrainForecastModelJob>().RunAsync(tenant.Id, null, CancellationToken.None);

        var models = await (await tenant.Http.GetAsync("/v1/models")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Candidate", "Champion"], models.EnumerateArray().Select(model => model.GetProperty("status").GetString()));
        var forecast = await (await tenant.Http.GetAsync($"/v1/advertisers/{advertiser}/forecasts")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, forecast.GetProperty("modelVersion").GetInt32());

        var candidate = models[0].GetProperty("id").GetGuid();
        await (await tenant.Http.PostAsync($"/v1/models/{candidate}/promote", null)).ReadJsonAsync(HttpStatusCode.OK);
        await Task.Delay(Forecast.Serving.Champions.ForecastChampions.RecheckAfter + TimeSpan.FromMilliseconds(200));
        var promoted = await (await tenant.Http.GetAsync($"/v1/advertisers/{advertiser}/forecasts")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, promoted.GetProperty("modelVersion").GetInt32());

        await (await tenant.Http.PostAsync("/v1/models/forecast/rollback", null)).ReadJsonAsync(HttpStatusCode.OK);
        var statuses = await (await tenant.Http.GetAsync("/v1/models")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Retired", "Champion"], statuses.EnumerateArray().Select(model => model.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Another_tenants_job_is_not_found()
    {
        var owner = await app.NewTenantAsync();
        var other = await app.NewTenantAsync();
        var accepted = await owner.Http.PostAsync("/v1/models/forecast/train", null);
        await accepted.ReadJsonAsync(HttpStatusCode.Accepted);

        await (await other.Http.GetAsync(accepted.Headers.Location!.ToString())).ReadJsonAsync(HttpStatusCode.NotFound);
        await (await other.Http.GetAsync("/v1/jobs/not-a-job")).ReadJsonAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_query_for_more_than_1000_advertisers_is_400()
    {
        var tenant = await app.NewTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync("/v1/forecasts/query", new { advertiserIds = Enumerable.Range(0, 1001).Select(id => $"a{id}") });

        Assert.Equal(["advertiserIds"], (await response.ReadJsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    /// <summary>Every number of a forecast by scenario and task, whatever order the JSON lists them in.</summary>
    private static List<string> Figures(JsonElement forecast) =>
        forecast.GetProperty("scenarios").EnumerateArray()
            .SelectMany(scenario => scenario.GetProperty("tasks").EnumerateObject().Select(task =>
                $"{scenario.GetProperty("scenario")}/{task.Name}: {task.Value.GetProperty("forecast")} {task.Value.GetProperty("lower")} {task.Value.GetProperty("upper")} {scenario.GetProperty("churnProbability")}"))
            .Order()
            .ToList();
}
